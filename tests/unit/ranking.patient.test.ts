/** Patient factors against safety statements: what excludes, what is only shown, and what never changes the order. */
import fc from "fast-check";
import {
  type PatientFactorKind,
  PatientRisk,
  Phase,
  PrecautionKind,
  TherapyLine,
} from "../../src/model/enums";
import { type PatientFactors, type StoredFactor, type StoredPrecaution } from "../../src/recommend/patient";
import { rankTreatments } from "../../src/recommend/ranking";
import { ExclusionReason } from "../../src/recommend/ranking.model";
import { applyPatient } from "../../src/recommend/ranking.patient";
import { options, rec, treatment, treatmentsOf } from "../support/ranking-fixture";

let sequence = 0;
function precaution(
  overrides: Partial<Omit<StoredPrecaution, "factorGroupsJson">> & { groups?: StoredFactor[][] },
): StoredPrecaution {
  sequence += 1;
  const { groups = [], ...rest } = overrides;
  return {
    id: `precaution:p${sequence}`,
    kind: PrecautionKind.CONTRAINDICATION,
    treatmentId: "treatment:oral-nsaids",
    treatmentClassIds: [],
    excludedMemberIds: [],
    coversTreatmentIds: [],
    factorGroupsJson: JSON.stringify(groups),
    lowQuality: false,
    adultsOnly: false,
    exceptPhases: [],
    ...rest,
  };
}

const person = (overrides: Partial<PatientFactors> = {}): PatientFactors => ({
  ageYears: null,
  pregnant: false,
  pregnancyWeek: null,
  breastfeeding: false,
  egfr: null,
  risks: new Set(),
  current: [],
  ...overrides,
});

const risk = (r: PatientRisk): StoredFactor => ({ kind: "RISK" as PatientFactorKind, risk: r });
const factor = (kind: string, extra: Partial<StoredFactor> = {}): StoredFactor => ({
  kind: kind as PatientFactorKind,
  ...extra,
});

const pool = treatmentsOf(
  treatment("treatment:nsaids", { isClass: true }),
  treatment("treatment:oral-nsaids", { classIds: ["treatment:nsaids"] }),
  treatment("treatment:topical-nsaids", { classIds: ["treatment:nsaids"] }),
  treatment("treatment:celecoxib", { classIds: ["treatment:nsaids"] }),
  treatment("treatment:tramadol", { opioid: true, classIds: ["treatment:opioids"] }),
  treatment("treatment:exercise"),
);
const evidence = () => [
  rec({ treatmentId: "treatment:oral-nsaids", line: TherapyLine.FIRST }),
  rec({ treatmentId: "treatment:topical-nsaids", line: TherapyLine.FIRST }),
  rec({ treatmentId: "treatment:celecoxib", line: TherapyLine.FIRST }),
  rec({ treatmentId: "treatment:tramadol", line: TherapyLine.SECOND }),
  rec({ treatmentId: "treatment:exercise" }),
];

function rank(precautions: StoredPrecaution[], patient: PatientFactors | null, includeAvoided = false) {
  return applyPatient(rankTreatments(evidence(), pool, options()), {
    patient,
    precautions,
    phases: [Phase.ANY],
    includeAvoided,
  });
}
const listed = (result: ReturnType<typeof rank>) => result.items.map((item) => item.treatment.id);
const reasonOf = (result: ReturnType<typeof rank>, id: string) =>
  result.excluded.find((item) => item.treatment.id === id)?.reason;

describe("patient factors", () => {
  const cabg = precaution({
    treatmentId: "treatment:nsaids",
    excludedMemberIds: ["treatment:topical-nsaids"],
    coversTreatmentIds: ["treatment:celecoxib"],
    groups: [[risk(PatientRisk.RECENT_CABG)]],
  });

  it("exclude only what a matching statement covers whole; a broader node gets it as a precaution", () => {
    const result = rank([cabg], person({ risks: new Set([PatientRisk.RECENT_CABG]) }));
    expect(reasonOf(result, "treatment:celecoxib")).toBe(ExclusionReason.CONTRAINDICATED);
    const oral = result.items.find((item) => item.treatment.id === "treatment:oral-nsaids")!;
    expect(oral.precautions.map((p) => p.id)).toEqual([cabg.id]);
    // The class statement leaves topical NSAIDs out: not shown there.
    const topical = result.items.find((item) => item.treatment.id === "treatment:topical-nsaids")!;
    expect(topical.precautions).toEqual([]);
  });

  it("change nothing without a match, and show boxed warnings and statements for everyone without patient input", () => {
    const boxed = precaution({ kind: PrecautionKind.BOXED_WARNING, treatmentId: "treatment:opioids" });
    const plain = rank([cabg, boxed], null);
    expect(listed(plain)).toEqual(listed(rank([], null)));
    const tramadol = plain.items.find((item) => item.treatment.id === "treatment:tramadol")!;
    expect(tramadol.precautions.map((p) => p.id)).toEqual([boxed.id]);
    expect(plain.items.find((i) => i.treatment.id === "treatment:celecoxib")!.precautions).toEqual([]);
  });

  it("never exclude on a low-quality statement, nor on a factor the input cannot state", () => {
    const weak = { ...cabg, id: "precaution:weak", lowQuality: true };
    const other = precaution({
      treatmentId: "treatment:celecoxib",
      coversTreatmentIds: ["treatment:celecoxib"],
      groups: [[risk(PatientRisk.RECENT_CABG), factor("OTHER", { text: "hyperthyroidism" })]],
    });
    const result = rank([weak, other], person({ risks: new Set([PatientRisk.RECENT_CABG]) }));
    expect(listed(result)).toContain("treatment:celecoxib");
    const shown = result.items.find((i) => i.treatment.id === "treatment:celecoxib")!.precautions;
    expect(shown.map((p) => p.id).sort()).toEqual([other.id, weak.id].sort());
  });

  it("keep avoided treatments with includeAvoided, ranked after everything else", () => {
    const avoid = precaution({
      kind: PrecautionKind.AVOID,
      treatmentId: "treatment:oral-nsaids",
      coversTreatmentIds: ["treatment:oral-nsaids"],
      groups: [[factor("AGE_AT_LEAST", { value: 75 })]],
    });
    const old = person({ ageYears: 80 });
    expect(reasonOf(rank([avoid], old), "treatment:oral-nsaids")).toBe(ExclusionReason.AVOID_FOR_PATIENT);
    const kept = rank([avoid], old, true);
    expect(listed(kept).at(-1)).toBe("treatment:oral-nsaids");
    expect(kept.items.at(-1)!.avoidedForPatient).toBe(true);
    expect(listed(rank([avoid], person({ ageYears: 74 })))).toEqual(listed(rank([], null)));
  });

  it("read factors as the source combines them: AND within a group, OR across groups", () => {
    const beers = precaution({
      kind: PrecautionKind.AVOID,
      coversTreatmentIds: ["treatment:oral-nsaids"],
      groups: [
        [factor("AGE_AT_LEAST", { value: 75 })],
        [factor("AGE_AT_LEAST", { value: 65 }), risk(PatientRisk.TAKING_ANTICOAGULANT_OR_ANTIPLATELET)],
      ],
    });
    const excluded = (p: PatientFactors) => reasonOf(rank([beers], p), "treatment:oral-nsaids") !== undefined;
    expect(excluded(person({ ageYears: 70 }))).toBe(false);
    expect(excluded(person({ risks: new Set([PatientRisk.TAKING_ANTICOAGULANT_OR_ANTIPLATELET]) }))).toBe(
      false,
    );
    expect(
      excluded(person({ ageYears: 70, risks: new Set([PatientRisk.TAKING_ANTICOAGULANT_OR_ANTIPLATELET]) })),
    ).toBe(true);
    expect(excluded(person({ ageYears: 76 }))).toBe(true);
  });

  it("apply a pregnancy-week statement to pregnancy without a week (the conservative reading), and not before its week", () => {
    const late = precaution({
      kind: PrecautionKind.AVOID,
      coversTreatmentIds: ["treatment:oral-nsaids"],
      groups: [[factor("PREGNANT", { value: 20 })]],
    });
    const excluded = (p: PatientFactors) => reasonOf(rank([late], p), "treatment:oral-nsaids") !== undefined;
    expect(excluded(person({ pregnant: true }))).toBe(true);
    expect(excluded(person({ pregnant: true, pregnancyWeek: 12 }))).toBe(false);
    expect(excluded(person({ pregnant: true, pregnancyWeek: 24 }))).toBe(true);
  });

  it("count current treatments through their classes, and drop adult-only statements for a child", () => {
    const combo = precaution({
      kind: PrecautionKind.AVOID,
      treatmentId: "treatment:tramadol",
      coversTreatmentIds: ["treatment:tramadol"],
      adultsOnly: true,
      groups: [[factor("TAKING", { treatmentIds: ["treatment:benzodiazepines"] })]],
    });
    const onBenzo = (age: number) =>
      person({
        ageYears: age,
        current: [{ id: "treatment:clonazepam", classIds: ["treatment:benzodiazepines"] }],
      });
    expect(reasonOf(rank([combo], onBenzo(40)), "treatment:tramadol")).toBe(
      ExclusionReason.AVOID_FOR_PATIENT,
    );
    expect(reasonOf(rank([combo], onBenzo(15)), "treatment:tramadol")).toBeUndefined();
  });

  it("show, not apply, a statement in a phase its source excepts", () => {
    const falls = precaution({
      kind: PrecautionKind.AVOID,
      treatmentId: "treatment:tramadol",
      coversTreatmentIds: ["treatment:tramadol"],
      exceptPhases: [Phase.ACUTE],
      groups: [[risk(PatientRisk.FALLS_HISTORY)]],
    });
    const acute = applyPatient(rankTreatments(evidence(), pool, options()), {
      patient: person({ risks: new Set([PatientRisk.FALLS_HISTORY]) }),
      precautions: [falls],
      phases: [Phase.ACUTE],
      includeAvoided: false,
    });
    expect(acute.items.find((i) => i.treatment.id === "treatment:tramadol")!.precautions).toHaveLength(1);
  });
});

const RISKS = Object.values(PatientRisk);
const ids = [...pool.keys()].filter((id) => id !== "treatment:nsaids");
type Drawn = { factor: StoredFactor; patient: PatientFactors };
/** A factor and a person for whom it holds. */
const matchingFactorArb: fc.Arbitrary<Drawn> = fc.oneof(
  fc.constantFrom(...RISKS).map((r) => ({ factor: risk(r), patient: person({ risks: new Set([r]) }) })),
  fc.integer({ min: 0, max: 100 }).chain((threshold) =>
    fc.integer({ min: threshold, max: 120 }).map((age) => ({
      factor: factor("AGE_AT_LEAST", { value: threshold }),
      patient: person({ ageYears: age }),
    })),
  ),
  fc.integer({ min: 1, max: 120 }).chain((threshold) =>
    fc.integer({ min: 0, max: threshold - 1 }).map((age) => ({
      factor: factor("AGE_BELOW", { value: threshold }),
      patient: person({ ageYears: age }),
    })),
  ),
  fc.integer({ min: 1, max: 200 }).chain((threshold) =>
    fc.double({ min: 0, max: threshold - 0.001, noNaN: true }).map((egfr) => ({
      factor: factor("EGFR_BELOW", { value: threshold }),
      patient: person({ egfr }),
    })),
  ),
  fc.constant({ factor: factor("PREGNANT"), patient: person({ pregnant: true }) }),
  fc.constant({ factor: factor("BREASTFEEDING"), patient: person({ breastfeeding: true }) }),
);

describe("patient properties", () => {
  it("a matching CONTRAINDICATION for a given factor always excludes the treatment it covers", () => {
    fc.assert(
      fc.property(matchingFactorArb, fc.constantFrom(...ids), ({ factor: f, patient }, target) => {
        const contraindication = precaution({
          treatmentId: target,
          coversTreatmentIds: [target],
          groups: [[f]],
        });
        const result = rank([contraindication], patient);
        expect(listed(result)).not.toContain(target);
        expect(reasonOf(result, target)).toBe(ExclusionReason.CONTRAINDICATED);
        expect(result.excluded.find((e) => e.treatment.id === target)!.precautions).toContainEqual(
          contraindication,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("patient input never reorders the remaining items, nor promotes one past the lines it follows", () => {
    const precautionArb = fc
      .record({
        kind: fc.constantFrom(...Object.values(PrecautionKind)),
        target: fc.constantFrom(...ids),
        drawn: matchingFactorArb,
        covers: fc.boolean(),
        lowQuality: fc.boolean(),
      })
      .map(({ kind, target, drawn, covers, lowQuality }) => ({
        precaution: precaution({
          kind,
          treatmentId: target,
          coversTreatmentIds:
            covers &&
            !lowQuality &&
            (kind === PrecautionKind.AVOID || kind === PrecautionKind.CONTRAINDICATION)
              ? [target]
              : [],
          lowQuality,
          groups: [[drawn.factor]],
        }),
        patient: drawn.patient,
      }));
    fc.assert(
      fc.property(fc.array(precautionArb, { maxLength: 6 }), fc.boolean(), (drawn, includeAvoided) => {
        const precautions = drawn.map((d) => d.precaution);
        const patient = drawn[0]?.patient ?? person({ ageYears: 50 });
        const before = listed(rank(precautions, null));
        const after = rank(precautions, patient, includeAvoided);
        const kept = after.items.filter((item) => !item.avoidedForPatient).map((item) => item.treatment.id);
        const avoided = after.items.filter((item) => item.avoidedForPatient).map((item) => item.treatment.id);
        // Kept items, then avoided ones, each in the order they had without patient input.
        expect(kept).toEqual(before.filter((id) => kept.includes(id)));
        expect(avoided).toEqual(before.filter((id) => avoided.includes(id)));
        expect(after.items.map((item) => item.rank)).toEqual(after.items.map((_, i) => i + 1));
        const plainLines = new Map(rank(precautions, null).items.map((i) => [i.treatment.id, i.lineNotes]));
        for (const item of after.items) expect(item.lineNotes).toEqual(plainLines.get(item.treatment.id));
      }),
      { numRuns: 300 },
    );
  });
});
