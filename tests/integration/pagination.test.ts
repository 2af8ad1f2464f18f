import { pageAllConditions, pageConditions } from "../../src/catalog/condition.repository";
import { pageAllTreatments, pageTreatments } from "../../src/catalog/treatment.repository";
import type { Keyset } from "../../src/pagination/cursor";
import type { SortDirection } from "../../src/pagination/keyset";
import { readPage } from "../../src/pagination/read-page";
import { seedTestGraph } from "../support/graph";
import { seedData } from "../support/seed-data";
import { startTestServer, type TestServer } from "../support/server";

type Page = {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const TREATMENTS = `query ($first: Int, $after: String, $orderBy: TreatmentOrder) {
  treatments(first: $first, after: $after, orderBy: $orderBy) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
const CONDITIONS = `query ($first: Int, $after: String) {
  conditions(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

describe("cursor pagination", () => {
  let server: TestServer;
  const data = seedData();

  beforeAll(async () => {
    server = await startTestServer();
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server.close());

  async function walk(query: string, field: "treatments" | "conditions", variables: Record<string, unknown>) {
    const ids: string[] = [];
    let after = (variables.after as string | undefined) ?? null;
    let total = 0;
    for (let pages = 0; pages < 100; pages += 1) {
      const response: { body: { data?: Record<string, Page> | null; errors?: unknown[] } } =
        await server.graphql<Record<string, Page>>(query, { ...variables, after });
      expect(response.body.errors).toBeUndefined();
      const page: Page = response.body.data![field]!;
      total = page.totalCount;
      ids.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { ids, total };
  }

  it.each([
    ["NAME", "ASC"],
    ["NAME", "DESC"],
    ["INVASIVENESS", "ASC"],
    ["INVASIVENESS", "DESC"],
    ["ID", "ASC"],
  ])("walks every treatment exactly once, ordered by %s %s", async (field, direction) => {
    const { ids, total } = await walk(TREATMENTS, "treatments", { first: 7, orderBy: { field, direction } });
    expect(total).toBe(data.treatments.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(data.treatments.map((t) => t.id).sort());
  });

  it("walks every condition exactly once with the default order and page size", async () => {
    const { ids, total } = await walk(CONDITIONS, "conditions", { first: 4 });
    expect(total).toBe(data.conditions.length);
    expect([...ids].sort()).toEqual(data.conditions.map((c) => c.id).sort());
    const byName = [...data.conditions]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((c) => c.id);
    expect(ids).toEqual(byName);
  });

  it("stays stable when a node is inserted before the cursor between two pages", async () => {
    const first = await server.graphql<Record<string, Page>>(CONDITIONS, { first: 5 });
    const seen = first.body.data!.conditions!.edges.map((edge) => edge.node.id);
    await server.connection.database.write(
      "CREATE (:Condition:Entity {id: 'condition:aaa-inserted', name: 'AAA inserted', aliases: [], category: 'CHRONIC'})",
    );
    try {
      const rest = await walk(CONDITIONS, "conditions", {
        first: 5,
        after: first.body.data!.conditions!.pageInfo.endCursor,
      });
      expect(rest.ids).not.toContain("condition:aaa-inserted");
      expect([...seen, ...rest.ids].sort()).toEqual(data.conditions.map((c) => c.id).sort());
    } finally {
      await server.connection.database.write(
        "MATCH (c:Condition {id: 'condition:aaa-inserted'}) DETACH DELETE c",
      );
    }
  });

  it("refuses a page size above 100 with BAD_USER_INPUT naming the argument", async () => {
    const { body } = await server.graphql(TREATMENTS, { first: 101 });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
    expect(body.errors?.[0]?.message).toMatch(/at most 100/);
  });

  it("refuses a cursor it did not issue with BAD_USER_INPUT naming the argument", async () => {
    const { body } = await server.graphql(TREATMENTS, { after: "not-a-cursor" });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "after" });
  });

  it("defaults to 20 items per page", async () => {
    const { body } = await server.graphql<Record<string, Page>>(TREATMENTS, {});
    expect(body.data!.treatments!.edges).toHaveLength(20);
    expect(body.data!.treatments!.pageInfo.hasNextPage).toBe(true);
  });

  describe("unfiltered lists, read in index order", () => {
    const NO_CONDITION_CRITERIA = {
      groupId: null,
      category: null,
      name: null,
      codeKeys: null,
      treatedWith: null,
    };
    const NO_TREATMENT_CRITERIA = {
      modalityId: null,
      opioid: null,
      maxInvasiveness: null,
      deliveredBy: null,
      recommendedFor: null,
      name: null,
      isClass: null,
    };
    type Field = "NAME" | "ID";
    const LISTS = {
      Condition: {
        indexed: (field: Field, direction: SortDirection, afterCursor: boolean) =>
          pageAllConditions(field, direction, afterCursor),
        general: (field: Field, direction: SortDirection) => pageConditions(field, direction),
        criteria: NO_CONDITION_CRITERIA,
      },
      Treatment: {
        indexed: (field: Field, direction: SortDirection, afterCursor: boolean) =>
          pageAllTreatments(field, direction, afterCursor),
        general: (field: Field, direction: SortDirection) => pageTreatments(field, direction),
        criteria: NO_TREATMENT_CRITERIA,
      },
    };
    const CASES: Array<[keyof typeof LISTS, Field, SortDirection]> = (
      ["Condition", "Treatment"] as const
    ).flatMap((label) =>
      (["NAME", "ID"] as const).flatMap((field) =>
        (["ASC", "DESC"] as const).map((direction): [keyof typeof LISTS, Field, SortDirection] => [
          label,
          field,
          direction,
        ]),
      ),
    );

    it.each(CASES)(
      "%s by %s %s: page for page the same rows and total as the general (filtering, sorting) query",
      async (label, field, direction) => {
        const db = server.connection.database;
        const list = LISTS[label];
        let after: Keyset | null = null;
        for (let pages = 0; pages < 100; pages += 1) {
          const page = (cypher: string, params: Record<string, unknown>) =>
            readPage(db, { cypher, params, first: 6, after }, (row: { id: string; name: string }) => row);
          const expected = await page(list.general(field, direction), list.criteria);
          expect(await page(list.indexed(field, direction, after !== null), {})).toEqual(expected);
          if (!expected.hasNextPage) return;
          const last = expected.rows.at(-1)!;
          after = { sort: field === "ID" ? last.id : last.name, id: last.id };
        }
        throw new Error("more than 100 pages");
      },
    );

    it.each(CASES)(
      "%s by %s %s: served from an index and the count store, never by sorting every node",
      async (label, field, direction) => {
        const params = { limit: 21, afterSort: "M", afterId: "m" };
        for (const afterCursor of [false, true]) {
          const operators = await server.connection.planOperators(
            LISTS[label].indexed(field, direction, afterCursor),
            params,
          );
          expect(operators).toEqual(expect.arrayContaining(["NodeCountFromCountStore", "PartialTop"]));
          expect(operators.some((operator) => /^Node(Unique)?Index(Scan|Seek)/.test(operator))).toBe(true);
          expect(operators).not.toEqual(expect.arrayContaining(["Top"]));
          expect(operators).not.toEqual(expect.arrayContaining(["Sort"]));
          expect(operators).not.toEqual(expect.arrayContaining(["NodeByLabelScan"]));
        }
        // The general query, for contrast: it must look at every node of the label.
        const general = await server.connection.planOperators(LISTS[label].general(field, direction), {
          ...params,
          ...LISTS[label].criteria,
        });
        expect(general.some((operator) => /^(NodeByLabelScan|Top|Sort)$/.test(operator))).toBe(true);
      },
    );
  });
});
