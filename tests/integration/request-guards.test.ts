import { randomUUID } from "node:crypto";
import type { Database } from "../../src/neo4j/database";
import { decorate } from "../../src/neo4j/decorate";
import { startTestServer, type TestServer } from "../support/server";

const codeOf = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  body.errors?.[0]?.extensions?.code;

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** The request's database, with one statement swapped for a slow one (every other call passes through). */
function slowing(database: Database, when: string, slow: string): Database {
  return {
    read: (cypher, params) => database.read(cypher.includes(when) ? slow : cypher, params),
    write: (cypher, params) => database.write(cypher, params),
    writeTransaction: (work, options) => database.writeTransaction(work, options),
    schema: (cypher, params) => database.schema(cypher, params),
    scope: (scope) => slowing(database.scope(scope), when, slow),
  };
}

describe("the request deadline, through HTTP", () => {
  const marker = `deadline-${randomUUID()}`;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(
      // Neo4j's own transaction timeout is far away: only the request's deadline can end the query.
      {
        REQUEST_TIMEOUT_MS: "3000",
        NEO4J_TX_TIMEOUT_MS: "120000",
        RATE_LIMIT_ENABLED: "false",
        RESPONSE_CACHE_RELEASE_POLL_MS: "600000",
      },
      {
        database: (db) =>
          slowing(
            db,
            "allShortestPaths",
            `UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN '${marker}' AS m`,
          ),
      },
    );
  });
  afterAll(() => server.close());

  const running = async () => {
    const [row] = await server.connection.database.read<{ n: number }>(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n",
      { marker },
    );
    return row!.n;
  };

  it("answers 503 REQUEST_TIMEOUT at REQUEST_TIMEOUT_MS and ends the Cypher still running in Neo4j", async () => {
    // A first request opens the server's pooled connections, so the deadline below is spent on the slow query.
    expect((await server.graphql('{ condition(id: "condition:migraine") { id } }')).status).toBe(200);
    const started = Date.now();
    const answer = server.graphql(
      '{ explainPath(fromId: "condition:migraine", toId: "treatment:exercise", maxHops: 3) { length } }',
    );
    const seenRunning = await eventually(async () => (await running()) === 1, 10_000);
    const { status, body } = await answer;
    expect(seenRunning).toBe(true);
    expect([status, codeOf(body)]).toEqual([503, "REQUEST_TIMEOUT"]);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Not merely refused further work: the transaction in flight is gone from Neo4j.
    expect(await eventually(async () => (await running()) === 0, 10_000)).toBe(true);
  });
});

describe("the per-request cap on concurrent database calls", () => {
  /** Counts the calls in flight across the server's requests; each waits a little so that overlaps show. */
  const watch = () => {
    const seen = { running: 0, most: 0 };
    const wrap = (db: Database) =>
      decorate(db, async (_call, proceed) => {
        seen.running += 1;
        seen.most = Math.max(seen.most, seen.running);
        try {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return await proceed();
        } finally {
          seen.running -= 1;
        }
      });
    return { seen, wrap };
  };
  const WIDE = `{ ${Array.from({ length: 8 }, (_, i) => `t${i}: treatments(first: ${i + 1}) { totalCount }`).join(" ")} }`;

  it.each([
    ["2", (most: number) => most <= 2],
    ["50", (most: number) => most > 2],
  ])("with REQUEST_MAX_CONCURRENT_QUERIES=%s, runs one wide operation within it", async (limit, holds) => {
    const { seen, wrap } = watch();
    const server = await startTestServer(
      // No release polls: only the request's own calls are counted.
      {
        REQUEST_MAX_CONCURRENT_QUERIES: limit,
        RATE_LIMIT_ENABLED: "false",
        RESPONSE_CACHE_RELEASE_POLL_MS: "600000",
      },
      { database: wrap },
    );
    try {
      const { body } = await server.graphql(WIDE);
      expect(body.errors).toBeUndefined();
      expect(Object.keys(body.data ?? {})).toHaveLength(8);
      expect({ limit, most: seen.most, holds: holds(seen.most) }).toMatchObject({ holds: true });
    } finally {
      await server.close();
    }
  });
});

describe("/ready", () => {
  it("costs Neo4j at most one round trip a second however often it is asked", async () => {
    let calls = 0;
    const server = await startTestServer(
      { RATE_LIMIT_ENABLED: "false", RESPONSE_CACHE_RELEASE_POLL_MS: "600000" },
      {
        database: (db) =>
          decorate(db, (_call, proceed) => {
            calls += 1;
            return proceed();
          }),
      },
    );
    try {
      const before = calls;
      const statuses = await Promise.all(
        Array.from({ length: 30 }, async () => (await fetch(`${server.url}/ready`)).status),
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
      expect(calls - before).toBeLessThanOrEqual(2);
    } finally {
      await server.close();
    }
  });
});

describe("production /metrics", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production", RATE_LIMIT_ENABLED: "false" });
  });
  afterAll(() => server.close());

  it("answers only on its own port (METRICS_PORT) bound to HOST, never on the public one", async () => {
    expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.metricsUrl).not.toBe(server.url);
    const publicAnswer = await fetch(`${server.url}/metrics`, {
      headers: { origin: "https://evil.example" },
    });
    expect(publicAnswer.status).toBe(404);
    expect(await publicAnswer.text()).not.toMatch(/paingraph_/);
    const own = await fetch(`${server.metricsUrl}/metrics`);
    expect(own.status).toBe(200);
    expect(await own.text()).toMatch(/paingraph_/);
    expect(own.headers.get("access-control-allow-origin")).toBeNull();
    // The metrics port serves nothing else.
    expect((await fetch(`${server.metricsUrl}/graphql?query=%7B__typename%7D`)).status).toBe(404);
  });
});
