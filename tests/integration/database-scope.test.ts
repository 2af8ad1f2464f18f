import { randomUUID } from "node:crypto";
import { connectNeo4j, type Neo4jConnection } from "../../src/neo4j/connection";
import { testConfig } from "../support/server";

/** Polls until `check` holds or the time is up; returns whether it held. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("a request's view of the database (Database.scope)", () => {
  let connection: Neo4jConnection;
  // A long transaction timeout: only the request's signal may end the slow query below.
  beforeAll(() => {
    connection = connectNeo4j(testConfig({ NEO4J_TX_TIMEOUT_MS: "120000" }).neo4j);
  });
  afterAll(() => connection.close());

  const running = async (marker: string) => {
    const [row] = await connection.database.read<{ n: number }>(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n",
      { marker },
    );
    return row!.n;
  };

  it.each([
    ["a managed read transaction", false],
    ["an auto-commit read", true],
  ])(
    "ends %s in flight when the request's signal aborts, and rejects it with the signal's reason",
    async (_, autoCommitReads) => {
      const marker = `slow-${randomUUID()}`;
      const controller = new AbortController();
      const db = connection.database.scope({ signal: controller.signal, autoCommitReads });
      const slow = db.read(`UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN '${marker}' AS m`);
      slow.catch(() => undefined);
      expect(await eventually(async () => (await running(marker)) === 1)).toBe(true);

      const reason = new Error("the request's deadline passed");
      controller.abort(reason);
      await expect(slow).rejects.toBe(reason);
      expect(await eventually(async () => (await running(marker)) === 0)).toBe(true);
    },
  );

  it("refuses a query once the signal has aborted, without reaching Neo4j", async () => {
    const controller = new AbortController();
    const reason = new Error("too late");
    controller.abort(reason);
    await expect(connection.database.scope({ signal: controller.signal }).read("RETURN 1")).rejects.toBe(
      reason,
    );
  });

  it("hands back the bookmark of a write, and reads that start from it", async () => {
    const bookmarks = { value: [] as string[] };
    const db = connection.database.scope({ bookmarks });
    await db.write("MERGE (s:ScopeTest {id: $id}) RETURN s.id AS id", { id: "bookmark" });
    expect(bookmarks.value.length).toBeGreaterThan(0);
    const written = [...bookmarks.value];
    const [row] = await db.read<{ id: string }>("MATCH (s:ScopeTest {id: $id}) RETURN s.id AS id", {
      id: "bookmark",
    });
    expect(row).toEqual({ id: "bookmark" });
    expect(bookmarks.value).toEqual(written);
    await connection.database.write("MATCH (s:ScopeTest) DELETE s");
  });

  const openWith = async (marker: string) => {
    const [result] = await connection.database.read<{ n: number }>(
      "SHOW TRANSACTIONS YIELD metaData WHERE metaData.marker = $marker RETURN count(*) AS n",
      { marker },
    );
    return result!.n;
  };

  it("runs each read of a request as one auto-commit statement when asked, leaving nothing open between reads", async () => {
    const db = connection.database.scope({ autoCommitReads: true });
    // Neo4j runs CALL { … } IN TRANSACTIONS only in an auto-commit statement: in a transaction it refuses it.
    const batched = "UNWIND [1, 2] AS x CALL (x) { RETURN x * 10 AS y } IN TRANSACTIONS RETURN y ORDER BY y";
    await expect(db.read<{ y: number }>(batched)).resolves.toEqual([{ y: 10 }, { y: 20 }]);
    await expect(connection.database.read(batched)).rejects.toThrow(/implicit transaction/i);

    const marker = `auto-commit-${randomUUID()}`;
    await db.read("CALL tx.setMetaData({ marker: $marker })", { marker });
    expect(await openWith(marker)).toBe(0);
  });

  it("starts auto-commit reads after a write from the write's bookmarks", async () => {
    const marker = `after-write-${randomUUID()}`;
    const bookmarks = { value: [] as string[] };
    const db = connection.database.scope({ autoCommitReads: true, bookmarks });
    await db.read("RETURN 1 AS n");
    await db.write("MERGE (s:ScopeTest {id: $id}) RETURN s.id AS id", { id: marker });
    const written = [...bookmarks.value];
    expect(written.length).toBeGreaterThan(0);
    const [row] = await db.read<{ id: string }>("MATCH (s:ScopeTest {id: $id}) RETURN s.id AS id", {
      id: marker,
    });
    expect(row).toEqual({ id: marker });
    await connection.database.write("MATCH (s:ScopeTest) DELETE s");
  });

  it("does not let a failed read end the request's other reads", async () => {
    const db = connection.database.scope({ autoCommitReads: true });
    await expect(db.read("RETURN 1 / $zero AS x", { zero: 0 })).rejects.toThrow();
    await expect(db.read<{ n: number }>("RETURN 2 AS n")).resolves.toEqual([{ n: 2 }]);
  });

  it("keeps a failed read's code and message, and leaves stack traces on as they were", async () => {
    const limit = Error.stackTraceLimit;
    const db = connection.database.scope({ autoCommitReads: true });
    const failure = await db.read("RETURN 1 / $zero AS x", { zero: 0 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: "Neo.ClientError.Statement.ArithmeticError",
      message: expect.stringMatching(/by zero/i),
    });
    await db.read("RETURN 1 AS n");
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error("here").stack).toContain("database-scope.test");
  });
});
