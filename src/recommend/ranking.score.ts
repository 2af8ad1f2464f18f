/** The factors of a ranked item's scores (docs/recommendations.md): each value, weight and contribution. */
import type { RecommendationRecord } from "../evidence/recommendation.model";
import { EvidenceQuality, Strength, TherapyLine } from "../model/enums";
import {
  EVIDENCE_FACTORS,
  type FactorScore,
  PREFERENCE_FACTORS,
  RankingFactor,
  type RankingOptions,
  type CandidateTreatment,
} from "./ranking.model";

export const LEVEL: Record<Strength, number> = {
  [Strength.STRONG]: 3,
  [Strength.CONDITIONAL]: 2,
  [Strength.UNGRADED]: 1,
};
export const QUALITY: Record<EvidenceQuality, number> = {
  [EvidenceQuality.HIGH]: 1,
  [EvidenceQuality.MODERATE]: 2 / 3,
  [EvidenceQuality.LOW]: 1 / 3,
};
export const LINE_VALUE: Record<TherapyLine, number> = {
  [TherapyLine.FIRST]: 1,
  [TherapyLine.SECOND]: 0.5,
  [TherapyLine.LATER]: 0.25,
  [TherapyLine.AFTER_FAILURE]: 0.25,
  [TherapyLine.RESCUE]: 0.1,
  [TherapyLine.ADJUNCT_ONLY]: 0.1,
};
export const LINE_ORDER = Object.keys(LINE_VALUE) as TherapyLine[];
const MAX_BREADTH = 5;

export /** Shown values keep six decimals: enough to recompute by hand, never enough to erase a factor. */
const shown = (value: number) => Math.round(value * 1e6) / 1e6;

export interface Scorable {
  candidate: { treatment: CandidateTreatment };
  supporting: RecommendationRecord[];
  opposing: RecommendationRecord[];
}

function levelsByGuideline(recommendations: RecommendationRecord[]): number {
  const best = new Map<string, number>();
  for (const rec of recommendations)
    best.set(rec.guidelineId, Math.max(best.get(rec.guidelineId) ?? 0, LEVEL[rec.strength]));
  return [...best.values()].reduce((sum, level) => sum + level, 0);
}

export function earliestLine(records: RecommendationRecord[]): TherapyLine | null {
  const lines = records.flatMap((rec) => (rec.line ? [rec.line] : []));
  return lines.sort((x, y) => LINE_ORDER.indexOf(x) - LINE_ORDER.indexOf(y))[0] ?? null;
}

export function score(a: Scorable, covered: string[], options: RankingOptions) {
  const { supporting, opposing } = a;
  const forLevel = levelsByGuideline(supporting);
  const againstLevel = levelsByGuideline(opposing);
  const line = earliestLine(supporting);
  const values: Record<RankingFactor, number> = {
    [RankingFactor.STRENGTH]: Math.max(...supporting.map((rec) => LEVEL[rec.strength])),
    [RankingFactor.BALANCE]: (forLevel - againstLevel) / (forLevel + againstLevel),
    [RankingFactor.BREADTH]:
      Math.min(new Set(supporting.map((rec) => rec.guidelineId)).size, MAX_BREADTH) / MAX_BREADTH,
    [RankingFactor.EVIDENCE_QUALITY]: Math.max(
      0,
      ...supporting.map((rec) => (rec.evidenceQuality ? QUALITY[rec.evidenceQuality] : 0)),
    ),
    [RankingFactor.LINE_OF_THERAPY]: line ? LINE_VALUE[line] : 0,
    [RankingFactor.COVERAGE]: covered.length / options.conditions.length,
    [RankingFactor.OPIOID_SPARING]: a.candidate.treatment.opioid ? 0 : 1,
    [RankingFactor.LEAST_INVASIVE]: (3 - a.candidate.treatment.invasivenessMax) / 3,
  };
  const sum = (names: readonly RankingFactor[]) =>
    names.reduce((total, name) => total + values[name] * options.weights[name], 0);
  const factors: FactorScore[] = (Object.keys(values) as RankingFactor[]).map((factor) => ({
    factor,
    value: shown(values[factor]),
    weight: options.weights[factor],
    contribution: shown(values[factor] * options.weights[factor]),
  }));
  const evidenceScore = sum(EVIDENCE_FACTORS);
  const preferenceScore = sum(PREFERENCE_FACTORS);
  return { factors, evidenceScore, preferenceScore, line };
}
