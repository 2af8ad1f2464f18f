/**
 * Folded ends: a list of recommendations read with its treatment, condition or guideline folded into the same
 * statement must answer exactly what the unfolded path (one loader by id per level) answers, for any selection:
 * aliases, fragments, and fields that need the whole node.
 */
import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

const FIBROMYALGIA = `conditionByCode(system: ICD10CM, code: "M79.7")`;

/** Selections of a recommendation's ends, each as a folded list item and as a recommendation read by id. */
const SELECTIONS = {
  "plain fields of all three ends": `id treatment { id name opioid invasivenessMax }
    guideline { id title publisher year } condition { id name }`,
  "aliases asking different fields of one end": `id a: treatment { id } b: treatment { name opioid }`,
  "superseded, worked out only when asked": `id superseded supersededById guideline { id }`,
  "fragments, and __typename": `id ...Ends treatment { __typename ... on Treatment { modalities { name } } }`,
  "a field with a resolver that needs more than stored properties": `id treatment { name precautions { id } }
    guideline { supersededBy { id } }`,
};
const FRAGMENT = `fragment Ends on Recommendation { guideline { __typename id jurisdiction } }`;

describe("recommendations with their ends folded in", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server.close());

  const queryStats = (body: { extensions?: Record<string, unknown> }) =>
    (body.extensions?.queryStats as { cypherRoundTrips: number }).cypherRoundTrips;
  const roundTrips = async (query: string) => queryStats(await data(query));

  async function data(query: string) {
    const { body } = await server.graphql(query, {}, { "x-paingraph-debug": "1" });
    expect(body.errors).toBeUndefined();
    return body;
  }

  it.each(Object.entries(SELECTIONS))("answer as the unfolded path does: %s", async (_name, selection) => {
    const fragment = selection.includes("...Ends") ? FRAGMENT : "";
    const folded = await data(`{ ${FIBROMYALGIA} { recommendations { ${selection} } } } ${fragment}`);
    const items = (folded.data as { conditionByCode: { recommendations: Array<{ id: string }> } })
      .conditionByCode.recommendations;
    expect(items.length).toBeGreaterThan(5);
    // Read by id a few at a time: the alias limit (30 a document) counts the selection's own aliases too.
    const unfolded: unknown[] = [];
    for (let start = 0; start < items.length; start += 8) {
      const byId = items
        .slice(start, start + 8)
        .map((item, index) => `r${index}: recommendation(id: "${item.id}") { ${selection} }`);
      const body = await data(`{ ${byId.join("\n")} } ${fragment}`);
      unfolded.push(...Object.values(body.data as Record<string, unknown>));
    }
    expect(unfolded).toEqual(items);
  });

  it("spend no statement on what they fold: a condition by code, its recommendations and their ends in 1", async () => {
    const query = `{ ${FIBROMYALGIA} { name recommendations { ${SELECTIONS["plain fields of all three ends"]} } } }`;
    expect(await roundTrips(query)).toBe(1);
  });

  it("fold the treatments' deliveredBy into a condition by code too, answering as their loader does", async () => {
    const query = (deliveredBy: string) => `{ ${FIBROMYALGIA} { name recommendations { id treatment { id
      ${deliveredBy} { basis provider { __typename name } } } } } }`;
    const folded = await data(query("deliveredBy"));
    expect(queryStats(folded)).toBe(1);
    const unfolded = await data(query("deliveredBy @include(if: true)"));
    expect(queryStats(unfolded)).toBe(2);
    expect(unfolded.data).toEqual(folded.data);
    const links = (
      folded.data as {
        conditionByCode: { recommendations: Array<{ treatment: { deliveredBy: unknown[] } }> };
      }
    ).conditionByCode.recommendations.flatMap(({ treatment }) => treatment.deliveredBy);
    expect(links.length).toBeGreaterThan(5);
  });

  it.each([
    ["the unfiltered page (read in index order)", "", 14],
    ["a filtered page", `filter: { name: "pain" },`, 5],
  ])(
    "fold a page's recommendations into it, answering as each condition's own read does: %s",
    async (_name, filter, atLeast) => {
      const selection = `id strength treatment { name } guideline { id year }`;
      const pageOf = (
        after: string | null,
      ) => `{ conditions(${filter} first: 7${after ? `, after: "${after}"` : ""}) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name recommendations { ${selection} } } } } }`;
      type Page = {
        conditions: {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ node: { id: string; recommendations: unknown[] } }>;
        };
      };
      let after: string | null = null;
      let conditions = 0;
      do {
        const body = await data(pageOf(after));
        expect(queryStats(body)).toBe(1);
        const page = (body.data as Page).conditions;
        for (const { node } of page.edges) {
          const single = await data(`{ condition(id: "${node.id}") { recommendations { ${selection} } } }`);
          expect({ id: node.id, ...(single.data as { condition: object }).condition }).toEqual({
            id: node.id,
            recommendations: node.recommendations,
          });
        }
        // Unfolded (the page read alone, then the recommendations): the same page, item for item.
        const unfolded = await data(
          pageOf(after).replace("recommendations {", "recommendations @include(if: true) {"),
        );
        expect(queryStats(unfolded)).toBe(2);
        expect(unfolded.data).toEqual(body.data);
        conditions += page.edges.length;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(conditions).toBeGreaterThan(atLeast);
    },
  );

  it.each([
    ["basis and provider name (W2's selection)", `basis provider { __typename name }`, 0],
    [
      // The sources are cited nodes, read by id through their own loader: one statement more either way.
      "every link property, and the provider through a fragment",
      `basis note sources { __typename } provider { ... on Discipline { id name } ... on Profession { id name } }`,
      1,
    ],
  ])(
    "fold the treatments' deliveredBy into the page, answering as each treatment's own read does: %s",
    async (_name, links, levelsBelow) => {
      const pageOf = (deliveredBy: string) => `{ conditions(first: 12) { edges { node { id
        recommendations { id treatment { id name ${deliveredBy} { ${links} } } } } } } }`;
      type Page = {
        conditions: {
          edges: Array<{
            node: { recommendations: Array<{ treatment: { id: string; deliveredBy: unknown[] } }> };
          }>;
        };
      };
      const folded = await data(pageOf("deliveredBy"));
      expect(queryStats(folded)).toBe(1 + levelsBelow);
      // Unfolded: the page, then deliveredBy through its loader (a directive keeps a parent's read from answering).
      const unfolded = await data(pageOf("deliveredBy @include(if: true)"));
      expect(queryStats(unfolded)).toBe(2 + levelsBelow);
      expect(unfolded.data).toEqual(folded.data);
      const treatments = new Map(
        (folded.data as Page).conditions.edges
          .flatMap(({ node }) => node.recommendations)
          .map(({ treatment }) => [treatment.id, treatment.deliveredBy] as const),
      );
      expect(treatments.size).toBeGreaterThan(10);
      expect([...treatments.values()].filter((links) => links.length > 0).length).toBeGreaterThan(5);
      // Each treatment read on its own, 20 to a request (the alias limit is 30 a document).
      const ids = [...treatments.keys()];
      for (let start = 0; start < ids.length; start += 20) {
        const chunk = ids.slice(start, start + 20);
        const byId = chunk.map(
          (id, index) => `t${index}: treatment(id: "${id}") { deliveredBy { ${links} } }`,
        );
        const body = await data(`{ ${byId.join("\n")} }`);
        const read = body.data as Record<string, { deliveredBy: unknown[] }>;
        for (const [index, id] of chunk.entries())
          expect({ id, deliveredBy: read[`t${index}`]!.deliveredBy }).toEqual({
            id,
            deliveredBy: treatments.get(id),
          });
      }
    },
  );

  it("read the recommendations on their own where one read cannot answer every selection of them", async () => {
    const plain = `id strength treatment { name }`;
    const folded = await data(`{ ${FIBROMYALGIA} { recommendations { ${plain} } } }`);
    const all = (folded.data as { conditionByCode: { recommendations: unknown[] } }).conditionByCode
      .recommendations;
    const asked = {
      "a filter": [`recommendations(filter: { includeSuperseded: true }) { ${plain} }`, 2],
      "two response names": [`recommendations { ${plain} } again: recommendations { ${plain} }`, 2],
      "a directive": [`recommendations @include(if: true) { ${plain} }`, 2],
    } as const;
    for (const [why, [selection, trips]] of Object.entries(asked)) {
      const body = await data(`{ ${FIBROMYALGIA} { ${selection} } }`);
      const answer = (body.data as { conditionByCode: Record<string, unknown> }).conditionByCode;
      expect({ why, recommendations: answer.recommendations }).toEqual({ why, recommendations: all });
      expect({ why, trips: queryStats(body) }).toEqual({ why, trips });
    }
  });

  it("read of a care link only the properties its selection asks, and answer as a full read does", async () => {
    type Link = { basis: string; note?: string | null; sources?: unknown[]; provider: { name: string } };
    const body = await data(`{ treatment(id: "treatment:opioids") {
      basisOnly: deliveredBy { basis provider { name } }
      full: deliveredBy { basis note sources { __typename } provider { name } }
    } }`);
    const { basisOnly, full } = (body.data as { treatment: { basisOnly: Link[]; full: Link[] } }).treatment;
    expect(full.length).toBeGreaterThan(1);
    expect(basisOnly).toEqual(full.map(({ basis, provider }) => ({ basis, provider })));
    // The seed cites a source and gives a note for each of these links: a full read must still bring both.
    for (const link of full) {
      expect(link.note).toEqual(expect.any(String));
      expect(link.sources!.length).toBeGreaterThan(0);
    }
  });
});
