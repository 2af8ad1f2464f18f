import { spawnSync } from "node:child_process";
import path from "node:path";
import { testNeo4jPort } from "../support/test-neo4j";

const STARTUP_PORT = testNeo4jPort(7698);

const main = path.resolve(__dirname, "../../dist/src/main.js");

describe("starting the API process", () => {
  it("exits non-zero naming PORT and NEO4J_URI when they are malformed", () => {
    const run = spawnSync(process.execPath, [main], {
      env: { ...process.env, PORT: "abc", NEO4J_URI: "localhost-no-scheme" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/PORT must be an integer/);
    expect(run.stderr).toMatch(/NEO4J_URI must be a URI/);
  });
});

describe("npm start (scripts/start.js)", () => {
  const start = path.resolve(__dirname, "../../dist/scripts/start.js");

  it("stops the Neo4j it started when interrupted during start-up, leaving no process behind", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const { spawn } = await import("node:child_process");
    const { probePort } = await import("../../neo4j-launcher/bolt-probe");
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-start-"));
    const child = spawn(process.execPath, [start], {
      env: {
        ...process.env,
        NEO4J_URI: "",
        NEO4J_EMBEDDED_PORT: String(STARTUP_PORT),
        NEO4J_DATA_DIR: dataDir,
        PORT: "0",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // Interrupt as soon as Neo4j is up, while the graph is being seeded.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (output.includes("Neo4j started")) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
    });
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(130);
    expect(output).toContain("Stopping the Neo4j this command started");
    expect(await probePort(STARTUP_PORT)).toBe("free");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 180_000);
});
