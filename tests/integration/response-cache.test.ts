/**
 * The in-process response cache, on a real server and the shared test graph: what it serves, what it keys
 * on, and that a new data release invalidates it. The read-your-writes path of a curated write is tested
 * in curation.test.ts, which has a graph of its own to write to.
 */
import { seedTestGraph } from "../support/graph";
import { metricSample } from "../support/metrics";
import { startTestServer, type TestServer } from "../support/server";

const POLL_MS = 100;
const CONDITION = `query CachedCondition($id: ID!) { condition(id: $id) { id name aliases icd10Codes } }`;
const BAD_PAGE = `query CachedBadPage { conditions(first: -5) { totalCount } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the response cache", () => {
  let server: TestServer;

  async function post(query: string, variables: Record<string, unknown> = {}, headers = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { age: response.headers.get("age"), body: await response.text() };
  }
  const outcomes = async () => ({
    hit: await metricSample(server.url, "paingraph_response_cache_total", { result: "hit" }),
    miss: await metricSample(server.url, "paingraph_response_cache_total", { result: "miss" }),
    bypass: await metricSample(server.url, "paingraph_response_cache_total", { result: "bypass" }),
  });
  const noRoundTrip = (operation: string) =>
    metricSample(server.url, "paingraph_cypher_round_trips_bucket", { le: "0", operation });

  beforeAll(async () => {
    server = await startTestServer({
      RESPONSE_CACHE_MB: "8",
      RESPONSE_CACHE_RELEASE_POLL_MS: String(POLL_MS),
      RATE_LIMIT_ENABLED: "false",
    });
    await seedTestGraph(server.connection.database);
    // Let the watcher read the release the seed load left.
    await sleep(3 * POLL_MS);
  });
  afterAll(() => server.close());

  it("answers a repeated query from memory: the same body, an Age header, no Cypher round trip", async () => {
    const variables = { id: "condition:fibromyalgia" };
    const [before, freeBefore] = [await outcomes(), await noRoundTrip("CachedCondition")];
    const first = await post(CONDITION, variables);
    const second = await post(CONDITION, variables);
    expect(JSON.parse(first.body).data.condition.name).toBe("Fibromyalgia");
    expect(second.body).toBe(first.body);
    expect(first.age).toBeNull();
    expect(second.age).toMatch(/^\d+$/);
    expect(await outcomes()).toEqual({ ...before, miss: before.miss + 1, hit: before.hit + 1 });
    expect(await noRoundTrip("CachedCondition")).toBe(freeBefore + 1);
  });

  it("keys on the variables: another condition is executed, not served", async () => {
    await post(CONDITION, { id: "condition:migraine" });
    const other = await post(CONDITION, { id: "condition:knee-osteoarthritis" });
    expect(other.age).toBeNull();
    expect(JSON.parse(other.body).data.condition.id).toBe("condition:knee-osteoarthritis");
  });

  it("never stores an answer with errors", async () => {
    const before = await outcomes();
    const answers = [await post(BAD_PAGE), await post(BAD_PAGE)];
    expect(answers.map((answer) => answer.age)).toEqual([null, null]);
    expect(answers.every((answer) => JSON.parse(answer.body).errors?.length > 0)).toBe(true);
    expect((await outcomes()).hit).toBe(before.hit);
  });

  it("lets a debug request execute and report its real round trips", async () => {
    const variables = { id: "condition:fibromyalgia" };
    await post(CONDITION, variables);
    const before = await outcomes();
    const debug = await post(CONDITION, variables, { "x-paingraph-debug": "1" });
    expect(debug.age).toBeNull();
    expect(JSON.parse(debug.body).extensions.queryStats.cypherRoundTrips).toBeGreaterThan(0);
    expect(await outcomes()).toEqual({ ...before, bypass: before.bypass + 1 });
  });

  it("drops every answer when the data release changes, within one poll", async () => {
    const variables = { id: "condition:migraine" };
    await post(CONDITION, variables);
    expect((await post(CONDITION, variables)).age).not.toBeNull();

    // What any writer (a seed load, another replica's curation) changes on the release marker.
    await server.connection.database.write("MATCH (r:DataRelease) SET r.loadedAt = datetime()");
    await sleep(3 * POLL_MS);

    const afterRelease = await post(CONDITION, variables);
    expect(afterRelease.age).toBeNull();
    expect((await post(CONDITION, variables)).age).not.toBeNull();
  });
});
