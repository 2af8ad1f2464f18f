/** The ranking's inputs and outputs as plain data: no GraphQL, no Cypher, so it can be tested exhaustively. */
import type { RecommendationRecord } from "../evidence/recommendation.model";
import type { Jurisdiction, Phase, Strength, TherapyLine, TreatmentIntent } from "../model/enums";

export enum RankingFactor {
  STRENGTH = "STRENGTH",
  BALANCE = "BALANCE",
  BREADTH = "BREADTH",
  EVIDENCE_QUALITY = "EVIDENCE_QUALITY",
  LINE_OF_THERAPY = "LINE_OF_THERAPY",
  COVERAGE = "COVERAGE",
  OPIOID_SPARING = "OPIOID_SPARING",
  LEAST_INVASIVE = "LEAST_INVASIVE",
}

/**
 * Factors of the evidence score and of the preference score. Items compare on the evidence score first, exactly
 * (never rounded); the preference score only orders items whose evidence is equal.
 */
export const EVIDENCE_FACTORS = [
  RankingFactor.STRENGTH,
  RankingFactor.BALANCE,
  RankingFactor.BREADTH,
  RankingFactor.EVIDENCE_QUALITY,
  RankingFactor.LINE_OF_THERAPY,
] as const;
export const PREFERENCE_FACTORS = [
  RankingFactor.COVERAGE,
  RankingFactor.OPIOID_SPARING,
  RankingFactor.LEAST_INVASIVE,
] as const;

export type Weights = Record<RankingFactor, number>;

/**
 * Strength (10 per level) outweighs the whole range of balance (±4); one more guideline (0.2) outweighs any gap in
 * evidence quality (at most 0.15). Stated lines are a precedence, not a score: LINE_OF_THERAPY weighs 0 by default.
 */
export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  [RankingFactor.STRENGTH]: 10,
  [RankingFactor.BALANCE]: 4,
  [RankingFactor.BREADTH]: 1,
  [RankingFactor.EVIDENCE_QUALITY]: 0.15,
  [RankingFactor.LINE_OF_THERAPY]: 0,
  [RankingFactor.COVERAGE]: 0.5,
  [RankingFactor.OPIOID_SPARING]: 0.25,
  [RankingFactor.LEAST_INVASIVE]: 0.2,
};

export enum ExclusionReason {
  RECOMMENDED_AGAINST = "RECOMMENDED_AGAINST",
  OPIOID_EXCLUDED = "OPIOID_EXCLUDED",
  TOO_INVASIVE = "TOO_INVASIVE",
  ALREADY_TRIED = "ALREADY_TRIED",
  BELOW_MIN_STRENGTH = "BELOW_MIN_STRENGTH",
  OUT_OF_SCOPE = "OUT_OF_SCOPE",
  OTHER_INTENT = "OTHER_INTENT",
  SHOWN_AS_MEMBERS = "SHOWN_AS_MEMBERS",
  NO_RECOMMENDATION = "NO_RECOMMENDATION",
  CONTRAINDICATED = "CONTRAINDICATED",
  AVOID_FOR_PATIENT = "AVOID_FOR_PATIENT",
}

export interface CandidateTreatment {
  id: string;
  name: string;
  opioid: boolean;
  invasivenessMax: number;
  isClass: boolean;
  /** Every class it belongs to, directly or through another class. */
  classIds: string[];
}

/** A requested condition, the phase its evidence must apply to, and for attack disorders the intent. */
export interface RequestedCondition {
  id: string;
  phase: Phase;
  intent?: TreatmentIntent | null;
}

/** A statement and the requested condition it reaches (its own, or a broader one it is a kind of). */
export interface Evidence {
  recommendation: RecommendationRecord;
  appliesTo: string;
}

export interface RankingOptions {
  conditions: RequestedCondition[];
  excludeOpioids: boolean;
  maxInvasiveness: number | null;
  excludeTreatmentIds: string[];
  guidelineIds: string[] | null;
  jurisdictions: Jurisdiction[] | null;
  includeSuperseded: boolean;
  minStrength: Strength | null;
  weights: Weights;
  /** The person's age when given: statements scoped to older people (adults only) do not count. */
  ageYears?: number | null;
}

export interface FactorScore {
  factor: RankingFactor;
  value: number;
  weight: number;
  contribution: number;
}

export interface RankedItem {
  rank: number;
  treatment: CandidateTreatment;
  score: number;
  evidenceScore: number;
  preferenceScore: number;
  factors: FactorScore[];
  supporting: RecommendationRecord[];
  opposing: RecommendationRecord[];
  conflict: boolean;
  conditionsCovered: string[];
  /** The earliest line a counting statement gives it, if any. */
  line: TherapyLine | null;
  lineNotes: string[];
  /** Listed treatments a stated line puts before this one (each ranks higher). */
  mustFollow: string[];
  /** Every statement for it is adjunct-only: it accompanies the treatments in mustFollow. */
  adjunctOnly: boolean;
  /** For a class item: members listed as their own items, which this item does not stand for. */
  exceptMemberIds: string[];
}

export interface ExcludedItem {
  treatment: CandidateTreatment;
  reason: ExclusionReason;
  recommendations: RecommendationRecord[];
}

export interface RankingResult {
  items: RankedItem[];
  excluded: ExcludedItem[];
}
