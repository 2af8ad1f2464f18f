import { SEARCH_CANDIDATES } from "../../src/search/search.repository";
import { NAMES_INDEX, SEARCH_INDEX } from "../../src/search/search-index";
import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

type Hit = { score: number; node: { __typename: string; id?: string; name?: string } };
const SEARCH = `query ($q: String!, $types: [SearchableType!], $first: Int) {
  search(query: $q, types: $types, first: $first) { score node { __typename ... on Node { id } ... on Condition { name } ... on Treatment { name } } } }`;

describe("search", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server.close());

  async function search(q: string, types?: string[], first?: number): Promise<Hit[]> {
    const { body } = await server.graphql<{ search: Hit[] }>(SEARCH, { q, types, first });
    expect(body.errors).toBeUndefined();
    return body.data!.search;
  }

  it("uses the names and description full-text indexes", async () => {
    expect(SEARCH_CANDIDATES).toContain(`db.index.fulltext.queryNodes('${SEARCH_INDEX}'`);
    expect(SEARCH_CANDIDATES).toContain(`db.index.fulltext.queryNodes('${NAMES_INDEX}'`);
    const indexes = await server.connection.database.read<{ name: string; type: string; state: string }>(
      "SHOW INDEXES YIELD name, type, state WHERE name IN $names RETURN name, type, state ORDER BY name",
      { names: [NAMES_INDEX, SEARCH_INDEX] },
    );
    expect(indexes).toEqual([
      { name: "paingraph_names", type: "FULLTEXT", state: "ONLINE" },
      { name: "paingraph_search", type: "FULLTEXT", state: "ONLINE" },
    ]);
  });

  it.each([
    ["search", `search(query: "back pain", first: 30)`],
    ["search over every type", `search(query: "opioid", first: 30)`],
    ["suggest", `suggest(prefix: "mi", first: 20)`],
  ])(
    "%s: a node read for nothing but its name comes with the hits, as node(id) would answer it",
    async (_name, field) => {
      const selection = `__typename ... on Node { id } ... on Condition { name } ... on Treatment { name }
        ... on Discipline { name } ... on Profession { name }`;
      const { body } = await server.graphql<Record<string, Array<{ node: { id: string } }>>>(
        `{ hits: ${field} { node { ${selection} } } }`,
        {},
        { "x-paingraph-debug": "1" },
      );
      expect(body.errors).toBeUndefined();
      expect((body.extensions?.queryStats as { cypherRoundTrips: number }).cypherRoundTrips).toBe(1);
      const nodes = body.data!.hits!.map((hit) => hit.node);
      expect(nodes.length).toBeGreaterThan(3);
      const byId = nodes.map((node, index) => `n${index}: node(id: "${node.id}") { ${selection} }`);
      const read = await server.graphql<Record<string, unknown>>(`{ ${byId.join("\n")} }`);
      expect(read.body.errors).toBeUndefined();
      expect(Object.values(read.body.data!)).toEqual(nodes);
    },
  );

  it("reads a hit's node when its selection needs more than the name", async () => {
    const { body } = await server.graphql<{ search: Array<{ node: { description?: string } }> }>(
      `{ search(query: "fibromyalgia", types: [CONDITION], first: 3) { node { ... on Condition { name description } } } }`,
      {},
      { "x-paingraph-debug": "1" },
    );
    expect(body.errors).toBeUndefined();
    expect((body.extensions?.queryStats as { cypherRoundTrips: number }).cypherRoundTrips).toBe(2);
    expect(body.data!.search[0]!.node.description).toEqual(expect.any(String));
  });

  it("finds a condition from a lay term found only in its aliases", async () => {
    const hits = await search("sciatica", ["CONDITION"]);
    expect(hits[0]?.node.id).toBe("condition:lumbar-radiculopathy");
  });

  it("still finds the target of a typo", async () => {
    const hits = await search("fibromialgia", ["CONDITION"]);
    expect(hits[0]?.node.id).toBe("condition:fibromyalgia");
  });

  it.each(["M79.7", "m797", "203082005"])("finds a condition by its code %s, ranked first", async (code) => {
    const hits = await search(code);
    expect(hits[0]?.node.id).toBe("condition:fibromyalgia");
  });

  it("ranks hits by score and restricts them to the requested types", async () => {
    const hits = await search("nerve pain", ["TREATMENT"], 10);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.node.__typename === "Treatment")).toBe(true);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it.each([
    "(",
    '"',
    "~",
    "*",
    "\\",
    "AND",
    'nerve AND (pain OR "back',
    "*:*",
    "OR NOT",
    "' OR 1=1 //",
    "MATCH (n) DETACH DELETE n",
  ])("answers query syntax %j instead of failing", async (q) => {
    const hits = await search(q);
    expect(Array.isArray(hits)).toBe(true);
  });

  it("refuses a query over 200 characters with BAD_USER_INPUT", async () => {
    const { body } = await server.graphql(SEARCH, { q: "x".repeat(201) });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "query" });
  });
});
