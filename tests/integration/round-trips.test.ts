import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

/** Nested shapes over many roots; each relationship level must cost one round trip whatever the list sizes. */
const SHAPES = {
  "conditions → recommendations → treatment → deliveredBy": {
    query: `query ($first: Int) { conditions(first: $first) { edges { node {
      name recommendations { rawGrade treatment { name deliveredBy { basis provider { name } } } } } } } }`,
  },
  "treatments → conditions → groups, and → modalities": {
    query: `query ($first: Int) { treatments(first: $first) { edges { node {
      name conditions { name groups { name } } modalities { name } } } } }`,
  },
  "conditions → recommendations → guideline → supersededBy, and → conflictsWith → treatment": {
    query: `query ($first: Int) { conditions(first: $first) { edges { node {
      recommendations { guideline { title supersededBy { title } } conflictsWith { treatment { name } } } } } } }`,
  },
  "conditions → careTeam, treatments(FOR), treatments(AGAINST) → deliveredBy": {
    query: `query ($first: Int) { conditions(first: $first) { edges { node {
      careTeam { disciplines { name } } treatments { name deliveredBy { basis } } against: treatments(direction: AGAINST) { name } } } } }`,
  },
};

describe("Cypher round trips per request", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server.close());

  async function roundTrips(query: string, first: number): Promise<number> {
    const { body } = await server.graphql(query, { first }, { "x-paingraph-debug": "1" });
    expect(body.errors).toBeUndefined();
    return (body.extensions?.queryStats as { cypherRoundTrips: number }).cypherRoundTrips;
  }

  it.each(Object.entries(SHAPES))("stay the same at 2 and 50 roots: %s", async (_name, shape) => {
    const atTwo = await roundTrips(shape.query, 2);
    const atFifty = await roundTrips(shape.query, 50);
    expect(atFifty).toBe(atTwo);
    // At most one per relationship field (distinct field-and-arguments pairs), plus one for the root.
    const relationshipFields = (shape.query.match(/\{/g)?.length ?? 0) - 1;
    expect(atTwo).toBeLessThanOrEqual(relationshipFields + 1);
  });

  it("take depth + 1 less the folded levels on the three-level traversal", async () => {
    // The root page with each condition's recommendations, their treatments and the treatments' deliveredBy
    // folded in.
    expect(await roundTrips(SHAPES["conditions → recommendations → treatment → deliveredBy"].query, 50)).toBe(
      1,
    );
  });

  it("grow with list sizes when batching is off (the N+1 baseline), which the bound above rules out", async () => {
    const naive = await startTestServer({ LOADER_BATCH_SIZE: "1" });
    try {
      const { body } = await naive.graphql(
        SHAPES["conditions → recommendations → treatment → deliveredBy"].query,
        { first: 50 },
        {
          "x-paingraph-debug": "1",
        },
      );
      expect((body.extensions?.queryStats as { cypherRoundTrips: number }).cypherRoundTrips).toBeGreaterThan(
        50,
      );
    } finally {
      await naive.close();
    }
  });
});
