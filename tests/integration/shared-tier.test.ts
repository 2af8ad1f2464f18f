/**
 * Two API replicas, one Redis, one Neo4j: the shared tier's promises, proven against real servers.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";
import { hashApiKey } from "../../src/auth/api-keys";
import { readSafelist } from "../../src/limits/safelist";
import { decorate } from "../../src/neo4j/decorate";
import { startNeo4j, stopNeo4j } from "../../neo4j-launcher/launcher";
import { seedTestGraph } from "../support/graph";
import { metricSample } from "../support/metrics";
import { recordingDriver, type RecordingDriver } from "../support/recording-driver";
import { TestRedis, testRedisPort } from "../support/redis";
import { startTestServer, testConfig, type TestServer } from "../support/server";
import { instanceCredentials, testNeo4jPort } from "../support/test-neo4j";

// A Neo4j of this file's own: these tests write.
const NEO4J_PORT = testNeo4jPort(7697);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-replicas-"));
const API_KEY = "curator-key-for-replica-tests-0123";
const redis = new TestRedis(testRedisPort(1));

const replicaEnv = (overrides: Record<string, string> = {}) => ({
  NEO4J_URI: `bolt://127.0.0.1:${NEO4J_PORT}`,
  REDIS_URL: redis.url,
  RESPONSE_CACHE_MB: "8",
  // A poll a minute away: only Redis can tell one replica about the other's write in time.
  RESPONSE_CACHE_RELEASE_POLL_MS: "60000",
  // A write reads the whole graph under the release lock; a machine shared with other jobs can be slow.
  REQUEST_TIMEOUT_MS: "60000",
  NEO4J_TX_TIMEOUT_MS: "60000",
  RATE_LIMIT_BURST: "1000",
  CURATOR_API_KEYS: `alice:${hashApiKey(API_KEY)}`,
  ...instanceCredentials(dataDir),
  ...overrides,
});

const READ = `query ReplicaRead($id: ID!) { condition(id: $id) { id description } }`;
const UPDATE = `mutation ($input: ConditionInput!) { updateCondition(input: $input) { changed version } }`;

async function get(server: TestServer, id: string, headers: Record<string, string> = {}) {
  const params = new URLSearchParams({ query: READ, variables: JSON.stringify({ id }) });
  const response = await fetch(`${server.url}/graphql?${params}`, {
    headers: { "apollo-require-preflight": "true", ...headers },
  });
  const body = (await response.json()) as {
    data?: { condition: { description: string } };
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  return { response, body, release: response.headers.get("x-paingraph-release") };
}

const hits = (server: TestServer) =>
  metricSample(server.url, "paingraph_response_cache_total", { result: "hit" });

describe("two replicas sharing one Redis", () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    await redis.start();
    await startNeo4j({ projectRoot: PROJECT_ROOT, port: NEO4J_PORT, dataDir });
    a = await startTestServer(replicaEnv());
    // B reaches Neo4j through the routing protocol, as against a cluster.
    b = await startTestServer(replicaEnv({ NEO4J_URI: `neo4j://127.0.0.1:${NEO4J_PORT}` }));
    await seedTestGraph(a.connection.database);
    await a.graphql("{ dataRelease { version } }");
  }, 240_000);
  afterAll(async () => {
    await redis.stop();
    await a?.close();
    await b?.close();
    await stopNeo4j({ dataDir });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 180_000);

  it("answers on B from the cache A filled, with an Age header, under the same release", async () => {
    const first = await get(a, "condition:fibromyalgia");
    expect(first.body.errors).toBeUndefined();
    const before = await hits(b);
    const second = await get(b, "condition:fibromyalgia");
    expect(second.body).toEqual(first.body);
    expect(await hits(b)).toBe(before + 1);
    expect(second.response.headers.get("age")).toMatch(/^\d+$/);
    expect(second.release).toBe(first.release);
    expect(first.release).toMatch(/^\d+\.[0-9a-f]{12}$/);
  });

  it("never shares an answer to patient factors through Redis: B executes it again, private, no-store", async () => {
    const query = `query PatientShared($input: RecommendTreatmentsInput!) {
      recommendTreatments(input: $input) { items { treatment { id } } } }`;
    const variables = {
      input: { conditionIds: ["condition:migraine"], intent: "ACUTE", patient: { ageYears: 70 } },
    };
    const post = (server: TestServer) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
    const before = await hits(b);
    const [onA, onB] = [await post(a), await post(b)];
    for (const response of [onA, onB]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("age")).toBeNull();
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
    expect(await onB.json()).toEqual(await onA.json());
    expect(await hits(b)).toBe(before);
  });

  it("shows a write on A in the very next read on B, though B had cached the old answer", async () => {
    const id = "condition:migraine";
    const old = await get(b, id);
    expect((await get(b, id)).body).toEqual(old.body);
    const edited = `${old.body.data!.condition.description} (edited on replica A)`;
    const write = await fetch(`${a.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": API_KEY },
      body: JSON.stringify({ query: UPDATE, variables: { input: { id, description: edited } } }),
    });
    expect(((await write.json()) as { errors?: unknown }).errors).toBeUndefined();
    // A role-gated answer is the caller's alone: no shared cache may keep it.
    expect(write.headers.get("cache-control")).toBe("private, no-store");
    expect(write.headers.get("x-paingraph-release")).not.toBe(old.release);
    const next = await get(b, id);
    expect(next.body.data!.condition.description).toBe(edited);
    expect(next.release).not.toBe(old.release);
  });

  it("registers an automatic persisted query on A and answers its hash alone on B, over GET", async () => {
    const query = `{ condition(id: "condition:fibromyalgia") { name } }`;
    const extensions = JSON.stringify({
      persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") },
    });
    const headers = { "apollo-require-preflight": "true" };
    const unknown = await fetch(`${b.url}/graphql?${new URLSearchParams({ extensions })}`, { headers });
    expect(JSON.stringify(await unknown.json())).toContain("PERSISTED_QUERY_NOT_FOUND");
    const register = await fetch(`${a.url}/graphql?${new URLSearchParams({ query, extensions })}`, {
      headers,
    });
    expect(register.status).toBe(200);
    const hashed = await fetch(`${b.url}/graphql?${new URLSearchParams({ extensions })}`, { headers });
    expect(await hashed.json()).toEqual({ data: { condition: { name: "Fibromyalgia" } } });
  });

  it("keeps answering correctly while Redis is stopped mid-load, and shares again once it is back", async () => {
    const ids = ["condition:fibromyalgia", "condition:migraine", "condition:chronic-low-back-pain"];
    const truth = new Map<string, string>();
    for (const id of ids) truth.set(id, (await get(a, id)).body.data!.condition.description);
    const release = (await get(a, ids[0]!)).release;

    let stopped = false;
    const load = (async () => {
      const outcomes: Array<{ ok: boolean; release: string | null; right: boolean }> = [];
      for (let round = 0; round < 40; round++) {
        const server = round % 2 === 0 ? a : b;
        const id = ids[round % ids.length]!;
        const { response, body, release: named } = await get(server, id);
        outcomes.push({
          ok: response.status === 200 && body.errors === undefined,
          release: named,
          right: body.data?.condition.description === truth.get(id),
        });
        if (round === 10) {
          await redis.stop();
          stopped = true;
        }
      }
      return outcomes;
    })();
    const outcomes = await load;
    expect(stopped).toBe(true);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(outcomes.filter((outcome) => !outcome.right)).toEqual([]);
    expect(new Set(outcomes.map((outcome) => outcome.release))).toEqual(new Set([release]));
    expect(await metricSample(a.url, "paingraph_redis_up")).toBe(0);
    expect(await metricSample(a.url, "paingraph_response_cache_total", { result: "bypass" })).toBeGreaterThan(
      0,
    );

    await redis.start();
    const deadline = Date.now() + 20_000;
    while (
      (await metricSample(b.url, "paingraph_redis_up")) !== 1 ||
      (await metricSample(a.url, "paingraph_redis_up")) !== 1
    ) {
      if (Date.now() > deadline) throw new Error("the replicas did not reconnect to Redis");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The restarted Redis is empty: A fills it, B hits.
    await get(a, "condition:fibromyalgia");
    const before = await hits(b);
    await get(b, "condition:fibromyalgia");
    expect(await hits(b)).toBe(before + 1);
  }, 120_000);

  it("loses no write and gives no wrong answer while a replica restarts: in flight it finishes, the restarted one reads the write it missed", async () => {
    const id = "condition:chronic-neck-pain";
    const answers = new Map<string, string>();
    // The replica keeps no cache and each of its queries takes 400 ms, so requests are surely in flight.
    const slowly = replicaEnv({ RESPONSE_CACHE_MB: "0" });
    let started = 0;
    let replica = await startTestServer(slowly, {
      database: (db) =>
        decorate(db, async (call, proceed) => {
          if (call.kind === "query" && call.cypher.includes("$ids")) {
            started++;
            await new Promise((resolve) => setTimeout(resolve, 400));
          }
          return proceed();
        }),
    });
    const before = await get(replica, id);
    answers.set(before.release!, before.body.data!.condition.description);
    started = 0;
    const outcomes: Array<{ status: number; errors: unknown; release: string | null; description?: string }> =
      [];
    const record = (result: Awaited<ReturnType<typeof get>>) =>
      outcomes.push({
        status: result.response.status,
        errors: result.body.errors,
        release: result.release,
        description: result.body.data?.condition.description,
      });

    // Requests in flight when the replica is told to stop still get their answers (Apollo drains).
    const inFlight = Array.from({ length: 6 }, () => get(replica, id));
    const deadline = Date.now() + 10_000;
    while (started < 6) {
      if (Date.now() > deadline) throw new Error(`only ${started} requests reached the replica`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const stopping = replica.close();
    (await Promise.all(inFlight)).forEach(record);
    await stopping;
    // While it is down, a load balancer sends everything to A, and A takes a write.
    const edited = `${before.body.data!.condition.description} (written while a replica restarted)`;
    const write = await fetch(`${a.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": API_KEY },
      body: JSON.stringify({ query: UPDATE, variables: { input: { id, description: edited } } }),
    });
    expect(((await write.json()) as { errors?: unknown }).errors).toBeUndefined();
    const after = await get(a, id);
    record(after);
    answers.set(after.release!, edited);

    // The replica comes back (a new process on the same Redis and Neo4j): its first answer is the new release.
    replica = await startTestServer(replicaEnv());
    try {
      for (let round = 0; round < 6; round++) record(await get(round % 2 === 0 ? replica : a, id));
    } finally {
      await replica.close();
    }
    expect(outcomes).toHaveLength(6 + 1 + 6);
    expect(outcomes.filter((outcome) => outcome.status !== 200 || outcome.errors !== undefined)).toEqual([]);
    // "Wrong" is an answer other than the one its own release header names.
    expect(outcomes.filter((outcome) => answers.get(outcome.release!) !== outcome.description)).toEqual([]);
    expect(outcomes.slice(6).map((outcome) => outcome.release)).toEqual(
      outcomes.slice(6).map(() => after.release),
    );
    expect(after.release).not.toBe(before.release);
  }, 120_000);

  describe("with one replica in persisted-only mode", () => {
    let strict: TestServer;
    const headers = { "apollo-require-preflight": "true" };
    const persisted = (hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const codeOf = async (response: Response) =>
      ((await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]
        ?.extensions?.code;

    beforeAll(async () => {
      strict = await startTestServer(replicaEnv({ PERSISTED_QUERIES_ONLY: "true" }));
    });
    afterAll(() => strict?.close());

    it("refuses by hash what another replica registered in the shared store, and runs the safelist's ids", async () => {
      const query = `{ condition(id: "condition:migraine") { name } }`;
      const hash = createHash("sha256").update(query).digest("hex");
      const register = await fetch(
        `${a.url}/graphql?${new URLSearchParams({ query, extensions: persisted(hash) })}`,
        {
          headers,
        },
      );
      expect(register.status).toBe(200);
      const byHash = await fetch(
        `${strict.url}/graphql?${new URLSearchParams({ extensions: persisted(hash) })}`,
        {
          headers,
        },
      );
      expect([byHash.status, await codeOf(byHash)]).toEqual([400, "PERSISTED_QUERY_NOT_ALLOWED"]);
      const asText = await fetch(`${strict.url}/graphql?${new URLSearchParams({ query })}`, { headers });
      expect([asText.status, await codeOf(asText)]).toEqual([400, "PERSISTED_QUERY_NOT_ALLOWED"]);

      const [safelisted] = readSafelist().operations.filter((entry) => entry.names.includes("DataRelease"));
      const byId = await fetch(
        `${strict.url}/graphql?${new URLSearchParams({ extensions: persisted(safelisted!.id) })}`,
        { headers },
      );
      expect(byId.status).toBe(200);
      const answered = (await byId.json()) as {
        data?: { dataRelease?: { version?: unknown } };
        errors?: unknown;
      };
      expect(answered.errors).toBeUndefined();
      expect(answered.data?.dataRelease?.version).toEqual(expect.any(Number));
    });
  });

  describe("with a small rate limit", () => {
    let c: TestServer;
    let d: TestServer;

    beforeAll(async () => {
      c = await startTestServer(replicaEnv({ RATE_LIMIT_BURST: "10", RATE_LIMIT_PER_MINUTE: "10" }));
      d = await startTestServer(replicaEnv({ RATE_LIMIT_BURST: "10", RATE_LIMIT_PER_MINUTE: "10" }));
    });
    afterAll(async () => {
      await c?.close();
      await d?.close();
    });

    it("holds one limit across replicas: the 11th request, alternating, is refused", async () => {
      const statuses: number[] = [];
      const remaining: Array<string | null> = [];
      for (let request = 0; request < 12; request++) {
        const { response } = await get(request % 2 === 0 ? c : d, "condition:migraine", {
          "x-forwarded-for": "203.0.113.9",
        });
        statuses.push(response.status);
        remaining.push(response.headers.get("ratelimit-remaining"));
        expect(response.headers.get("ratelimit-limit")).toBe("10");
        expect(response.headers.get("ratelimit-reset")).toMatch(/^\d+$/);
      }
      expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
      expect(remaining.slice(0, 10)).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);
    });
  });
  describe("with tokens priced by cost", () => {
    // A limit of its own (the key prefix names burst and window), so earlier requests do not count.
    const pricedEnv = replicaEnv({ RATE_LIMIT_BURST: "8", RATE_LIMIT_PER_MINUTE: "8" });
    const HEAVY = `{ a: explainPath(fromId: "condition:migraine", toId: "treatment:exercise", maxHops: 6) { length }
      b: explainPath(fromId: "condition:migraine", toId: "treatment:exercise", maxHops: 6) { length } }`;
    let g: TestServer;
    let h: TestServer;
    const post = (server: TestServer, query: string) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });

    beforeAll(async () => {
      g = await startTestServer(pricedEnv);
      h = await startTestServer(pricedEnv);
    });
    afterAll(async () => {
      await g?.close();
      await h?.close();
    });

    it("charges a costly operation on one replica against the bucket the other replica draws from", async () => {
      const cheap = await post(g, "{ __typename }");
      expect(cheap.headers.get("ratelimit-remaining")).toBe("7");
      // Two explainPath(maxHops: 6): one token at the door and three for its cost, taken in Redis.
      const heavy = await post(h, HEAVY);
      expect(heavy.status).toBe(200);
      expect(heavy.headers.get("ratelimit-remaining")).toBe("3");
      const refused = await post(g, HEAVY);
      expect(refused.status).toBe(429);
      const body = (await refused.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", tokens: 4 });
      // The refused price was given back: only the door's token is gone.
      const after = await post(h, "{ __typename }");
      expect([after.status, after.headers.get("ratelimit-remaining")]).toEqual([200, "1"]);
    });
  });

  describe("against a cluster, where a follower may lag (drivers recorded: one Neo4j cannot lag)", () => {
    const writerEnv = replicaEnv();
    // B keeps no cache, so each read below runs its queries.
    const readerEnv = replicaEnv({ NEO4J_URI: `neo4j://127.0.0.1:${NEO4J_PORT}`, RESPONSE_CACHE_MB: "0" });
    let writer: { server: TestServer; driver: RecordingDriver };
    let reader: { server: TestServer; driver: RecordingDriver };

    const recorded = async (env: Record<string, string>) => {
      const { neo4j } = testConfig(env);
      const driver = recordingDriver(neo4j);
      return { driver, server: await startTestServer(env, { database: () => driver.database(neo4j) }) };
    };
    /** The sessions the reader opens while it answers one GET. */
    const readOnReader = async (id: string) => {
      const from = reader.driver.sessions.length;
      const { body } = await get(reader.server, id);
      expect(body.errors).toBeUndefined();
      return reader.driver.sessions.slice(from);
    };

    beforeAll(async () => {
      writer = await recorded(writerEnv);
      reader = await recorded(readerEnv);
    });
    afterAll(async () => {
      await writer?.server.close();
      await reader?.server.close();
      await writer?.driver.close();
      await reader?.driver.close();
    });

    it("starts B's reads after A's write from A's bookmark, which came with the release stamp", async () => {
      const id = "condition:chronic-low-back-pain";
      const before = await readOnReader(id);
      expect(before.length).toBeGreaterThan(0);

      const { body } = await fetch(`${writer.server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": API_KEY },
        body: JSON.stringify({
          query: UPDATE,
          variables: { input: { id, description: "Edited on replica A, read on replica B." } },
        }),
      }).then(async (response) => ({ body: (await response.json()) as { errors?: unknown } }));
      expect(body.errors).toBeUndefined();
      const sessionsOfA = writer.driver.sessions;
      const lastWrite = sessionsOfA.findLastIndex((session) => session.work.includes("executeWrite"));
      const written = sessionsOfA[lastWrite]!.closedWith;
      expect(written).toEqual([expect.any(String)]);
      expect(before.every((session) => session.bookmarks.join() !== written!.join())).toBe(true);
      // What A reads after its write (the release stamp it then announces) starts from the write.
      const afterWriteOnA = sessionsOfA.slice(lastWrite + 1);
      expect(afterWriteOnA.length).toBeGreaterThan(0);
      expect(afterWriteOnA.map((session) => session.bookmarks)).toEqual(afterWriteOnA.map(() => written));

      // The news reaches B through Redis; B re-reads the stamp from A's bookmark at once.
      const deadline = Date.now() + 10_000;
      while (!reader.driver.sessions.some((session) => session.bookmarks.join() === written!.join())) {
        if (Date.now() > deadline) throw new Error("replica B never read from A's bookmark");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const after = await readOnReader(id);
      expect(after.map((session) => session.bookmarks)).toEqual(after.map(() => written));
      // The bookmark rides on the queries the read makes anyway: not one session more than before the write.
      expect(after.length).toBe(before.length);
      expect((await get(reader.server, id)).body.data!.condition.description).toBe(
        "Edited on replica A, read on replica B.",
      );
    });
  });
});
