import { seedTestGraph } from "../support/graph";
import { seedData } from "../support/seed-data";
import { startTestServer, type TestServer } from "../support/server";

type Named = { id: string; name: string };
const ids = (items: Array<{ id: string }>) => items.map((item) => item.id).sort();

describe("the GraphQL API over the seeded graph", () => {
  let server: TestServer;
  const data = seedData();
  const fibromyalgia = data.conditions.find((c) => c.icd10Codes.includes("M79.7"))!;
  const recsFor = (conditionId: string) => data.recommendations.filter((r) => r.conditionId === conditionId);

  beforeAll(async () => {
    server = await startTestServer();
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server.close());

  async function query<T>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { body } = await server.graphql<T>(text, variables);
    expect(body.errors).toBeUndefined();
    return body.data as T;
  }

  describe("root look-ups", () => {
    it("finds a condition by id and returns null for an unknown or other-typed id", async () => {
      const result = await query<{ a: Named | null; b: Named | null; c: Named | null }>(
        `query ($id: ID!) { a: condition(id: $id) { id name } b: condition(id: "condition:nope") { id name }
          c: condition(id: "treatment:tramadol") { id name } }`,
        { id: fibromyalgia.id },
      );
      expect(result).toEqual({ a: { id: fibromyalgia.id, name: fibromyalgia.name }, b: null, c: null });
    });

    it.each(["M79.7", "m79.7", "M797", " m797 "])(
      "finds a condition by ICD-10-CM code written %j",
      async (code) => {
        const result = await query<{ conditionByCode: Named | null }>(
          "query ($code: String!) { conditionByCode(system: ICD10CM, code: $code) { id name } }",
          { code },
        );
        expect(result.conditionByCode?.id).toBe(fibromyalgia.id);
      },
    );

    it("finds a condition by SNOMED CT id and returns null for an unknown code", async () => {
      const withSnomed = data.conditions.find((c) => c.snomedCodes.length > 0)!;
      const result = await query<{ a: Named | null; b: Named | null }>(
        `query ($code: String!) { a: conditionByCode(system: SNOMEDCT, code: $code) { id }
          b: conditionByCode(system: ICD10CM, code: "Z99.99") { id } }`,
        { code: withSnomed.snomedCodes[0] },
      );
      expect(result).toEqual({ a: { id: withSnomed.id }, b: null });
    });

    it("finds treatments, guidelines, recommendations and any node by id", async () => {
      const rec = data.recommendations[0]!;
      const result = await query<Record<string, { id: string; __typename?: string } | null>>(
        `query ($t: ID!, $g: ID!, $r: ID!) {
          treatment(id: $t) { id } guideline(id: $g) { id } recommendation(id: $r) { id }
          n1: node(id: $r) { id __typename ... on Recommendation { treatment { id } } }
          n2: node(id: $g) { id __typename } n3: node(id: "nothing:here") { id } }`,
        { t: rec.treatmentId, g: rec.guidelineId, r: rec.id },
      );
      expect(result.treatment?.id).toBe(rec.treatmentId);
      expect(result.guideline?.id).toBe(rec.guidelineId);
      expect(result.recommendation?.id).toBe(rec.id);
      expect(result.n1).toEqual({
        id: rec.id,
        __typename: "Recommendation",
        treatment: { id: rec.treatmentId },
      });
      expect(result.n2).toEqual({ id: rec.guidelineId, __typename: "Guideline" });
      expect(result.n3).toBeNull();
    });

    it("lists groups, modalities, disciplines, professions, myths and statistics", async () => {
      const result = await query<Record<string, Array<{ id: string }>>>(
        "{ conditionGroups { id } modalities { id } disciplines { id } professions { id } myths { id } statistics { id } }",
      );
      expect(ids(result.conditionGroups!)).toEqual(ids(data.conditionGroups));
      expect(ids(result.modalities!)).toEqual(ids(data.modalities));
      expect(ids(result.disciplines!)).toEqual(ids(data.disciplines));
      expect(ids(result.professions!)).toEqual(ids(data.professions));
      expect(ids(result.myths!)).toEqual(ids(data.myths));
      expect(ids(result.statistics!)).toEqual(ids(data.statistics));
    });

    it("reports the data release with live counts", async () => {
      const result = await query<{ dataRelease: { version: number; counts: Record<string, number> } }>(
        "{ dataRelease { version checksum counts { conditions treatments recommendations guidelines } } }",
      );
      expect(result.dataRelease.version).toBeGreaterThanOrEqual(1);
      expect(result.dataRelease.counts).toEqual({
        conditions: data.conditions.length,
        treatments: data.treatments.length,
        recommendations: data.recommendations.length,
        guidelines: data.guidelines.length,
      });
    });
  });

  describe("traversals", () => {
    it("gives a condition its groups, recommendations, FOR treatments, care team, related conditions and managers", async () => {
      const result = await query<{
        condition: Record<string, unknown> & { recommendations: Array<{ id: string }> };
      }>(
        `query ($id: ID!) { condition(id: $id) {
          groups { id } recommendations { id } treatments { id } against: treatments(direction: AGAINST) { id }
          careTeam { disciplines { id } professions { id } } relatedConditions(first: 3) { similarity condition { id } }
          managedBy { basis provider { id } } prevalence { text sources { id } } } }`,
        { id: fibromyalgia.id },
      );
      const condition = result.condition;
      expect(ids(condition.groups as Array<{ id: string }>)).toEqual([...fibromyalgia.groupIds].sort());
      expect(ids(condition.recommendations)).toEqual(ids(recsFor(fibromyalgia.id)));
      const forTreatments = [
        ...new Set(
          recsFor(fibromyalgia.id)
            .filter((r) => r.direction === "FOR")
            .map((r) => r.treatmentId),
        ),
      ];
      expect(ids(condition.treatments as Array<{ id: string }>)).toEqual(forTreatments.sort());
      const againstTreatments = [
        ...new Set(
          recsFor(fibromyalgia.id)
            .filter((r) => r.direction === "AGAINST")
            .map((r) => r.treatmentId),
        ),
      ];
      expect(ids(condition.against as Array<{ id: string }>)).toEqual(againstTreatments.sort());
      const deliverers = new Set(
        data.careLinks
          .filter((l) => l.type === "DELIVERS" && forTreatments.includes(l.to))
          .map((l) => l.from),
      );
      const team = condition.careTeam as {
        disciplines: Array<{ id: string }>;
        professions: Array<{ id: string }>;
      };
      expect([...ids(team.disciplines), ...ids(team.professions)].sort()).toEqual([...deliverers].sort());
      const related = condition.relatedConditions as Array<{ similarity: number; condition: { id: string } }>;
      expect(related.length).toBeGreaterThan(0);
      expect(
        related.every((r) => r.similarity > 0 && r.similarity <= 1 && r.condition.id !== fibromyalgia.id),
      ).toBe(true);
      expect(related.map((r) => r.similarity)).toEqual(
        [...related.map((r) => r.similarity)].sort((a, b) => b - a),
      );
      const managers = data.careLinks
        .filter((l) => l.type === "MANAGES" && l.to === fibromyalgia.id)
        .map((l) => l.from);
      expect(
        (condition.managedBy as Array<{ provider: { id: string } }>).map((m) => m.provider.id).sort(),
      ).toEqual(managers.sort());
    });

    it("gives each recommendation its treatment, condition, guideline, grade and scope", async () => {
      const result = await query<{ condition: { recommendations: Array<Record<string, unknown>> } }>(
        `query ($id: ID!) { condition(id: $id) { recommendations {
          id direction strength kind rawGrade gradingSystem lineOfTherapy phases phase population prerequisites adjunctOnly
          statement refRow refStatus superseded treatment { id } condition { id } guideline { id gradingSystem } } } }`,
        { id: fibromyalgia.id },
      );
      for (const rec of result.condition.recommendations) {
        const source = data.recommendations.find((r) => r.id === rec.id)!;
        expect(rec).toMatchObject({
          direction: source.direction,
          rawGrade: source.rawGrade,
          refRow: source.refRow,
          treatment: { id: source.treatmentId },
          condition: { id: fibromyalgia.id },
          guideline: { id: source.guidelineId },
        });
        expect(rec.gradingSystem).toBe((rec.guideline as { gradingSystem: string }).gradingSystem);
      }
    });

    it("filters a condition's recommendations by direction, strength, kind and superseded status", async () => {
      const result = await query<{ condition: Record<string, Array<{ id: string; strength: string }>> }>(
        `query ($id: ID!) { condition(id: $id) {
          strongFor: recommendations(filter: { directions: [FOR], minStrength: STRONG }) { id strength }
          current: recommendations(filter: { includeSuperseded: false }) { id strength }
          all: recommendations { id strength } } }`,
        { id: fibromyalgia.id },
      );
      const { strongFor, current, all } = result.condition;
      expect(strongFor!.length).toBeGreaterThan(0);
      expect(strongFor!.every((r) => r.strength === "STRONG")).toBe(true);
      const superseded = new Set(data.guidelines.filter((g) => g.supersededById).map((g) => g.id));
      const expectedCurrent = recsFor(fibromyalgia.id).filter((r) => !superseded.has(r.guidelineId));
      expect(ids(current!)).toEqual(ids(expectedCurrent));
      expect(all!.length).toBeGreaterThan(current!.length);
    });

    it("gives a treatment its modalities, deliverers, recommendations, conditions and class links", async () => {
      const tramadol = data.treatments.find((t) => t.id === "treatment:tramadol")!;
      const result = await query<{ treatment: Record<string, Array<Record<string, unknown>>> }>(
        `{ treatment(id: "treatment:tramadol") { modalities { id } deliveredBy { basis provider { id } }
           recommendations { id } conditions { id } memberOf { id members { id } } } }`,
      );
      const t = result.treatment;
      expect(ids(t.modalities as Array<{ id: string }>)).toEqual([...tramadol.modalityIds].sort());
      expect(ids(t.memberOf as Array<{ id: string }>)).toEqual([...tramadol.memberOfIds].sort());
      expect((t.memberOf![0]!.members as Array<{ id: string }>).map((m) => m.id)).toContain(
        "treatment:tramadol",
      );
      expect(ids(t.recommendations as Array<{ id: string }>)).toEqual(
        ids(data.recommendations.filter((r) => r.treatmentId === tramadol.id)),
      );
      const deliverers = data.careLinks.filter((l) => l.type === "DELIVERS" && l.to === tramadol.id);
      expect(t.deliveredBy).toHaveLength(deliverers.length);
    });

    it("gives a guideline its recommendations and supersession links both ways", async () => {
      const old = data.guidelines.find((g) => g.supersededById)!;
      const result = await query<{
        guideline: {
          supersededBy: { id: string; supersedes: Array<{ id: string }> };
          recommendations: Array<{ id: string; superseded: boolean }>;
        };
      }>(
        `query ($id: ID!) { guideline(id: $id) { supersededBy { id supersedes { id } } recommendations { id superseded } } }`,
        { id: old.id },
      );
      expect(result.guideline.supersededBy.id).toBe(old.supersededById);
      expect(result.guideline.supersededBy.supersedes.map((g) => g.id)).toContain(old.id);
      expect(ids(result.guideline.recommendations)).toEqual(
        ids(data.recommendations.filter((r) => r.guidelineId === old.id)),
      );
      expect(result.guideline.recommendations.every((r) => r.superseded)).toBe(true);
    });

    it("gives providers what they deliver and manage and whom they work with, with link sources", async () => {
      const result = await query<{
        disciplines: Array<{ id: string; delivers: unknown[]; manages: unknown[]; worksWith: unknown[] }>;
      }>(
        "{ disciplines { id delivers { basis treatment { id } sources { id } } manages { condition { id } } worksWith { partner { id } } } }",
      );
      for (const discipline of result.disciplines) {
        const links = data.careLinks.filter((l) => l.from === discipline.id);
        expect(discipline.delivers).toHaveLength(links.filter((l) => l.type === "DELIVERS").length);
        expect(discipline.manages).toHaveLength(links.filter((l) => l.type === "MANAGES").length);
      }
      const cited = await query<{
        disciplines: Array<{ delivers: Array<{ basis: string; sources: unknown[] }> }>;
      }>("{ disciplines { delivers { basis sources { id } } } }");
      const links = cited.disciplines.flatMap((d) => d.delivers);
      expect(links.filter((l) => l.basis === "CITED").every((l) => l.sources.length > 0)).toBe(true);
      expect(links.filter((l) => l.basis === "CONVENTION").every((l) => l.sources.length === 0)).toBe(true);
    });

    it("gives groups their conditions, modalities their treatments, myths their cited facts, statistics their source", async () => {
      const result = await query<{
        conditionGroups: Array<{ id: string; conditions: Array<{ id: string }> }>;
        modalities: Array<{ treatments: unknown[] }>;
        myths: Array<{ facts: Array<{ sources: unknown[] }> }>;
        statistics: Array<{ source: { id: string } | null }>;
      }>(
        "{ conditionGroups { id conditions { id } } modalities { treatments { id } } myths { facts { text sources { id } } } statistics { source { id } } }",
      );
      for (const group of result.conditionGroups) {
        expect(ids(group.conditions)).toEqual(
          ids(data.conditions.filter((c) => c.groupIds.includes(group.id))),
        );
      }
      expect(
        result.myths.every((m) => m.facts.length > 0 && m.facts.every((f) => f.sources.length > 0)),
      ).toBe(true);
      expect(result.statistics.every((s) => s.source !== null)).toBe(true);
    });

    it("reports conflicts only between opposite directions on the same treatment and condition", async () => {
      const result = await query<{
        condition: {
          recommendations: Array<{
            id: string;
            direction: string;
            treatment: { id: string };
            conflictsWith: Array<{ direction: string; treatment: { id: string }; condition: { id: string } }>;
          }>;
        };
      }>(
        `{ condition(id: "condition:chronic-low-back-pain") { recommendations {
            id direction treatment { id } conflictsWith { direction treatment { id } condition { id } } } } }`,
      );
      const acupuncture = result.condition.recommendations.filter(
        (r) => r.treatment.id === "treatment:acupuncture",
      );
      expect(acupuncture.some((r) => r.conflictsWith.length > 0)).toBe(true);
      for (const rec of result.condition.recommendations) {
        for (const other of rec.conflictsWith) {
          expect(other.treatment.id).toBe(rec.treatment.id);
          expect(other.condition.id).toBe("condition:chronic-low-back-pain");
          expect(new Set([rec.direction, other.direction])).toEqual(new Set(["FOR", "AGAINST"]));
        }
      }
    });
  });

  describe("filters", () => {
    it("filters conditions by group, category, name (aliases too) and code", async () => {
      const result = await query<
        Record<string, { totalCount: number; edges: Array<{ node: { id: string } }> }>
      >(
        `{ byGroup: conditions(first: 100, filter: { groupId: "group:migraines-and-headaches" }) { totalCount edges { node { id } } }
           chronic: conditions(first: 100, filter: { category: CHRONIC }) { totalCount edges { node { id } } }
           byAlias: conditions(filter: { name: "SCIATICA" }) { totalCount edges { node { id } } }
           byCode: conditions(filter: { code: "m797" }) { totalCount edges { node { id } } } }`,
      );
      const nodes = (key: string) => result[key]!.edges.map((e) => e.node.id).sort();
      expect(nodes("byGroup")).toEqual(
        ids(data.conditions.filter((c) => c.groupIds.includes("group:migraines-and-headaches"))),
      );
      expect(nodes("chronic")).toEqual(ids(data.conditions.filter((c) => c.category === "CHRONIC")));
      const sciatica = data.conditions.filter(
        (c) =>
          c.name.toLowerCase().includes("sciatica") ||
          c.aliases.some((a) => a.toLowerCase().includes("sciatica")),
      );
      expect(nodes("byAlias")).toEqual(ids(sciatica));
      expect(nodes("byCode")).toEqual([fibromyalgia.id]);
    });

    it("filters treatments by modality, opioid, invasiveness, deliverer and recommended condition", async () => {
      const result = await query<
        Record<string, { totalCount: number; edges: Array<{ node: { id: string } }> }>
      >(
        `{ opioids: treatments(first: 100, filter: { opioid: true }) { totalCount edges { node { id } } }
           gentle: treatments(first: 100, filter: { maxInvasiveness: 0, modalityId: "modality:medications" }) { totalCount edges { node { id } } }
           byPt: treatments(first: 100, filter: { deliveredBy: "profession:physical-therapists" }) { totalCount edges { node { id } } }
           forFibro: treatments(first: 100, filter: { recommendedFor: "condition:fibromyalgia" }) { totalCount edges { node { id } } } }`,
      );
      const nodes = (key: string) => result[key]!.edges.map((e) => e.node.id).sort();
      expect(nodes("opioids")).toEqual(ids(data.treatments.filter((t) => t.opioid)));
      expect(nodes("gentle")).toEqual(
        ids(
          data.treatments.filter(
            (t) => t.invasivenessMax === 0 && t.modalityIds.includes("modality:medications"),
          ),
        ),
      );
      expect(nodes("byPt")).toEqual(
        [
          ...new Set(
            data.careLinks
              .filter((l) => l.type === "DELIVERS" && l.from === "profession:physical-therapists")
              .map((l) => l.to),
          ),
        ].sort(),
      );
      expect(nodes("forFibro")).toEqual(
        [
          ...new Set(
            recsFor(fibromyalgia.id)
              .filter((r) => r.direction === "FOR")
              .map((r) => r.treatmentId),
          ),
        ].sort(),
      );
      expect(result.opioids!.totalCount).toBe(nodes("opioids").length);
    });

    it("refuses maxInvasiveness out of range with BAD_USER_INPUT naming the argument", async () => {
      const { body } = await server.graphql("{ treatments(filter: { maxInvasiveness: 7 }) { totalCount } }");
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        argumentName: "filter.maxInvasiveness",
      });
    });
  });
});
