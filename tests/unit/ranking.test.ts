import fc from "fast-check";
import type { RecommendationRecord } from "../../src/evidence/recommendation.model";
import { Direction, Phase, RecommendationKind, Strength } from "../../src/model/enums";
import { rankTreatments } from "../../src/recommend/ranking";
import { ExclusionReason, RankingFactor } from "../../src/recommend/ranking.model";
import { options, rec, treatment, treatmentsOf } from "../support/ranking-fixture";

const scoreOf = (
  records: RecommendationRecord[],
  id: string,
  opts = options(),
  pool = treatmentsOf(treatment("treatment:x"), treatment("treatment:y")),
) => rankTreatments(records, pool, opts).items.find((item) => item.treatment.id === id)?.score ?? null;

describe("rankTreatments", () => {
  it("ranks stronger evidence first, and explains the score factor by factor", () => {
    const result = rankTreatments(
      [
        rec({ treatmentId: "treatment:x", strength: Strength.CONDITIONAL }),
        rec({
          treatmentId: "treatment:y",
          strength: Strength.STRONG,
          lineOfTherapy: 1,
          guidelineId: "guideline:g2",
        }),
      ],
      treatmentsOf(treatment("treatment:x"), treatment("treatment:y")),
      options(),
    );
    expect(result.items.map((item) => item.treatment.id)).toEqual(["treatment:y", "treatment:x"]);
    for (const item of result.items) {
      const evidence = item.factors.slice(0, 5).reduce((sum, f) => sum + f.contribution, 0);
      const preference = item.factors.slice(5).reduce((sum, f) => sum + f.contribution, 0);
      expect(item.evidenceScore).toBeCloseTo(evidence, 6);
      expect(item.preferenceScore).toBeCloseTo(preference, 6);
      expect(item.score).toBeCloseTo(evidence + preference, 6);
      for (const f of item.factors) expect(f.contribution).toBeCloseTo(f.value * f.weight, 6);
    }
  });

  it("never ranks evidence summaries, prescribing practice, regulatory or safety records as support", () => {
    const kinds = [
      RecommendationKind.EVIDENCE_SUMMARY,
      RecommendationKind.PRESCRIBING_PRACTICE,
      RecommendationKind.REGULATORY,
      RecommendationKind.SAFETY_WARNING,
    ];
    const result = rankTreatments(
      kinds.map((kind) => rec({ treatmentId: "treatment:x", kind, strength: Strength.STRONG })),
      treatmentsOf(treatment("treatment:x")),
      options(),
    );
    expect(result.items).toEqual([]);
    expect(result.excluded).toEqual([expect.objectContaining({ reason: ExclusionReason.NO_RECOMMENDATION })]);
  });

  it("lists a treatment only recommended against as RECOMMENDED_AGAINST, with those statements", () => {
    const against = rec({ treatmentId: "treatment:x", direction: Direction.AGAINST });
    const result = rankTreatments([against], treatmentsOf(treatment("treatment:x")), options());
    expect(result.items).toEqual([]);
    expect(result.excluded).toEqual([
      {
        treatment: treatment("treatment:x"),
        reason: ExclusionReason.RECOMMENDED_AGAINST,
        recommendations: [against],
      },
    ]);
  });

  it("keeps both sides of a disagreement and marks the conflict", () => {
    const result = rankTreatments(
      [
        rec({ treatmentId: "treatment:x" }),
        rec({ treatmentId: "treatment:x", direction: Direction.AGAINST, guidelineId: "guideline:g2" }),
      ],
      treatmentsOf(treatment("treatment:x")),
      options(),
    );
    expect(result.items[0]).toMatchObject({ conflict: true });
    expect(result.items[0]!.supporting).toHaveLength(1);
    expect(result.items[0]!.opposing).toHaveLength(1);
    expect(result.items[0]!.factors.find((f) => f.factor === RankingFactor.BALANCE)!.value).toBe(0);
  });

  it("does not count statements for another phase, and says OUT_OF_SCOPE", () => {
    const acuteOnly = rec({ treatmentId: "treatment:x", phases: [Phase.ACUTE, Phase.SUBACUTE] });
    const result = rankTreatments(
      [acuteOnly],
      treatmentsOf(treatment("treatment:x")),
      options({ conditions: [{ id: "condition:a", phase: Phase.CHRONIC }] }),
    );
    expect(result.items).toEqual([]);
    expect(result.excluded[0]!.reason).toBe(ExclusionReason.OUT_OF_SCOPE);
  });

  it("ignores superseded guidance unless asked for it", () => {
    const old = rec({ treatmentId: "treatment:x", superseded: true });
    expect(rankTreatments([old], treatmentsOf(treatment("treatment:x")), options()).items).toEqual([]);
    expect(
      rankTreatments([old], treatmentsOf(treatment("treatment:x")), options({ includeSuperseded: true }))
        .items,
    ).toHaveLength(1);
  });

  it("applies the user's exclusions with their reasons", () => {
    const pool = treatmentsOf(
      treatment("treatment:tried"),
      treatment("treatment:opioid", { opioid: true }),
      treatment("treatment:implant", { invasivenessMax: 3 }),
      treatment("treatment:weak"),
    );
    const records = [...pool.keys()].map((id) =>
      rec({
        treatmentId: id,
        strength: id === "treatment:weak" ? Strength.UNGRADED : Strength.STRONG,
        kind: id === "treatment:weak" ? RecommendationKind.CONSENSUS : RecommendationKind.RECOMMENDATION,
      }),
    );
    const result = rankTreatments(
      records,
      pool,
      options({
        excludeTreatmentIds: ["treatment:tried"],
        excludeOpioids: true,
        maxInvasiveness: 1,
        minStrength: Strength.CONDITIONAL,
      }),
    );
    expect(result.items).toEqual([]);
    expect(Object.fromEntries(result.excluded.map((e) => [e.treatment.id, e.reason]))).toEqual({
      "treatment:tried": ExclusionReason.ALREADY_TRIED,
      "treatment:opioid": ExclusionReason.OPIOID_EXCLUDED,
      "treatment:implant": ExclusionReason.TOO_INVASIVE,
      "treatment:weak": ExclusionReason.BELOW_MIN_STRENGTH,
    });
  });

  it("applies a class statement to members that have statements of their own, not to others", () => {
    const pool = treatmentsOf(
      treatment("treatment:opioids", { isClass: true, opioid: true }),
      treatment("treatment:tramadol", { opioid: true, classIds: ["treatment:opioids"] }),
      treatment("treatment:tapentadol", { opioid: true, classIds: ["treatment:opioids"] }),
    );
    const result = rankTreatments(
      [
        rec({ treatmentId: "treatment:opioids", direction: Direction.AGAINST, guidelineId: "guideline:aan" }),
        rec({ treatmentId: "treatment:tramadol", guidelineId: "guideline:nice" }),
      ],
      pool,
      options(),
    );
    expect(result.items.map((i) => i.treatment.id)).toEqual(["treatment:tramadol"]);
    expect(result.items[0]!.opposing.map((r) => r.treatmentId)).toEqual(["treatment:opioids"]);
    expect(result.items[0]!.conflict).toBe(true);
    expect(result.excluded.map((e) => [e.treatment.id, e.reason])).toEqual([
      ["treatment:opioids", ExclusionReason.RECOMMENDED_AGAINST],
    ]);
  });

  it("ranks a treatment covering more requested conditions above one of equal evidence covering fewer", () => {
    const conditions = [
      { id: "condition:a", phase: Phase.ANY },
      { id: "condition:b", phase: Phase.ANY },
    ];
    const result = rankTreatments(
      [
        rec({ treatmentId: "treatment:x", conditionId: "condition:a" }),
        rec({ treatmentId: "treatment:y", conditionId: "condition:a" }),
        rec({ treatmentId: "treatment:y", conditionId: "condition:b" }),
      ],
      treatmentsOf(treatment("treatment:x"), treatment("treatment:y")),
      options({ conditions }),
    );
    expect(result.items.map((i) => [i.treatment.id, i.conditionsCovered.length])).toEqual([
      ["treatment:y", 2],
      ["treatment:x", 1],
    ]);
  });

  it("breaks ties by id and gives identical output for identical input", () => {
    const records = [rec({ treatmentId: "treatment:y" }), rec({ treatmentId: "treatment:x" })];
    const pool = treatmentsOf(treatment("treatment:y"), treatment("treatment:x"));
    const first = rankTreatments(records, pool, options());
    expect(first.items.map((i) => i.treatment.id)).toEqual(["treatment:x", "treatment:y"]);
    expect(rankTreatments([...records].reverse(), pool, options())).toEqual(first);
  });
});

// Property tests: random evidence, then one more statement or a preference change, checked against the invariants.
const strengthArb = fc.constantFrom(Strength.STRONG, Strength.CONDITIONAL, Strength.UNGRADED);
const recArb = fc.record({
  treatmentId: fc.constantFrom("treatment:x", "treatment:y", "treatment:z"),
  direction: fc.constantFrom(Direction.FOR, Direction.FOR, Direction.AGAINST, Direction.NEUTRAL),
  strength: strengthArb,
  kind: fc.constantFrom(
    RecommendationKind.RECOMMENDATION,
    RecommendationKind.CONSENSUS,
    RecommendationKind.EVIDENCE_SUMMARY,
  ),
  guidelineId: fc.constantFrom("guideline:g1", "guideline:g2", "guideline:g3", "guideline:g4"),
  lineOfTherapy: fc.constantFrom(null, 1, 2, 3),
  conditionId: fc.constantFrom("condition:a", "condition:b"),
  phases: fc.constantFrom([Phase.ANY], [Phase.CHRONIC], [Phase.ACUTE]),
});
const poolArb = fc.record({
  x: fc.record({ opioid: fc.boolean(), invasivenessMax: fc.integer({ min: 0, max: 3 }) }),
  y: fc.record({ opioid: fc.boolean(), invasivenessMax: fc.integer({ min: 0, max: 3 }) }),
  z: fc.record({ opioid: fc.boolean(), invasivenessMax: fc.integer({ min: 0, max: 3 }) }),
});
const twoConditions = options({
  conditions: [
    { id: "condition:a", phase: Phase.CHRONIC },
    { id: "condition:b", phase: Phase.ANY },
  ],
});
const poolFrom = (p: { x: object; y: object; z: object }) =>
  treatmentsOf(treatment("treatment:x", p.x), treatment("treatment:y", p.y), treatment("treatment:z", p.z));

const recordsArb = (maxLength: number) =>
  fc.array(
    recArb.map((r) => rec(r as never)),
    { maxLength },
  );

/** A treatment's score before and after one more RECOMMENDATION of the given direction (null: not ranked). */
function scoresAround(
  records: RecommendationRecord[],
  extra: object,
  pool: Parameters<typeof poolFrom>[0],
  direction: Direction,
) {
  const added = rec({
    ...(extra as RecommendationRecord),
    direction,
    kind: RecommendationKind.RECOMMENDATION,
  });
  return {
    before: scoreOf(records, added.treatmentId, twoConditions, poolFrom(pool)),
    after: scoreOf([...records, added], added.treatmentId, twoConditions, poolFrom(pool)),
  };
}

describe("ranking properties", () => {
  it("adding a FOR recommendation never lowers a treatment's score", () => {
    fc.assert(
      fc.property(recordsArb(12), recArb, poolArb, (records, extra, pool) => {
        const { before, after } = scoresAround(records, extra, pool, Direction.FOR);
        return before === null || (after !== null && after >= before);
      }),
      { numRuns: 400 },
    );
  });

  it("adding an AGAINST recommendation never raises a treatment's score", () => {
    fc.assert(
      fc.property(recordsArb(12), recArb, poolArb, (records, extra, pool) => {
        const { before, after } = scoresAround(records, extra, pool, Direction.AGAINST);
        return after === null || before === null || after <= before;
      }),
      { numRuns: 400 },
    );
  });

  it("the opioid and invasiveness preferences only reorder treatments of equal evidence", () => {
    fc.assert(
      fc.property(recordsArb(14), poolArb, poolArb, (records, poolA, poolB) => {
        const a = rankTreatments(records, poolFrom(poolA), twoConditions).items;
        const b = rankTreatments(records, poolFrom(poolB), twoConditions).items;
        const evidenceOf = (items: typeof a) => new Map(items.map((i) => [i.treatment.id, i.evidenceScore]));
        const ea = evidenceOf(a);
        // Changing only opioid flags and invasiveness never changes an evidence score, nor the order of unequal ones.
        expect(evidenceOf(b)).toEqual(ea);
        const position = new Map(b.map((item, index) => [item.treatment.id, index]));
        for (let i = 0; i < a.length; i += 1) {
          for (let j = i + 1; j < a.length; j += 1) {
            if (a[i]!.evidenceScore > a[j]!.evidenceScore) {
              expect(position.get(a[i]!.treatment.id)!).toBeLessThan(position.get(a[j]!.treatment.id)!);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
