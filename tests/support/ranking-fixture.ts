/** Builders of ranking inputs for unit and property tests. */
import type { RecommendationRecord } from "../../src/evidence/recommendation.model";
import { Direction, Jurisdiction, Phase, RecommendationKind, Strength } from "../../src/model/enums";
import {
  type CandidateTreatment,
  DEFAULT_WEIGHTS,
  type RankingOptions,
} from "../../src/recommend/ranking.model";

let sequence = 0;

export function rec(
  overrides: Partial<RecommendationRecord> & Pick<RecommendationRecord, "treatmentId">,
): RecommendationRecord {
  sequence += 1;
  return {
    id: `recommendation:r${String(sequence).padStart(4, "0")}`,
    __typename: "Recommendation",
    refRow: "R001",
    refStatus: "V",
    direction: Direction.FOR,
    strength: Strength.CONDITIONAL,
    kind: RecommendationKind.RECOMMENDATION,
    rawGrade: "Weak for",
    gradingSystem: "GRADE",
    lineOfTherapy: null,
    lineNote: null,
    phases: [Phase.ANY],
    population: null,
    prerequisites: [],
    adjunctOnly: false,
    statement: "A statement.",
    conditionId: "condition:a",
    guidelineId: "guideline:g1",
    jurisdiction: Jurisdiction.US,
    guidelineYear: 2020,
    superseded: false,
    ...overrides,
  } as RecommendationRecord;
}

export function treatment(id: string, overrides: Partial<CandidateTreatment> = {}): CandidateTreatment {
  return { id, name: id, opioid: false, invasivenessMax: 0, isClass: false, classIds: [], ...overrides };
}

export function treatmentsOf(...items: CandidateTreatment[]): Map<string, CandidateTreatment> {
  return new Map(items.map((item) => [item.id, item]));
}

export function options(overrides: Partial<RankingOptions> = {}): RankingOptions {
  return {
    conditions: [{ id: "condition:a", phase: Phase.ANY }],
    excludeOpioids: false,
    maxInvasiveness: null,
    excludeTreatmentIds: [],
    guidelineIds: null,
    jurisdictions: null,
    includeSuperseded: false,
    minStrength: null,
    weights: { ...DEFAULT_WEIGHTS },
    ...overrides,
  };
}
