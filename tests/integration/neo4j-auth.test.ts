import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, PROJECT_ROOT } from "../../src/config";
import { connectNeo4j } from "../../src/neo4j/connection";
import { neo4jPasswordFile } from "../../src/neo4j/credentials";
import { ForeignDatabaseError, runSeed } from "../../src/write-model/run-seed";
import { isOurNeo4j, startNeo4j, stopNeo4j } from "../../neo4j-launcher/launcher";
import { attemptBolt } from "../support/bolt-client";
import { testNeo4jPort } from "../support/test-neo4j";

// A Neo4j of this file's own: it changes the password and stops the instance.
const PORT = testNeo4jPort(7685);

describe("the embedded Neo4j's authentication", () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-auth-")), "data");
  const instance = { projectRoot: PROJECT_ROOT, port: PORT, dataDir };
  const password = () => fs.readFileSync(neo4jPasswordFile(dataDir), "utf8").trim();
  const basic = (credentials: string) => ({ scheme: "basic", principal: "neo4j", credentials });
  const connect = () =>
    connectNeo4j(
      loadConfig({
        NODE_ENV: "test",
        NEO4J_URI: `bolt://127.0.0.1:${PORT}`,
        NEO4J_PASSWORD_FILE: neo4jPasswordFile(dataDir),
      }).neo4j,
    );

  beforeAll(async () => {
    await startNeo4j(instance);
  }, 180_000);
  afterAll(async () => {
    await stopNeo4j({ dataDir });
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it("keeps its data folder private (0700) and a random password in an owner-only file (0600)", () => {
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(neo4jPasswordFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(password()).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("answers the right password and refuses a wrong one or none over Bolt", async () => {
    expect(await attemptBolt(PORT, basic(password()))).toMatchObject({ hello: "SUCCESS", run: "SUCCESS" });
    const wrong = await attemptBolt(PORT, basic("not-the-password"));
    expect(wrong.hello).toBe("FAILURE");
    expect(wrong.run).not.toBe("SUCCESS");
    expect(wrong.codes).toContain("Neo.ClientError.Security.Unauthorized");
    const none = await attemptBolt(PORT, { scheme: "none" });
    expect(none.hello).toBe("FAILURE");
    expect(none.run).not.toBe("SUCCESS");
  });

  it("gives a WebSocket from a foreign web origin no usable session without the password", async () => {
    const evil = "https://evil.example";
    // The client is sound: with the password, the same WebSocket route runs a query.
    expect(await attemptBolt(PORT, basic(password()), evil)).toMatchObject({
      hello: "SUCCESS",
      run: "SUCCESS",
    });
    for (const auth of [{ scheme: "none" }, basic("neo4j"), basic("guess-123")]) {
      const attempt = await attemptBolt(PORT, auth, evil);
      expect({ auth, hello: attempt.hello, run: attempt.run === "SUCCESS" }).toEqual({
        auth,
        hello: attempt.upgrade?.includes(" 101 ") ? "FAILURE" : "CLOSED",
        run: false,
      });
    }
  });

  it("refuses to seed a foreign database (nodes, no PainGraph marker) unless adopted, and never deletes its nodes", async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      NEO4J_URI: `bolt://127.0.0.1:${PORT}`,
      NEO4J_PASSWORD_FILE: neo4jPasswordFile(dataDir),
    });
    const connection = connect();
    try {
      const theirs =
        "MATCH (n) WHERE n:Customer OR n:Condition AND n.id = 'their:condition' RETURN count(n) AS n";
      await connection.database.write(
        "CREATE (:Customer {name: 'A customer'}), (:Condition {id: 'their:condition', name: 'Their own'})",
      );
      const count = async () =>
        (await connection.database.read<{ n: number }>("MATCH (n) RETURN count(n) AS n"))[0]!.n;
      const before = await count();
      await expect(runSeed(config)).rejects.toThrow(ForeignDatabaseError);
      await expect(runSeed(config)).rejects.toThrow(/no PainGraph marker.*--adopt/s);
      expect(await count()).toBe(before);
      const [constraints] = await connection.database.read<{ n: number }>(
        "SHOW CONSTRAINTS YIELD name RETURN count(*) AS n",
      );
      expect(constraints!.n).toBe(0);

      const adopted = await runSeed(config, { adopt: true });
      expect(adopted.changed).toBe(true);
      // Marked now: a second load needs no --adopt, and neither load deleted what the loader did not write.
      await runSeed(config);
      expect((await connection.database.read<{ n: number }>(theirs))[0]!.n).toBe(2);
    } finally {
      await connection.database.write("MATCH (n) DETACH DELETE n");
      await connection.close();
    }
  }, 180_000);

  it("keeps the data when the password changes on restart (the path a folder from before auth takes)", async () => {
    const before = connect();
    await before.database.write("CREATE (:AuthProbe {id: 'kept'})");
    await before.close();
    const oldPassword = password();
    await stopNeo4j({ dataDir });
    fs.rmSync(neo4jPasswordFile(dataDir));
    await startNeo4j(instance);
    expect(password()).not.toBe(oldPassword);
    expect((await attemptBolt(PORT, basic(oldPassword))).hello).toBe("FAILURE");
    const after = connect();
    try {
      expect(await after.database.read("MATCH (n:AuthProbe) RETURN n.id AS id")).toEqual([{ id: "kept" }]);
    } finally {
      await after.close();
    }
  }, 180_000);

  it("never signals a process its pid file names unless it is this folder's Neo4j", async () => {
    const pidFile = path.join(dataDir, "launcher.pid");
    const ours = JSON.parse(fs.readFileSync(pidFile, "utf8")) as { pid: number; port: number };
    expect(isOurNeo4j(ours.pid, dataDir)).toBe(true);
    expect(isOurNeo4j(ours.pid, `${dataDir}-other`)).toBe(false);

    const bystander = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      fs.writeFileSync(pidFile, JSON.stringify({ pid: bystander.pid, port: PORT }));
      expect(await stopNeo4j({ dataDir, timeoutMs: 2000 })).toBe(false);
      expect(bystander.exitCode).toBeNull();
      expect(() => process.kill(bystander.pid!, 0)).not.toThrow();
    } finally {
      bystander.kill();
      fs.writeFileSync(pidFile, JSON.stringify(ours));
    }
  });
});
