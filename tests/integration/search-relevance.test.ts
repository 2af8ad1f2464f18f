/**
 * Search relevance on the seeded graph, measured over tests/relevance/search-queries.json. The targets are
 * asserted on the tuned part; the held-out part (never tuned against) is measured and reported beside it.
 */
import { measure, RELEVANCE_QUERIES, type Part, type RelevanceFigures } from "../relevance/relevance";
import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

const SEARCH = `query ($q: String!) { search(query: $q, first: 10) { node { ... on Node { id } } } }`;

describe("search relevance", () => {
  let server: TestServer;
  const figures = new Map<Part, RelevanceFigures>();

  beforeAll(async () => {
    // 269 queries back to back are more than one client's burst: this file measures relevance, not limits.
    server = await startTestServer({ RATE_LIMIT_ENABLED: "false" });
    await seedTestGraph(server.connection.database);
    const results = new Map<string, string[]>();
    for (const { query } of RELEVANCE_QUERIES) {
      const { body } = await server.graphql<{ search: Array<{ node: { id: string } }> }>(SEARCH, {
        q: query,
      });
      if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
      results.set(
        query,
        body.data!.search.map((hit) => hit.node.id),
      );
    }
    for (const part of ["tuned", "heldOut"] as const)
      figures.set(
        part,
        measure(
          RELEVANCE_QUERIES.filter((q) => q.part === part),
          results,
        ),
      );
    // The figures the docs publish (docs/search.md), printed so a run shows them.
    console.log(
      JSON.stringify(
        Object.fromEntries([...figures].map(([part, f]) => [part, { ...f, misses: f.misses.length }])),
        null,
        2,
      ),
    );
    console.log(JSON.stringify(Object.fromEntries([...figures].map(([part, f]) => [part, f.misses]))));
  }, 300_000);
  afterAll(() => server.close());

  it("holds at least 150 queries, each with a reason, in both parts and every kind", () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(150);
    expect(RELEVANCE_QUERIES.every((q) => q.why.length > 3)).toBe(true);
    const kinds = new Set(RELEVANCE_QUERIES.map((q) => `${q.kind}/${q.part}`));
    for (const kind of ["lay", "brand", "typo", "symptom", "clinical", "code", "nothing"])
      for (const part of ["tuned", "heldOut"]) expect(kinds).toContain(`${kind}/${part}`);
  });

  it("finds the intended entity in the top 3 for at least 95% of the tuned queries", () => {
    expect(figures.get("tuned")!.top3).toBeGreaterThanOrEqual(0.95);
  });

  it("reaches a mean reciprocal rank of at least 0.9 on the tuned queries", () => {
    expect(figures.get("tuned")!.mrr).toBeGreaterThanOrEqual(0.9);
  });

  it("returns nothing for every must-find-nothing query, tuned and held out", () => {
    expect(figures.get("tuned")!.falseHits).toBe(0);
    expect(figures.get("heldOut")!.falseHits).toBe(0);
  });
});
