import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { testNeo4jUri } from "../support/server";

const MAIN = path.resolve(__dirname, "../../dist/src/main.js");
const QUERY = JSON.stringify({ query: "{ dataRelease { version } }" });

interface Api {
  process: ChildProcess;
  port: number;
  exited: Promise<number | null>;
}

/** Runs the built API (dist/src/main.js) against the test Neo4j, on a free port read from its log. */
async function startApi(env: Record<string, string> = {}): Promise<Api> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NEO4J_URI: testNeo4jUri(),
      PORT: "0",
      LOG_JSON: "true",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"http:\/\/127\.0\.0\.1:(\d+)\/graphql"/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`the API exited (${code}) before listening: ${output}`)));
  });
  return { process: child, port, exited };
}

/** Sends the headers and half the body, so the request is in flight until finish() sends the rest. */
function slowRequest(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  const head =
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(QUERY)}\r\n\r\n`;
  const half = Math.floor(QUERY.length / 2);
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<string>((resolve) => socket.once("close", () => resolve(received)));
  const connected = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return {
    async start() {
      await connected;
      socket.write(head + QUERY.slice(0, half));
    },
    finish: () => socket.write(QUERY.slice(half)),
    closed,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("graceful shutdown of the API process", () => {
  it("on SIGTERM stops accepting, finishes the request in flight, closes the driver and exits 0", async () => {
    const api = await startApi();
    const request = slowRequest(api.port);
    await request.start();
    await sleep(200);
    api.process.kill("SIGTERM");
    await sleep(300);
    await expect(fetch(`http://127.0.0.1:${api.port}/health`)).rejects.toThrow();
    request.finish();
    const response = await request.closed;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain('"dataRelease"');
    expect(await api.exited).toBe(0);
  });

  it("gives up on a request that never finishes after SHUTDOWN_TIMEOUT_MS, and still exits 0", async () => {
    const api = await startApi({ SHUTDOWN_TIMEOUT_MS: "1000" });
    const request = slowRequest(api.port);
    await request.start();
    await sleep(200);
    const started = performance.now();
    api.process.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(4000);
    await request.closed;
  });
});
