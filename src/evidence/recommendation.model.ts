/** Recommendation records as repositories return them, and the filter they accept. */
import type {
  Direction,
  EvidenceQuality,
  Jurisdiction,
  Phase,
  RecommendationKind,
  Strength,
  TherapyLine,
  TreatmentIntent,
} from "../model/enums";
import type { FoldedEnds, Projection } from "../graph/projection";
import type { ConditionNode, GuidelineNode, RecommendationNode, TreatmentNode } from "../graph/node.records";

/** A statement with what the read joins to it: its treatment, condition and guideline. */
export interface RecommendationRecord extends RecommendationNode {
  refRow: string;
  direction: Direction;
  strength: Strength;
  kind: RecommendationKind;
  rawGrade: string;
  gradingSystem: string;
  lineOfTherapy: number | null;
  lineNote: string | null;
  phases: Phase[];
  population: string | null;
  prerequisites: string[];
  adjunctOnly: boolean;
  statement: string;
  treatmentId: string;
  conditionId: string;
  guidelineId: string;
  jurisdiction: Jurisdiction;
  guidelineYear: number;
  /** True when its guideline is superseded or the statement itself is (supersededById). */
  superseded: boolean;
  line?: TherapyLine | null;
  followsTreatmentIds?: string[];
  followsNonOpioids?: boolean;
  excludedMemberIds?: string[];
  evidenceQuality?: EvidenceQuality | null;
  intent?: TreatmentIntent | null;
  supersededById?: string | null;
  subpopulation?: string | null;
  minAgeYears?: number | null;
  /** Its neighbours, when the query that read it was asked to fold them in (with the selection's projections). */
  ends?: { treatment?: TreatmentNode; condition?: ConditionNode; guideline?: GuidelineNode };
}

/** Normalised filter: null means "no restriction" for every field. */
export interface RecommendationCriteria {
  directions: Direction[] | null;
  strengths: Strength[] | null;
  kinds: RecommendationKind[] | null;
  phase: Phase | null;
  guidelineIds: string[] | null;
  jurisdictions: Jurisdiction[] | null;
  includeSuperseded: boolean;
}

export const NO_CRITERIA: RecommendationCriteria = {
  directions: null,
  strengths: null,
  kinds: null,
  phase: null,
  guidelineIds: null,
  jurisdictions: null,
  includeSuperseded: true,
};

/** A stable text form of criteria: loaders group keys by it and cache on it. */
export function criteriaKey(criteria: RecommendationCriteria): string {
  return JSON.stringify(criteria, (_key, value: unknown) =>
    Array.isArray(value) ? [...value].sort() : value,
  );
}

/** The neighbours every recommendation query matches, by the Recommendation field that resolves each. */
export const RECOMMENDATION_ENDS = ["treatment", "condition", "guideline"] as const;
export type RecommendationEnd = (typeof RECOMMENDATION_ENDS)[number];
/** Which ends a read folds into each recommendation, with their projections (foldedEnds of the selection). */
export type RecommendationEnds = FoldedEnds<RecommendationEnd>;
export const NO_ENDS: RecommendationEnds = {};

/** One read of recommendations as a field asks it: the filter, the properties, the ends folded in. */
export interface RecommendationRead {
  criteria: RecommendationCriteria;
  projection: Projection;
  ends: RecommendationEnds;
}
