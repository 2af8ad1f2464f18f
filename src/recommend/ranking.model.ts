/** The ranking's inputs and outputs as plain data: no GraphQL, no Cypher, so it can be tested exhaustively. */
import type { RecommendationRecord } from "../evidence/recommendation.model";
import type { Jurisdiction, Phase, Strength } from "../model/enums";

export enum RankingFactor {
  STRENGTH = "STRENGTH",
  BALANCE = "BALANCE",
  BREADTH = "BREADTH",
  LINE_OF_THERAPY = "LINE_OF_THERAPY",
  COVERAGE = "COVERAGE",
  OPIOID_SPARING = "OPIOID_SPARING",
  LEAST_INVASIVE = "LEAST_INVASIVE",
}

/** Factors of the evidence score (rounded to a whole number) and of the preference score (always below 1). */
export const EVIDENCE_FACTORS = [
  RankingFactor.STRENGTH,
  RankingFactor.BALANCE,
  RankingFactor.BREADTH,
  RankingFactor.LINE_OF_THERAPY,
] as const;
export const PREFERENCE_FACTORS = [
  RankingFactor.COVERAGE,
  RankingFactor.OPIOID_SPARING,
  RankingFactor.LEAST_INVASIVE,
] as const;

export type Weights = Record<RankingFactor, number>;

export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  [RankingFactor.STRENGTH]: 10,
  [RankingFactor.BALANCE]: 4,
  [RankingFactor.BREADTH]: 1,
  [RankingFactor.LINE_OF_THERAPY]: 2,
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
  NO_RECOMMENDATION = "NO_RECOMMENDATION",
}

export interface CandidateTreatment {
  id: string;
  name: string;
  opioid: boolean;
  invasivenessMax: number;
  isClass: boolean;
  classIds: string[];
}

/** A requested condition and the phase its evidence must apply to. */
export interface RequestedCondition {
  id: string;
  phase: Phase;
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
