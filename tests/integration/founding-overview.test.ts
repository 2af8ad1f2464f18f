/**
 * The founding overview's fields under their new names: the same values as the deprecated "article" names, which
 * keep working until they are removed under the schema-evolution policy.
 */
import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

interface Provider {
  name: string;
  namedInFoundingOverview: boolean;
  fromArticle: boolean;
}

const QUERY = `{
  conditionGroups { name overviewOrder articleOrder }
  modalities { name overviewExamples articleExamples namedInFoundingOverview fromArticle }
  disciplines { name namedInFoundingOverview fromArticle }
  professions { name namedInFoundingOverview fromArticle }
}`;

describe("the founding overview's fields", () => {
  let server: TestServer;
  let data: {
    conditionGroups: { name: string; overviewOrder: number; articleOrder: number }[];
    modalities: {
      name: string;
      overviewExamples: string[];
      articleExamples: string[];
      namedInFoundingOverview: boolean;
      fromArticle: boolean;
    }[];
    disciplines: Provider[];
    professions: Provider[];
  };

  beforeAll(async () => {
    server = await startTestServer();
    await seedTestGraph(server.connection.database);
    const { body } = await server.graphql<typeof data>(QUERY);
    expect(body.errors).toBeUndefined();
    data = body.data!;
  });
  afterAll(() => server.close());

  it("orders the seven umbrella groups by overviewOrder, the value articleOrder had", () => {
    expect(data.conditionGroups.map((g) => g.overviewOrder).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const group of data.conditionGroups) expect(group.overviewOrder).toBe(group.articleOrder);
  });

  it("gives the overview's examples and flags on modalities under both names", () => {
    const medications = data.modalities.find((m) => /medication/i.test(m.name));
    expect(medications?.overviewExamples).toEqual(
      expect.arrayContaining(["anti-inflammatories", "nerve blockers"]),
    );
    expect(data.modalities.filter((m) => m.namedInFoundingOverview)).toHaveLength(4);
    for (const m of data.modalities) {
      expect([m.overviewExamples, m.namedInFoundingOverview]).toEqual([m.articleExamples, m.fromArticle]);
    }
  });

  it("names the overview's four disciplines and five professions, the same under both names", () => {
    expect(data.disciplines.filter((d) => d.namedInFoundingOverview)).toHaveLength(4);
    expect(data.professions.filter((p) => p.namedInFoundingOverview)).toHaveLength(5);
    for (const p of [...data.disciplines, ...data.professions])
      expect(p.namedInFoundingOverview).toBe(p.fromArticle);
  });

  it("marks the old names deprecated, naming their replacement", async () => {
    const { body } = await server.graphql<{
      __type: { fields: { name: string; deprecationReason: string | null }[] };
    }>(`{ __type(name: "Modality") { fields(includeDeprecated: true) { name deprecationReason } } }`);
    const reasons = new Map(body.data?.__type.fields.map((f) => [f.name, f.deprecationReason]));
    expect(reasons.get("articleExamples")).toMatch(/^Use overviewExamples/);
    expect(reasons.get("fromArticle")).toMatch(/^Use namedInFoundingOverview/);
    expect(reasons.get("overviewExamples")).toBeNull();
  });
});
