/**
 * Which statements count for a ranking, and whether each reaches the request: phase, intent (acute or
 * preventive, for attack disorders), population (a narrower subgroup counts only where it applies), age.
 */
import { Direction, Phase, RecommendationKind } from "../model/enums";
import type { Evidence, RankingOptions, RequestedCondition } from "./ranking.model";

export const RANKING_KINDS = new Set([RecommendationKind.RECOMMENDATION, RecommendationKind.CONSENSUS]);

export function phasesOverlap(a: readonly Phase[], b: readonly Phase[]): boolean {
  return a.includes(Phase.ANY) || b.includes(Phase.ANY) || a.some((phase) => b.includes(phase));
}

/** The request's own choices (guidelines, jurisdictions, superseded statements, age) and the statement's kind. */
export function countsAsEvidence({ recommendation: rec }: Evidence, options: RankingOptions): boolean {
  const age = options.ageYears;
  return (
    RANKING_KINDS.has(rec.kind) &&
    (options.includeSuperseded || !rec.superseded) &&
    (options.guidelineIds === null || options.guidelineIds.includes(rec.guidelineId)) &&
    (options.jurisdictions === null || options.jurisdictions.includes(rec.jurisdiction)) &&
    (age === null || age === undefined || rec.minAgeYears == null || age >= rec.minAgeYears)
  );
}

export enum Reach {
  IN_SCOPE = "IN_SCOPE",
  OTHER_PHASE = "OTHER_PHASE",
  OTHER_INTENT = "OTHER_INTENT",
  SUBPOPULATION = "SUBPOPULATION",
}

/**
 * How a counting statement reaches the requested condition. With an intent, a FOR or NEUTRAL statement must state
 * the same intent; an AGAINST statement that states none ("triptans should not be used") applies to both.
 */
export function reachOf(evidence: Evidence, conditions: Map<string, RequestedCondition>): Reach {
  const rec = evidence.recommendation;
  const requested = conditions.get(evidence.appliesTo);
  if (!requested || !phasesOverlap(rec.phases, [requested.phase])) return Reach.OTHER_PHASE;
  if (requested.intent) {
    const intent = rec.intent ?? null;
    if (intent !== null && intent !== requested.intent) return Reach.OTHER_INTENT;
    if (intent === null && rec.direction !== Direction.AGAINST) return Reach.OTHER_INTENT;
  }
  if (rec.subpopulation) return Reach.SUBPOPULATION;
  return Reach.IN_SCOPE;
}
