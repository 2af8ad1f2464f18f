import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";
import { neo4jStatus, startNeo4j, stopNeo4j } from "../../neo4j-launcher/launcher";
import { testNeo4jPort } from "../support/test-neo4j";

// A port and folder of this file's own, so stopping Neo4j here never disturbs the shared test instance.
const PORT = testNeo4jPort(7691);

describe("the embedded Neo4j launcher", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-launcher-"));
  const instance = { projectRoot: PROJECT_ROOT, port: PORT, dataDir };

  afterAll(async () => {
    await stopNeo4j({ dataDir });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts Neo4j on 127.0.0.1, reuses it on a second start, and stops it cleanly", async () => {
    const first = await startNeo4j(instance);
    expect(first).toMatchObject({ uri: `bolt://127.0.0.1:${PORT}`, startedNow: true });
    expect((await neo4jStatus(instance)).portState).toBe("neo4j");

    const second = await startNeo4j(instance);
    expect(second).toMatchObject({ startedNow: false, pid: first.pid });

    expect(await stopNeo4j({ dataDir })).toBe(true);
    expect((await neo4jStatus(instance)).portState).toBe("free");
    const log = fs.readFileSync(path.join(dataDir, "launcher.log"), "utf8");
    expect(log).toContain("PAINGRAPH_NEO4J_STOPPED");
    // A first start also sets the generated password (with Bolt off): slower on a busy machine.
  }, 180_000);

  it("restarts on the same data without recovery after a clean stop", async () => {
    await startNeo4j(instance);
    await stopNeo4j({ dataDir });
    const debugLog = fs.readFileSync(path.join(dataDir, "logs", "debug.log"), "utf8");
    // Both starts on this data are in the log: without them the check below would read nothing and pass.
    expect(debugLog.match(/Starting/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    const lastStart = debugLog.slice(debugLog.lastIndexOf("Starting"));
    expect(lastStart.length).toBeGreaterThan("Starting".length);
    expect(lastStart).not.toMatch(/Recovery (started|required)/i);
  }, 180_000);

  it("refuses with a clear message when the port is taken by something that is not Neo4j", async () => {
    const squatter = net.createServer((socket) => socket.end("SSH-2.0-OpenSSH\r\n"));
    await new Promise<void>((resolve) => squatter.listen(PORT, "127.0.0.1", resolve));
    try {
      await expect(startNeo4j(instance)).rejects.toThrow(/in use by something that is not Neo4j/);
    } finally {
      squatter.close();
    }
  });
});
