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
    return {
      age: response.headers.get("age"),
      cacheControl: response.headers.get("cache-control"),
      body: await response.text(),
    };
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

  describe("with patient factors (health data)", () => {
    const RANKING = `query PatientRanking($input: RecommendTreatmentsInput!) {
      recommendTreatments(input: $input) {
        items { treatment { id } precautions { id kind } }
        excluded { reason treatment { id } precautions { id kind refRow } }
      }
    }`;
    const ranking = (patient: Record<string, unknown>) => ({
      input: { conditionIds: ["condition:migraine"], intent: "ACUTE", first: 50, patient },
    });
    const healthy = ranking({ ageYears: 40 });
    const cardiac = ranking({ ageYears: 40, risks: ["CARDIOVASCULAR_DISEASE"] });
    const itemIds = (body: string) =>
      (JSON.parse(body).data.recommendTreatments.items as Array<{ treatment: { id: string } }>).map(
        (item) => item.treatment.id,
      );

    it("gives two patients with the same condition their own answers, never from or into the cache", async () => {
      const before = await outcomes();
      const answers = [
        await post(RANKING, healthy),
        await post(RANKING, cardiac),
        await post(RANKING, healthy),
      ];
      for (const answer of answers) {
        expect(answer.age).toBeNull();
        expect(answer.cacheControl).toBe("private, no-store");
      }
      expect(itemIds(answers[0]!.body)).toContain("treatment:triptans");
      expect(itemIds(answers[1]!.body)).not.toContain("treatment:triptans");
      const excluded = JSON.parse(answers[1]!.body).data.recommendTreatments.excluded as Array<{
        reason: string;
        treatment: { id: string };
        precautions: Array<{ refRow: string }>;
      }>;
      const triptans = excluded.find((item) => item.treatment.id === "treatment:triptans")!;
      expect(triptans.reason).toBe("CONTRAINDICATED");
      expect(triptans.precautions.map((p) => p.refRow)).toContain("P051");
      expect(answers[2]!.body).toBe(answers[0]!.body);
      // Never a hit, never stored (a stored answer would be a miss first): every one bypassed the cache.
      expect(await outcomes()).toEqual({ ...before, bypass: before.bypass + 3 });
    });

    it("refuses patient factors in a GET URL, as a variable or inline, with a typed error", async () => {
      const get = async (query: string, variables?: unknown) => {
        const params = new URLSearchParams({ query });
        if (variables) params.set("variables", JSON.stringify(variables));
        const response = await fetch(`${server.url}/graphql?${params}`, {
          headers: { "apollo-require-preflight": "true" },
        });
        return { status: response.status, body: JSON.parse(await response.text()) };
      };
      const byVariable = await get(RANKING, cardiac);
      expect(byVariable.status).toBe(405);
      expect(byVariable.body.errors[0].extensions.code).toBe("PATIENT_DATA_REQUIRES_POST");
      expect(byVariable.body.data).toBeUndefined();
      const inline = await get(
        `{ recommendTreatments(input: {conditionIds: ["condition:migraine"], patient: {pregnant: true}}) { items { rank } } }`,
      );
      expect(inline.status).toBe(405);
      expect(inline.body.errors[0].extensions.code).toBe("PATIENT_DATA_REQUIRES_POST");
      const without = await get(RANKING, { input: { conditionIds: ["condition:migraine"] } });
      expect(without.status).toBe(200);
      expect(without.body.data.recommendTreatments.items.length).toBeGreaterThan(0);
    });
  });
});
