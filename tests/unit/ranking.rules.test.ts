import fc from "fast-check";
import type { RecommendationRecord } from "../../src/evidence/recommendation.model";
import { Direction, Phase, Strength, TherapyLine, TreatmentIntent } from "../../src/model/enums";
import { rankTreatments } from "../../src/recommend/ranking";
import { ExclusionReason, RankingFactor, type Weights } from "../../src/recommend/ranking.model";
import { options, rec, treatment, treatmentsOf } from "../support/ranking-fixture";

const ids = (result: ReturnType<typeof rankTreatments>) => result.items.map((item) => item.treatment.id);
const pool = treatmentsOf(
  treatment("treatment:nsaids"),
  treatment("treatment:duloxetine"),
  treatment("treatment:tramadol", { opioid: true, classIds: ["treatment:opioids"] }),
  treatment("treatment:opioids", { opioid: true, isClass: true }),
  treatment("treatment:exercise"),
  treatment("treatment:massage"),
);

/** ACP 2017 chronic low back pain, Rec 3, with NICE's opposite view on opioids. */
const acp = () => [
  rec({
    treatmentId: "treatment:nsaids",
    guidelineId: "guideline:acp",
    line: TherapyLine.FIRST,
    lineOfTherapy: 1,
  }),
  rec({
    treatmentId: "treatment:duloxetine",
    guidelineId: "guideline:acp",
    line: TherapyLine.SECOND,
    lineOfTherapy: 2,
  }),
  rec({
    treatmentId: "treatment:tramadol",
    guidelineId: "guideline:acp",
    line: TherapyLine.SECOND,
    lineOfTherapy: 2,
  }),
  rec({
    treatmentId: "treatment:opioids",
    guidelineId: "guideline:acp",
    line: TherapyLine.LATER,
    lineOfTherapy: 3,
    followsTreatmentIds: ["treatment:nsaids", "treatment:tramadol", "treatment:duloxetine"],
    excludedMemberIds: ["treatment:tramadol"],
  }),
];

const weightsArb = fc.record(
  Object.fromEntries(
    Object.values(RankingFactor).map((f) => [f, fc.double({ min: 0, max: 50, noNaN: true })]),
  ),
) as fc.Arbitrary<Weights>;

describe("stated lines of therapy", () => {
  it("rank NSAIDs above tramadol and duloxetine, and those above the other opioids, whatever the weights", () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 0, max: 4 }), (weights, extraGuidelines) => {
        // The later lines get more and stronger support elsewhere: still they never overtake.
        const extra = Array.from({ length: extraGuidelines }, (_, i) =>
          rec({
            treatmentId: "treatment:opioids",
            guidelineId: `guideline:other${i}`,
            strength: Strength.STRONG,
          }),
        );
        const order = ids(rankTreatments([...acp(), ...extra], pool, options({ weights })));
        const at = (id: string) => order.indexOf(`treatment:${id}`);
        expect(at("nsaids")).toBeLessThan(at("duloxetine"));
        expect(at("nsaids")).toBeLessThan(at("tramadol"));
        expect(at("tramadol")).toBeLessThan(at("opioids"));
        expect(at("duloxetine")).toBeLessThan(at("opioids"));
      }),
      { numRuns: 200 },
    );
  });

  it("explain the precedence in mustFollow, and keep an excluded member's statement off it", () => {
    const result = rankTreatments(acp(), pool, options());
    const opioids = result.items.find((item) => item.treatment.id === "treatment:opioids")!;
    expect(opioids.mustFollow).toEqual(["treatment:duloxetine", "treatment:nsaids", "treatment:tramadol"]);
    expect(opioids.exceptMemberIds).toEqual(["treatment:tramadol"]);
    const tramadol = result.items.find((item) => item.treatment.id === "treatment:tramadol")!;
    expect(tramadol.supporting.map((r) => r.line)).toEqual([TherapyLine.SECOND]);
  });

  it("put an after-failure statement naming nothing after the same guideline's other treatments", () => {
    const records = [
      rec({ treatmentId: "treatment:exercise", guidelineId: "guideline:nice" }),
      rec({ treatmentId: "treatment:nsaids", guidelineId: "guideline:nice", strength: Strength.UNGRADED }),
      rec({
        treatmentId: "treatment:duloxetine",
        guidelineId: "guideline:nice",
        strength: Strength.STRONG,
        line: TherapyLine.AFTER_FAILURE,
      }),
    ];
    expect(ids(rankTreatments(records, pool, options()))).toEqual([
      "treatment:exercise",
      "treatment:nsaids",
      "treatment:duloxetine",
    ]);
  });

  it("put 'only after non-opioid therapy' after every listed non-opioid", () => {
    const records = [
      rec({ treatmentId: "treatment:tramadol", strength: Strength.STRONG, guidelineId: "guideline:g1" }),
      rec({
        treatmentId: "treatment:tramadol",
        direction: Direction.NEUTRAL,
        followsNonOpioids: true,
        line: TherapyLine.LATER,
      }),
      rec({ treatmentId: "treatment:massage", strength: Strength.UNGRADED }),
    ];
    expect(ids(rankTreatments(records, pool, options()))).toEqual([
      "treatment:massage",
      "treatment:tramadol",
    ]);
  });

  it("mark adjunct-only treatments and rank them after the core treatment they accompany", () => {
    const records = [
      rec({ treatmentId: "treatment:exercise", strength: Strength.UNGRADED }),
      rec({
        treatmentId: "treatment:massage",
        strength: Strength.STRONG,
        line: TherapyLine.ADJUNCT_ONLY,
        followsTreatmentIds: ["treatment:exercise"],
      }),
    ];
    const result = rankTreatments(records, pool, options());
    expect(ids(result)).toEqual(["treatment:exercise", "treatment:massage"]);
    expect(result.items.map((item) => item.adjunctOnly)).toEqual([false, true]);
  });
});

describe("scope", () => {
  it("never mixes intents, and says OTHER_INTENT for the other side", () => {
    const records = [
      rec({ treatmentId: "treatment:nsaids", intent: TreatmentIntent.ACUTE, phases: [Phase.ACUTE] }),
      rec({
        treatmentId: "treatment:duloxetine",
        intent: TreatmentIntent.PREVENTIVE,
        phases: [Phase.CHRONIC],
      }),
      rec({ treatmentId: "treatment:exercise", intent: null }),
      rec({ treatmentId: "treatment:tramadol", direction: Direction.AGAINST, intent: null }),
    ];
    const acute = rankTreatments(
      records,
      pool,
      options({ conditions: [{ id: "condition:a", phase: Phase.ACUTE, intent: TreatmentIntent.ACUTE }] }),
    );
    expect(ids(acute)).toEqual(["treatment:nsaids"]);
    expect(Object.fromEntries(acute.excluded.map((e) => [e.treatment.id, e.reason]))).toEqual({
      "treatment:duloxetine": ExclusionReason.OUT_OF_SCOPE,
      "treatment:exercise": ExclusionReason.OTHER_INTENT,
      "treatment:tramadol": ExclusionReason.RECOMMENDED_AGAINST,
    });
  });

  it("does not count a statement about a narrower population for the whole condition", () => {
    const stenosisOnly = rec({
      treatmentId: "treatment:nsaids",
      direction: Direction.AGAINST,
      subpopulation: "neurogenic claudication in spinal stenosis",
    });
    const result = rankTreatments([rec({ treatmentId: "treatment:nsaids" }), stenosisOnly], pool, options());
    expect(result.items[0]!.opposing).toEqual([]);
    expect(result.items[0]!.conflict).toBe(false);
  });

  it("drops adult-only statements for a child, and only then", () => {
    const adults = rec({ treatmentId: "treatment:nsaids", minAgeYears: 18 });
    expect(ids(rankTreatments([adults], pool, options({ ageYears: 17 })))).toEqual([]);
    expect(ids(rankTreatments([adults], pool, options({ ageYears: 18 })))).toEqual(["treatment:nsaids"]);
    expect(ids(rankTreatments([adults], pool, options()))).toEqual(["treatment:nsaids"]);
  });

  it("lets a broader condition's statement reach the narrower requested one", () => {
    const parent = {
      ...rec({ treatmentId: "treatment:exercise", conditionId: "condition:parent" }),
      appliesTo: "condition:a",
    };
    const result = rankTreatments([parent], pool, options());
    expect(result.items[0]!.conditionsCovered).toEqual(["condition:a"]);
  });
});

// Random evidence over a class, its member and two others, with random names: the invariants of the order.
const names = ["treatment:a", "treatment:b", "treatment:c", "treatment:d"];
const recordArb = fc.record({
  slot: fc.integer({ min: 0, max: 3 }),
  direction: fc.constantFrom(Direction.FOR, Direction.FOR, Direction.AGAINST),
  strength: fc.constantFrom(Strength.STRONG, Strength.CONDITIONAL, Strength.UNGRADED),
  guidelineId: fc.constantFrom("guideline:g1", "guideline:g2", "guideline:g3"),
  line: fc.constantFrom(null, TherapyLine.FIRST, TherapyLine.SECOND, TherapyLine.LATER),
});
type Drawn = {
  slot: number;
  direction: Direction;
  strength: Strength;
  guidelineId: string;
  line: TherapyLine | null;
};

function build(drawn: Drawn[], rename: string[]) {
  // slot 0 is a class, slot 1 its member; rename maps slots to (shuffled) ids.
  const treatments = treatmentsOf(
    treatment(rename[0]!, { isClass: true }),
    treatment(rename[1]!, { classIds: [rename[0]!] }),
    treatment(rename[2]!, { opioid: true }),
    treatment(rename[3]!, { invasivenessMax: 2 }),
  );
  const records: RecommendationRecord[] = drawn.map((d, i) =>
    rec({ ...d, id: `recommendation:${i}`, treatmentId: rename[d.slot]!, lineOfTherapy: null }),
  );
  return rankTreatments(records, treatments, options());
}

describe("ranking properties (stated lines, classes, names)", () => {
  it("never lists a class beside a member that carries its statements", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 12 }), (drawn) => {
        const result = build(drawn, names);
        const listed = new Set(ids(result));
        if (listed.has("treatment:a") && listed.has("treatment:b")) {
          expect(result.items.find((i) => i.treatment.id === "treatment:a")!.exceptMemberIds).toEqual([
            "treatment:b",
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("orders the same evidence the same way whatever the treatments are called", () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 12 }),
        fc.shuffledSubarray(names, { minLength: 4 }),
        (drawn, rename) => {
          const plain = build(drawn, names).items;
          const renamed = build(drawn, rename).items;
          const slotOf = (id: string, table: string[]) => table.indexOf(id);
          const key = (items: typeof plain, table: string[]) =>
            items.map(
              (i) =>
                `${i.evidenceScore}|${i.preferenceScore}|${i.line}|${slotOf(i.treatment.id, table) < 2 ? "class" : "x"}`,
            );
          expect(key(renamed, rename)).toEqual(key(plain, names));
          // Items whose evidence or preference differ keep their relative order under any renaming.
          const slots = (items: typeof plain, table: string[]) =>
            items.map((i) => slotOf(i.treatment.id, table));
          const [p, r] = [slots(plain, names), slots(renamed, rename)];
          for (let i = 0; i < plain.length; i += 1) {
            for (let j = i + 1; j < plain.length; j += 1) {
              const tie =
                plain[i]!.evidenceScore === plain[j]!.evidenceScore &&
                plain[i]!.preferenceScore === plain[j]!.preferenceScore;
              if (!tie) expect(r.indexOf(p[i]!)).toBeLessThan(r.indexOf(p[j]!));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("ranking properties (intent)", () => {
  const intentArb = fc.record({
    slot: fc.integer({ min: 0, max: 3 }),
    direction: fc.constantFrom(Direction.FOR, Direction.FOR, Direction.AGAINST, Direction.NEUTRAL),
    intent: fc.constantFrom(null, TreatmentIntent.ACUTE, TreatmentIntent.PREVENTIVE),
    phase: fc.constantFrom(Phase.ACUTE, Phase.CHRONIC, Phase.ANY),
  });

  it("never mixes intents: every statement an item is ranked on states the intent asked for", () => {
    fc.assert(
      fc.property(
        fc.array(intentArb, { maxLength: 14 }),
        fc.constantFrom(TreatmentIntent.ACUTE, TreatmentIntent.PREVENTIVE),
        (drawn, intent) => {
          const records = drawn.map((d, i) =>
            rec({
              id: `recommendation:i${i}`,
              treatmentId: names[d.slot]!,
              direction: d.direction,
              intent: d.intent,
              phases: [d.phase],
            }),
          );
          const phase = intent === TreatmentIntent.ACUTE ? Phase.ACUTE : Phase.CHRONIC;
          const result = rankTreatments(
            records,
            treatmentsOf(...names.map((id) => treatment(id))),
            options({ conditions: [{ id: "condition:a", phase, intent }] }),
          );
          for (const item of result.items) {
            expect(item.supporting.length).toBeGreaterThan(0);
            for (const r of item.supporting) expect(r.intent).toBe(intent);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
