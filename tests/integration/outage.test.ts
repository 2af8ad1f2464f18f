import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";
import { neo4jStatus, startNeo4j, stopNeo4j } from "../../neo4j-launcher/launcher";
import { startTestServer, type TestServer } from "../support/server";
import { instanceCredentials, testNeo4jPort } from "../support/test-neo4j";

// A Neo4j of this file's own (port and folder), so stopping it never disturbs the shared test instance.
const PORT = testNeo4jPort(7694);
const QUERY = "{ dataRelease { version } }";

describe("the API through Neo4j outages", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-outage-"));
  const instance = { projectRoot: PROJECT_ROOT, port: PORT, dataDir };
  let server: TestServer;

  beforeAll(async () => {
    const { portState } = await neo4jStatus(instance);
    if (portState !== "free")
      throw new Error(`port ${PORT} must be free for the outage test (it is: ${portState})`);
    // The API starts first, while nothing listens on the port.
    server = await startTestServer({
      NEO4J_URI: `bolt://127.0.0.1:${PORT}`,
      ...instanceCredentials(dataDir),
      RATE_LIMIT_ENABLED: "false",
    });
  });
  afterAll(async () => {
    await server?.close();
    await stopNeo4j({ dataDir });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function timedQuery() {
    const started = performance.now();
    const result = await server.graphql(QUERY);
    return { ...result, elapsedMs: performance.now() - started };
  }

  async function expectUnavailableFast() {
    const { status, body, elapsedMs } = await timedQuery();
    expect(status).toBeLessThan(500);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(elapsedMs).toBeLessThan(2000);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    return elapsedMs;
  }

  /** Queries until one succeeds; returns how long that took. */
  async function untilAnswered(limitMs: number): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < limitMs) {
      const { body } = await server.graphql(QUERY);
      if (!body.errors) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no successful query within ${limitMs} ms`);
  }

  it("starts while Neo4j is down: /health 200, /ready 503, queries get SERVICE_UNAVAILABLE within 2 s", async () => {
    const elapsed = await expectUnavailableFast();
    report("error latency with Neo4j never started", elapsed);
  });

  it("answers once Neo4j is up, without a restart", async () => {
    expect((await startNeo4j(instance)).startedNow).toBe(true);
    report("first answer after Neo4j started", await untilAnswered(10_000));
    // A first start also sets the generated password (with Bolt off): slower on a busy machine.
  }, 180_000);

  it("answers SERVICE_UNAVAILABLE within 2 s when Neo4j stops under it, and recovers within 10 s of its return", async () => {
    expect((await timedQuery()).body.errors).toBeUndefined();
    expect(await stopNeo4j({ dataDir })).toBe(true);
    const latencies: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) latencies.push(await expectUnavailableFast());
    report("error latencies with Neo4j stopped", ...latencies);

    expect((await startNeo4j(instance)).startedNow).toBe(true);
    report("recovery after Neo4j restarted", await untilAnswered(10_000));
    const ready = await fetch(`${server.url}/ready`);
    expect(((await ready.json()) as { neo4j: string }).neo4j).toBe("ok");
  }, 180_000);
});

function report(what: string, ...milliseconds: number[]) {
  process.stdout.write(`outage: ${what}: ${milliseconds.map((ms) => `${Math.round(ms)} ms`).join(", ")}\n`);
}
