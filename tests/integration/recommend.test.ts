import { Phase } from "../../src/model/enums";
import { seedTestGraph } from "../support/graph";
import { seedData } from "../support/seed-data";
import { startTestServer, type TestServer } from "../support/server";

type Item = {
  rank: number;
  score: number;
  scoreBreakdown: { evidence: number; mustFollow: string[] };
  conflict: boolean;
  treatment: { id: string; opioid: boolean; invasivenessMax: number };
  supporting: Array<{
    id: string;
    direction: string;
    kind: string;
    phases: string[];
    guideline: { id: string } | null;
  }>;
  opposing: Array<{ id: string }>;
  conditionsCovered: Array<{ id: string }>;
  warnings: Array<{ kind: string }>;
  deliveredBy: Array<{ basis: string }>;
};
type Result = {
  conditions: Array<{ condition: { id: string }; phase: string }>;
  items: Item[];
  excluded: Array<{ reason: string; treatment: { id: string }; recommendations: Array<{ id: string }> }>;
  careTeam: { disciplines: Array<{ id: string }>; professions: Array<{ id: string }> };
  weightsUsed: Record<string, number>;
  disclaimer: string;
  dataRelease: { version: number } | null;
};

const RECOMMEND = `query ($input: RecommendTreatmentsInput!) { recommendTreatments(input: $input) {
  conditions { condition { id } phase }
  items { rank score scoreBreakdown { evidence mustFollow } conflict treatment { id opioid invasivenessMax }
    supporting { id direction kind phases guideline { id } } opposing { id }
    conditionsCovered { id } warnings { kind } deliveredBy { basis } }
  excluded { reason treatment { id } recommendations { id } }
  careTeam { disciplines { id } professions { id } }
  weightsUsed { strength balance breadth lineOfTherapy coverage opioidSparing leastInvasive }
  disclaimer dataRelease { version } } }`;

describe("recommendTreatments", () => {
  let server: TestServer;
  const data = seedData();

  beforeAll(async () => {
    server = await startTestServer();
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server.close());

  async function recommend(input: Record<string, unknown>, headers: Record<string, string> = {}) {
    const { body } = await server.graphql<{ recommendTreatments: Result }>(RECOMMEND, { input }, headers);
    expect(body.errors).toBeUndefined();
    return body.data!.recommendTreatments;
  }

  async function errorOf(input: Record<string, unknown>) {
    const { body } = await server.graphql(RECOMMEND, { input });
    return body.errors?.[0]?.extensions;
  }

  it("ranks exercise first for fibromyalgia: EULAR 2016's only strong-for", async () => {
    const result = await recommend({ conditionCodes: [{ system: "ICD10CM", code: "M79.7" }] });
    expect(result.items[0]!.treatment.id).toBe("treatment:exercise");
    expect(result.items[0]!.supporting.map((r) => r.guideline?.id)).toContain("guideline:eular-2016");
    expect(result.disclaimer).toMatch(/not medical advice/);
    expect(result.dataRelease?.version).toBeGreaterThan(0);
  });

  it("keeps opioids among the items for cancer-related pain with their ASCO citation; excludeOpioids removes them", async () => {
    const result = await recommend({ conditionIds: ["condition:cancer-related-pain"], first: 50 });
    const opioids = result.items.filter((item) => item.treatment.opioid);
    expect(opioids.length).toBeGreaterThan(0);
    expect(opioids.flatMap((item) => item.supporting.map((r) => r.guideline?.id))).toContain(
      "guideline:asco-2023",
    );
    const without = await recommend({
      conditionIds: ["condition:cancer-related-pain"],
      excludeOpioids: true,
      first: 50,
    });
    expect(without.items.some((item) => item.treatment.opioid)).toBe(false);
    expect(without.excluded.filter((e) => e.reason === "OPIOID_EXCLUDED").map((e) => e.treatment.id)).toEqual(
      expect.arrayContaining(opioids.map((item) => item.treatment.id)),
    );
  });

  it("returns only non-invasive treatments with maxInvasiveness 0", async () => {
    const result = await recommend({
      conditionIds: ["condition:chronic-low-back-pain"],
      maxInvasiveness: 0,
      first: 50,
    });
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.every((item) => item.treatment.invasivenessMax === 0)).toBe(true);
    expect(result.excluded.some((e) => e.reason === "TOO_INVASIVE")).toBe(true);
  });

  it("moves an already-tried treatment to excluded", async () => {
    const result = await recommend({
      conditionIds: ["condition:fibromyalgia"],
      excludeTreatmentIds: ["treatment:exercise"],
    });
    expect(result.items.map((item) => item.treatment.id)).not.toContain("treatment:exercise");
    expect(result.excluded).toContainEqual(
      expect.objectContaining({ reason: "ALREADY_TRIED", treatment: { id: "treatment:exercise" } }),
    );
  });

  it("ranks a treatment shared by two conditions above one of equal evidence that helps only one", async () => {
    const result = await recommend({
      conditionIds: ["condition:fibromyalgia", "condition:chronic-low-back-pain"],
      first: 50,
    });
    const shared = result.items.filter((item) => item.conditionsCovered.length === 2);
    const single = result.items.filter((item) => item.conditionsCovered.length === 1);
    expect(shared.length).toBeGreaterThan(0);
    // Stated lines come first; among items no line orders, equal evidence puts the shared treatment first.
    const follows = (later: Item, earlier: Item, seen = new Set<string>()): boolean =>
      later.scoreBreakdown.mustFollow.some((id) => {
        if (id === earlier.treatment.id) return true;
        if (seen.has(id)) return false;
        seen.add(id);
        const next = result.items.find((item) => item.treatment.id === id);
        return next !== undefined && follows(next, earlier, seen);
      });
    let compared = 0;
    for (const s of shared) {
      for (const o of single.filter((item) => item.scoreBreakdown.evidence === s.scoreBreakdown.evidence)) {
        if (follows(s, o) || follows(o, s)) continue;
        expect(s.rank).toBeLessThan(o.rank);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("gives every item at least one supporting recommendation with a guideline, counting only recommendations and consensus", async () => {
    for (const condition of data.conditions) {
      const result = await recommend({ conditionIds: [condition.id], first: 50 });
      for (const item of result.items) {
        expect(item.supporting.length).toBeGreaterThan(0);
        expect(
          item.supporting.every(
            (r) => r.guideline && r.direction === "FOR" && ["RECOMMENDATION", "CONSENSUS"].includes(r.kind),
          ),
        ).toBe(true);
      }
    }
  });

  it("lists treatments guidelines only recommend against as RECOMMENDED_AGAINST with the citations", async () => {
    const result = await recommend({ conditionIds: ["condition:chronic-low-back-pain"], first: 50 });
    const against = result.excluded.filter((e) => e.reason === "RECOMMENDED_AGAINST");
    expect(against.length).toBeGreaterThan(0);
    expect(against.every((e) => e.recommendations.length > 0)).toBe(true);
    expect(result.items.map((i) => i.treatment.id)).not.toEqual(
      expect.arrayContaining(against.map((e) => e.treatment.id)),
    );
  });

  it("marks conflicting evidence and shows both sides (acupuncture for chronic low back pain)", async () => {
    const result = await recommend({ conditionIds: ["condition:chronic-low-back-pain"], first: 50 });
    const acupuncture = result.items.find((item) => item.treatment.id === "treatment:acupuncture");
    expect(acupuncture).toMatchObject({ conflict: true });
    expect(acupuncture!.opposing.length).toBeGreaterThan(0);
  });

  it("does not rank for chronic low back pain treatments whose only support is for acute back pain", async () => {
    const result = await recommend({ conditionIds: ["condition:chronic-low-back-pain"], first: 50 });
    expect(result.conditions).toEqual([
      { condition: { id: "condition:chronic-low-back-pain" }, phase: "CHRONIC" },
    ]);
    for (const item of result.items) {
      expect(
        item.supporting.every((r) => r.phases.includes(Phase.CHRONIC) || r.phases.includes(Phase.ANY)),
      ).toBe(true);
    }
    const lbp = "condition:chronic-low-back-pain";
    const forLbp = data.recommendations.filter((r) => r.conditionId === lbp && r.direction === "FOR");
    const chronicSupport = (treatmentId: string) =>
      forLbp.some(
        (r) =>
          r.treatmentId === treatmentId && (r.phases.includes(Phase.CHRONIC) || r.phases.includes(Phase.ANY)),
      );
    // Acute-only: neither the treatment nor a class it belongs to has support in the chronic phase.
    const classesOf = (treatmentId: string) =>
      data.treatments.find((t) => t.id === treatmentId)?.memberOfIds ?? [];
    const acuteOnly = [...new Set(forLbp.map((r) => r.treatmentId))].filter(
      (t) => !chronicSupport(t) && !classesOf(t).some(chronicSupport),
    );
    expect(acuteOnly.length).toBeGreaterThan(0);
    for (const treatmentId of acuteOnly)
      expect(result.items.map((i) => i.treatment.id)).not.toContain(treatmentId);
  });

  it("gives identical results for identical calls", async () => {
    const input = { conditionIds: ["condition:migraine", "condition:tension-type-headache"], first: 20 };
    expect(await recommend(input)).toEqual(await recommend(input));
  });

  it("shows the FDA warning on epidural steroid injections", async () => {
    const result = await recommend({ conditionIds: ["condition:lumbar-radiculopathy"], first: 50 });
    const esi = result.items.find((item) => item.treatment.id.includes("epidural"));
    expect(esi?.warnings.map((w) => w.kind)).toContain("SAFETY_WARNING");
  });

  it("answers a treatment's candidate fields from the ranking's own read, as the treatment read by id does", async () => {
    const input = { conditionIds: ["condition:fibromyalgia", "condition:chronic-low-back-pain"], first: 50 };
    const fields = "id name opioid invasivenessMax isClass __typename";
    const ask = (extra: string) =>
      server.graphql<{
        recommendTreatments: {
          items: Array<{ treatment: Record<string, unknown> }>;
          excluded: Array<{ treatment: Record<string, unknown> }>;
        };
      }>(
        `query ($input: RecommendTreatmentsInput!) { recommendTreatments(input: $input) {
          items { treatment { ${fields} ${extra} } } excluded { treatment { ${fields} ${extra} } } } }`,
        { input },
        { "x-paingraph-debug": "1" },
      );
    const fromRanking = await ask("");
    // description is not among the candidate's properties: every treatment is then read by id.
    const byId = await ask("description");
    expect(fromRanking.body.errors).toBeUndefined();
    expect(byId.body.errors).toBeUndefined();
    expect((fromRanking.body.extensions?.queryStats as { cypherRoundTrips: number }).cypherRoundTrips).toBe(
      1,
    );
    expect((byId.body.extensions?.queryStats as { cypherRoundTrips: number }).cypherRoundTrips).toBe(2);
    const withoutDescription = (list: Array<{ treatment: Record<string, unknown> }>) =>
      list.map(({ treatment: { description: _description, ...rest } }) => ({ treatment: rest }));
    const ranked = fromRanking.body.data!.recommendTreatments;
    const read = byId.body.data!.recommendTreatments;
    expect(ranked.items.length).toBeGreaterThan(5);
    expect(ranked.excluded.length).toBeGreaterThan(0);
    expect(ranked.items).toEqual(withoutDescription(read.items));
    expect(ranked.excluded).toEqual(withoutDescription(read.excluded));
  });

  it("computes the ranking in one round trip (3 with warnings and precautions), then resolves fields through loaders", async () => {
    const minimal = await server.graphql(
      `query ($input: RecommendTreatmentsInput!) { recommendTreatments(input: $input) { items { rank score } disclaimer } }`,
      { input: { conditionIds: ["condition:fibromyalgia", "condition:chronic-low-back-pain"], first: 50 } },
      { "x-paingraph-debug": "1" },
    );
    // The conditions and every statement about them in one statement; warnings and precautions are not selected.
    expect((minimal.body.extensions?.queryStats as { cypherRoundTrips: number }).cypherRoundTrips).toBe(1);
    const full = await server.graphql(
      RECOMMEND,
      { input: { conditionIds: ["condition:fibromyalgia", "condition:chronic-low-back-pain"], first: 50 } },
      { "x-paingraph-debug": "1" },
    );
    // 3 for the ranking; then one per loader level (entities, care links, data release), independent of item count.
    expect(
      (full.body.extensions?.queryStats as { cypherRoundTrips: number }).cypherRoundTrips,
    ).toBeLessThanOrEqual(3 + 4);
  });

  it.each([
    [{}, "input.conditionIds"],
    [{ conditionIds: ["condition:does-not-exist"] }, "input.conditionIds"],
    [{ conditionCodes: [{ system: "ICD10CM", code: "Z99.999" }] }, "input.conditionCodes"],
    [{ conditionIds: ["condition:fibromyalgia"], maxInvasiveness: 7 }, "input.maxInvasiveness"],
    [{ conditionIds: ["condition:fibromyalgia"], weights: { strength: -1 } }, "input.weights.strength"],
    [
      { conditionIds: ["condition:fibromyalgia"], weights: { coverage: 0.9, opioidSparing: 0.2 } },
      "input.weights",
    ],
    [{ conditionIds: ["condition:fibromyalgia"], first: 0 }, "input.first"],
  ])("refuses %j with BAD_USER_INPUT naming %s", async (input, field) => {
    expect(await errorOf(input)).toMatchObject({ code: "BAD_USER_INPUT", argumentName: field });
  });

  it("pins the top five for every seeded condition (a reviewed fixture: ranking changes show in review)", async () => {
    const pinned: Record<string, string[]> = {};
    for (const condition of [...data.conditions].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const result = await recommend({ conditionIds: [condition.id], first: 5 });
      pinned[condition.id] = result.items.map((item) => `${item.rank}. ${item.treatment.id} (${item.score})`);
    }
    expect(pinned).toMatchSnapshot();
  });
});

describe("explainPath", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const EXPLAIN = `query ($from: ID!, $to: ID!, $max: Int) { explainPath(fromId: $from, toId: $to, maxHops: $max) {
    length hops { relationship forward from { id } to { id } citation { id guideline { id } } } } }`;

  it("explains why a treatment is linked to a condition, citing the recommendation on the way", async () => {
    const { body } = await server.graphql<{
      explainPath: Array<{
        length: number;
        hops: Array<{
          from: { id: string };
          to: { id: string };
          citation: { guideline: { id: string } } | null;
        }>;
      }>;
    }>(EXPLAIN, { from: "treatment:exercise", to: "condition:fibromyalgia", max: 3 });
    expect(body.errors).toBeUndefined();
    const paths = body.data!.explainPath;
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.hops[0]!.from.id).toBe("treatment:exercise");
      expect(path.hops.at(-1)!.to.id).toBe("condition:fibromyalgia");
      expect(path.hops.some((hop) => hop.citation?.guideline.id)).toBe(true);
    }
  });

  it("refuses unknown ids and a maxHops out of range with BAD_USER_INPUT", async () => {
    const unknown = await server.graphql(EXPLAIN, { from: "condition:nope", to: "condition:migraine" });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "fromId",
    });
    const tooFar = await server.graphql(EXPLAIN, {
      from: "condition:fibromyalgia",
      to: "condition:migraine",
      max: 9,
    });
    expect(tooFar.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "maxHops",
    });
  });
});

describe("recommendTreatments with patient factors", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server.close());
  async function errorOf(input: Record<string, unknown>) {
    const { body } = await server.graphql(RECOMMEND, { input });
    return body.errors?.[0]?.extensions;
  }

  const PATIENT = `query ($input: RecommendTreatmentsInput!) { recommendTreatments(input: $input) {
    items { rank treatment { id } line lineNotes avoidedForPatient precautions { id kind refRow refStatus } }
    excluded { reason treatment { id } precautions { id kind refRow } } } }`;
  type PatientResult = {
    items: Array<{
      rank: number;
      treatment: { id: string };
      line: string | null;
      lineNotes: string[];
      avoidedForPatient: boolean;
      precautions: Array<{ id: string; kind: string; refRow: string; refStatus: string }>;
    }>;
    excluded: Array<{ reason: string; treatment: { id: string }; precautions: Array<{ refRow: string }> }>;
  };
  async function rank(input: Record<string, unknown>) {
    const { body } = await server.graphql<{ recommendTreatments: PatientResult }>(PATIENT, { input });
    expect(body.errors).toBeUndefined();
    return body.data!.recommendTreatments;
  }
  const back = { conditionIds: ["condition:chronic-low-back-pain"], first: 50 };
  const ids = (result: PatientResult) => result.items.map((item) => item.treatment.id);

  it("shows boxed warnings without patient input and changes nothing else", async () => {
    const plain = await rank(back);
    const { body } = await server.graphql<{ recommendTreatments: Result }>(RECOMMEND, { input: back });
    expect(ids(plain)).toEqual(body.data!.recommendTreatments.items.map((item) => item.treatment.id));
    const nsaids = plain.items.find((item) => item.treatment.id === "treatment:oral-nsaids")!;
    expect(nsaids.precautions.filter((p) => p.kind === "BOXED_WARNING").map((p) => p.refRow)).toEqual([
      "P001",
      "P003",
    ]);
    expect(
      plain.items.flatMap((item) => item.precautions).every((p) => ["V", "V2"].includes(p.refStatus)),
    ).toBe(true);
  });

  it("removes what an 80-year-old should avoid, keeps the rest in order, and never promotes a later line", async () => {
    const plain = await rank(back);
    const old = await rank({ ...back, patient: { ageYears: 80 } });
    const removed = old.excluded.filter((e) => e.reason === "AVOID_FOR_PATIENT").map((e) => e.treatment.id);
    // Beers (P008: 75 or older; P038 TCAs; P043 is shown only): oral NSAIDs are avoided.
    expect(removed).toContain("treatment:oral-nsaids");
    expect(ids(old)).toEqual(ids(plain).filter((id) => !removed.includes(id)));
    const tramadol = (result: PatientResult) =>
      result.items.find((i) => i.treatment.id === "treatment:tramadol");
    expect(tramadol(old)?.line).toBe(tramadol(plain)?.line);
    expect(tramadol(old)?.lineNotes).toEqual(tramadol(plain)?.lineNotes);
    const kept = await rank({ ...back, patient: { ageYears: 80 }, includeAvoided: true });
    const avoided = kept.items.filter((item) => item.avoidedForPatient).map((item) => item.treatment.id);
    expect(avoided.sort()).toEqual([...removed].sort());
    expect(kept.items.slice(-avoided.length).every((item) => item.avoidedForPatient)).toBe(true);
  });

  it("contraindicates triptans for cardiovascular disease, and a drug-level statement only shows on a broader node", async () => {
    const cardiac = await rank({
      conditionIds: ["condition:migraine"],
      intent: "ACUTE",
      first: 50,
      patient: { risks: ["CARDIOVASCULAR_DISEASE", "RECENT_CABG"] },
    });
    const reason = (id: string) => cardiac.excluded.find((e) => e.treatment.id === id)?.reason;
    expect(reason("treatment:triptans")).toBe("CONTRAINDICATED");
    // P002 names naproxen, meloxicam, celecoxib, oxaprozin: it excludes celecoxib oral solution, not oral NSAIDs.
    expect(reason("treatment:celecoxib-oral-solution")).toBe("CONTRAINDICATED");
    // Acute migraine lists the NSAID class (AHS names NSAIDs): it stands for aspirin too, so P002 is shown, not applied.
    const nsaids = cardiac.items.find((item) => item.treatment.id === "treatment:nsaids");
    expect(nsaids?.precautions.map((p) => p.refRow)).toContain("P002");
  });

  it("refuses bad patient input with BAD_USER_INPUT naming the field", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ageYears: -1 }, "input.patient.ageYears"],
      [{ egfr: 250 }, "input.patient.egfr"],
      [{ egfr: -3 }, "input.patient.egfr"],
      [{ pregnant: true, pregnancyWeek: 50 }, "input.patient.pregnancyWeek"],
      [{ pregnancyWeek: 20 }, "input.patient.pregnancyWeek"],
      [{ currentTreatmentIds: ["treatment:nope"] }, "input.patient.currentTreatmentIds"],
    ];
    for (const [patient, field] of cases) {
      expect(await errorOf({ ...back, patient })).toMatchObject({
        code: "BAD_USER_INPUT",
        argumentName: field,
      });
    }
  });

  it("exposes Precaution through node(id) and Treatment.precautions, class statements passed down", async () => {
    const { body } = await server.graphql<{
      node: {
        id: string;
        kind: string;
        treatment: { id: string };
        factorGroups: Array<{ factors: Array<{ kind: string; risk: string | null }> }>;
      };
      treatment: { precautions: Array<{ id: string }> };
    }>(
      `{ node(id: "precaution:p051-triptans") { id ... on Precaution { kind treatment { id }
           factorGroups { factors { kind risk } } } }
         treatment(id: "treatment:tramadol") { precautions { id } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.node).toMatchObject({
      kind: "CONTRAINDICATION",
      treatment: { id: "treatment:triptans" },
    });
    expect(body.data!.node.factorGroups.map((g) => g.factors.map((f) => f.risk))).toEqual([
      ["CARDIOVASCULAR_DISEASE"],
      ["UNCONTROLLED_HYPERTENSION"],
    ]);
    const onTramadol = body.data!.treatment.precautions.map((p) => p.id);
    expect(onTramadol).toContain("precaution:p024-tramadol");
    expect(onTramadol).toContain("precaution:p017-opioids");
    // Filed on opioids for acetaminophen combinations, with tramadol left out.
    expect(onTramadol).not.toContain("precaution:p030-opioids");
  });
});
