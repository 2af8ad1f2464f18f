/**
 * Every read the API makes runs in a READ session with the database named, through the routing protocol
 * (neo4j://): what a cluster needs to send reads to followers and to the named database.
 * A single Neo4j answers any session, so this is asserted on what the API asks the driver for.
 */
import fs from "node:fs";
import path from "node:path";
import { ServiceUnavailableError } from "../../src/errors";
import { LANDING_OPERATION } from "../../src/http/landing-operation";
import { seedTestGraph } from "../support/graph";
import { recordingDriver, type RecordingDriver } from "../support/recording-driver";
import { startTestServer, testConfig, testNeo4jUri, type TestServer } from "../support/server";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const examples = fs
  .readdirSync(EXAMPLES)
  .filter((file) => file.endsWith(".graphql"))
  .sort()
  .map((file) => fs.readFileSync(path.join(EXAMPLES, file), "utf8"));

describe("reads through the driver", () => {
  const routed = { NEO4J_URI: testNeo4jUri().replace(/^bolt:/, "neo4j:"), RATE_LIMIT_ENABLED: "false" };
  let recorder: RecordingDriver;
  let server: TestServer;

  beforeAll(async () => {
    const { neo4j } = testConfig(routed);
    recorder = recordingDriver(neo4j);
    server = await startTestServer(routed, { database: () => recorder.database(neo4j) });
    await seedTestGraph(server.connection.database);
  });
  afterAll(async () => {
    await server?.close();
    await recorder?.close();
  });

  it("are READ sessions on the named database, for every example operation", async () => {
    recorder.sessions.length = 0;
    for (const document of examples) {
      const { body } = await server.graphql(document);
      expect(body.errors).toBeUndefined();
    }
    const landing = await server.graphql(LANDING_OPERATION.document, { ...LANDING_OPERATION.variables });
    expect(landing.body.errors).toBeUndefined();

    const sessions = recorder.sessions;
    expect(sessions.length).toBeGreaterThan(examples.length);
    expect(new Set(sessions.map((session) => session.database))).toEqual(new Set(["neo4j"]));
    expect(new Set(sessions.map((session) => session.accessMode))).toEqual(new Set(["READ"]));
    const work = new Set(sessions.flatMap((session) => session.work));
    // run in a READ session: a request's auto-commit read; executeRead: a managed read transaction (reads outside
    // a request, e.g. the release stamp, when it happens to poll). Never a write, never an explicit transaction.
    expect([...work].filter((kind) => kind !== "executeRead" && kind !== "run")).toEqual([]);
    expect(work.has("run")).toBe(true);
    // One statement, one session: a request holds a pooled connection only while a statement runs.
    for (const session of sessions) expect(session.work).toHaveLength(1);
  });

  it("runs a request's read once more, in a new session, after a retryable failure, and only once", async () => {
    // Its own recorder: one background read of the server's landing in the retry's pause was counted as this read's.
    await withOwnRecorder(retriesOnce);
  });

  async function retriesOnce(recorder: RecordingDriver): Promise<void> {
    const db = recorder.database(server.config.neo4j).scope({ autoCommitReads: true });
    recorder.sessions.length = 0;
    recorder.failRuns = 1;
    const started = performance.now();
    await expect(db.read<{ n: number }>("RETURN 1 AS n")).resolves.toEqual([{ n: 1 }]);
    expect(recorder.sessions.map((session) => session.work)).toEqual([["run"], ["run"]]);
    // After a jittered pause (50-150 ms), so a burst of retries does not meet the same peak.
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);

    recorder.sessions.length = 0;
    recorder.failRuns = 2;
    await expect(db.read("RETURN 1 AS n")).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(recorder.sessions).toHaveLength(2);

    recorder.sessions.length = 0;
    await expect(db.read("RETURN 1 / $zero AS x", { zero: 0 })).rejects.toMatchObject({
      code: "Neo.ClientError.Statement.ArithmeticError",
    });
    expect(recorder.sessions).toHaveLength(1);
    expect(recorder.failRuns).toBe(0);
  }

  it("names the database the config names, and routes writes as writes", async () => {
    expect(server.config.neo4j.database).toBe("neo4j");
    await withOwnRecorder(async (recorder) => {
      await recorder.database(server.config.neo4j).write("RETURN 1 AS one");
      expect(recorder.sessions).toEqual([
        expect.objectContaining({ database: "neo4j", accessMode: "WRITE", work: ["executeWrite"] }),
      ]);
    });
  });

  /**
   * Runs checks that count sessions on a recorder the server does not use: the server's background reads (the
   * release stamp's poll, every second) go through the shared one and would be counted with them.
   */
  async function withOwnRecorder(check: (recorder: RecordingDriver) => Promise<void>): Promise<void> {
    const own = recordingDriver(server.config.neo4j);
    try {
      await check(own);
    } finally {
      await own.close();
    }
  }
});
