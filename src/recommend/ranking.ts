/**
 * The recommendation ranking (docs/recommendations.md). Pure and deterministic: the same evidence and options
 * always give the same order, ties broken by treatment id.
 *
 * score = evidenceScore + preferenceScore, where evidenceScore = round(Σ evidence factor contributions) is a whole
 * number and preferenceScore = Σ preference contributions is below 1 (weights are validated so). Preferences
 * (coverage of several conditions, opioid-sparing, least invasive) can therefore only reorder treatments whose
 * evidence scores are equal.
 */
import type { RecommendationRecord } from "../evidence/recommendation.model";
import { Direction, Phase, RecommendationKind, Strength } from "../model/enums";
import {
  type CandidateTreatment,
  EVIDENCE_FACTORS,
  type ExcludedItem,
  ExclusionReason,
  type FactorScore,
  PREFERENCE_FACTORS,
  type RankedItem,
  RankingFactor,
  type RankingOptions,
  type RankingResult,
  type RequestedCondition,
} from "./ranking.model";

const LEVEL: Record<Strength, number> = {
  [Strength.STRONG]: 3,
  [Strength.CONDITIONAL]: 2,
  [Strength.UNGRADED]: 1,
};
const RANKING_KINDS = new Set([RecommendationKind.RECOMMENDATION, RecommendationKind.CONSENSUS]);
const MAX_BREADTH = 5;

/** Earlier stated lines rank higher; an unstated line sits between first and second line. */
export function lineValue(line: number | null | undefined): number {
  if (line === null || line === undefined) return 0.6;
  return ({ 1: 1, 2: 0.4, 3: 0.2 } as Record<number, number>)[line] ?? 0.1;
}

export function phasesOverlap(a: readonly Phase[], b: readonly Phase[]): boolean {
  return a.includes(Phase.ANY) || b.includes(Phase.ANY) || a.some((phase) => b.includes(phase));
}

/** Per guideline, the strongest level it gives: several statements of one guideline count once. */
function levelsByGuideline(recommendations: RecommendationRecord[]): number {
  const best = new Map<string, number>();
  for (const rec of recommendations)
    best.set(rec.guidelineId, Math.max(best.get(rec.guidelineId) ?? 0, LEVEL[rec.strength]));
  return [...best.values()].reduce((sum, level) => sum + level, 0);
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

class TreatmentEvidence {
  readonly own: RecommendationRecord[] = [];
  readonly inherited: RecommendationRecord[] = [];
  constructor(readonly treatment: CandidateTreatment) {}

  all(): RecommendationRecord[] {
    return [...this.own, ...this.inherited];
  }
}

/** Groups records by treatment; class statements also apply to members that have statements of their own. */
function collect(
  records: RecommendationRecord[],
  treatments: Map<string, CandidateTreatment>,
): TreatmentEvidence[] {
  const byTreatment = new Map<string, TreatmentEvidence>();
  for (const rec of records) {
    const treatment = treatments.get(rec.treatmentId);
    if (!treatment) continue;
    const evidence = byTreatment.get(treatment.id) ?? new TreatmentEvidence(treatment);
    evidence.own.push(rec);
    byTreatment.set(treatment.id, evidence);
  }
  for (const evidence of byTreatment.values()) {
    for (const classId of evidence.treatment.classIds) {
      evidence.inherited.push(...(byTreatment.get(classId)?.own ?? []));
    }
  }
  return [...byTreatment.values()];
}

function countsAsEvidence(rec: RecommendationRecord, options: RankingOptions): boolean {
  return (
    RANKING_KINDS.has(rec.kind) &&
    (options.includeSuperseded || !rec.superseded) &&
    (options.guidelineIds === null || options.guidelineIds.includes(rec.guidelineId)) &&
    (options.jurisdictions === null || options.jurisdictions.includes(rec.jurisdiction))
  );
}

function inScope(rec: RecommendationRecord, conditions: Map<string, RequestedCondition>): boolean {
  const requested = conditions.get(rec.conditionId);
  return requested !== undefined && phasesOverlap(rec.phases, [requested.phase]);
}

function hasConflict(supporting: RecommendationRecord[], opposing: RecommendationRecord[]): boolean {
  return supporting.some((s) =>
    opposing.some((o) => o.conditionId === s.conditionId && phasesOverlap(s.phases, o.phases)),
  );
}

function factor(factorName: RankingFactor, value: number, options: RankingOptions): FactorScore {
  const weight = options.weights[factorName];
  return { factor: factorName, value: round3(value), weight, contribution: round3(value * weight) };
}

function score(
  evidence: TreatmentEvidence,
  supporting: RecommendationRecord[],
  opposing: RecommendationRecord[],
  covered: string[],
  options: RankingOptions,
) {
  const forLevel = levelsByGuideline(supporting);
  const againstLevel = levelsByGuideline(opposing);
  const factors: FactorScore[] = [
    factor(RankingFactor.STRENGTH, Math.max(...supporting.map((rec) => LEVEL[rec.strength])), options),
    factor(RankingFactor.BALANCE, (forLevel - againstLevel) / (forLevel + againstLevel), options),
    factor(
      RankingFactor.BREADTH,
      Math.min(new Set(supporting.map((rec) => rec.guidelineId)).size, MAX_BREADTH) / MAX_BREADTH,
      options,
    ),
    factor(
      RankingFactor.LINE_OF_THERAPY,
      Math.max(...supporting.map((rec) => lineValue(rec.lineOfTherapy))),
      options,
    ),
    factor(RankingFactor.COVERAGE, covered.length / options.conditions.length, options),
    factor(RankingFactor.OPIOID_SPARING, evidence.treatment.opioid ? 0 : 1, options),
    factor(RankingFactor.LEAST_INVASIVE, (3 - evidence.treatment.invasivenessMax) / 3, options),
  ];
  const sum = (names: readonly RankingFactor[]) =>
    factors.filter((f) => names.includes(f.factor)).reduce((total, f) => total + f.contribution, 0);
  const evidenceScore = Math.round(sum(EVIDENCE_FACTORS));
  const preferenceScore = round3(sum(PREFERENCE_FACTORS));
  return { factors, evidenceScore, preferenceScore, score: round3(evidenceScore + preferenceScore) };
}

/** Why a treatment with evidence is left out, or null when it ranks. Choices the user made come first. */
function exclusionOf(
  evidence: TreatmentEvidence,
  counting: RecommendationRecord[],
  supporting: RecommendationRecord[],
  opposing: RecommendationRecord[],
  options: RankingOptions,
): ExclusionReason | null {
  const { treatment } = evidence;
  if (options.excludeTreatmentIds.includes(treatment.id)) return ExclusionReason.ALREADY_TRIED;
  if (options.excludeOpioids && treatment.opioid) return ExclusionReason.OPIOID_EXCLUDED;
  if (options.maxInvasiveness !== null && treatment.invasivenessMax > options.maxInvasiveness)
    return ExclusionReason.TOO_INVASIVE;
  if (supporting.length === 0 && opposing.length > 0) return ExclusionReason.RECOMMENDED_AGAINST;
  if (supporting.length === 0) {
    return counting.some((rec) => rec.direction === Direction.FOR)
      ? ExclusionReason.OUT_OF_SCOPE
      : ExclusionReason.NO_RECOMMENDATION;
  }
  const best = Math.max(...supporting.map((rec) => LEVEL[rec.strength]));
  if (options.minStrength !== null && best < LEVEL[options.minStrength])
    return ExclusionReason.BELOW_MIN_STRENGTH;
  return null;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function rankTreatments(
  records: RecommendationRecord[],
  treatments: Map<string, CandidateTreatment>,
  options: RankingOptions,
): RankingResult {
  const conditions = new Map(options.conditions.map((condition) => [condition.id, condition]));
  const ranked: Array<Omit<RankedItem, "rank">> = [];
  const excluded: ExcludedItem[] = [];
  for (const evidence of collect(records, treatments)) {
    if (!evidence.own.some((rec) => countsAsEvidence(rec, options))) {
      // Statements outside the evidence base the request chose (guidelines, jurisdictions, superseded) are absent;
      // a treatment with only summaries, warnings or approvals is listed as having no recommendation.
      if (evidence.own.every((rec) => !RANKING_KINDS.has(rec.kind))) {
        excluded.push({
          treatment: evidence.treatment,
          reason: ExclusionReason.NO_RECOMMENDATION,
          recommendations: evidence.own,
        });
      }
      continue;
    }
    const counting = evidence
      .all()
      .filter((rec) => countsAsEvidence(rec, options))
      .sort(byId);
    const scoped = counting.filter((rec) => inScope(rec, conditions));
    const supporting = scoped.filter((rec) => rec.direction === Direction.FOR);
    const opposing = scoped.filter((rec) => rec.direction === Direction.AGAINST);
    const reason = exclusionOf(evidence, counting, supporting, opposing, options);
    if (reason !== null) {
      const shown =
        reason === ExclusionReason.RECOMMENDED_AGAINST
          ? opposing
          : counting.length > 0
            ? counting
            : evidence.own;
      excluded.push({ treatment: evidence.treatment, reason, recommendations: shown });
      continue;
    }
    const covered = [...new Set(supporting.map((rec) => rec.conditionId))].sort();
    ranked.push({
      treatment: evidence.treatment,
      ...score(evidence, supporting, opposing, covered, options),
      supporting,
      opposing,
      conflict: hasConflict(supporting, opposing),
      conditionsCovered: covered,
    });
  }
  ranked.sort((a, b) => b.score - a.score || byId(a.treatment, b.treatment));
  excluded.sort((a, b) =>
    a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : byId(a.treatment, b.treatment),
  );
  return { items: ranked.map((item, index) => ({ ...item, rank: index + 1 })), excluded };
}
