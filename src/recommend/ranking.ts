/**
 * The recommendation ranking (docs/recommendations.md). Pure and deterministic.
 *
 * 1. Stated lines first: a per-condition precedence no score or weight overrides (ranking.precedence.ts).
 * 2. Then the evidence score, compared exactly: strength, balance for/against, breadth of guideline support,
 *    evidence quality (and LINE_OF_THERAPY if a caller weighs it).
 * 3. At equal evidence, the preference score: coverage of the requested conditions, non-opioid, less invasive.
 * 4. Only items equal on all of these are ordered by id.
 * A class is listed through its members when they have statements of their own (see representClasses).
 */
import type { RecommendationRecord } from "../evidence/recommendation.model";
import { Direction, TherapyLine } from "../model/enums";
import {
  type CandidateTreatment,
  type Evidence,
  type ExcludedItem,
  ExclusionReason,
  type RankedItem,
  type RankingOptions,
  type RankingResult,
} from "./ranking.model";
import { orderWithPrecedence, precedenceOf } from "./ranking.precedence";
import { earliestLine, LEVEL, score, shown } from "./ranking.score";
import { countsAsEvidence, RANKING_KINDS, Reach, reachOf } from "./ranking.scope";

const EPSILON = 1e-9;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const recordsOf = (evidence: Evidence[]) => [
  ...new Map(evidence.map((e) => [e.recommendation.id, e.recommendation])).values(),
];

interface Candidate {
  treatment: CandidateTreatment;
  own: Evidence[];
  inherited: Evidence[];
}

/** Groups statements by treatment; a class's statements reach members with statements of their own. */
function collect(rows: Evidence[], treatments: Map<string, CandidateTreatment>): Candidate[] {
  const byTreatment = new Map<string, Candidate>();
  for (const row of rows) {
    const treatment = treatments.get(row.recommendation.treatmentId);
    if (!treatment) continue;
    const candidate = byTreatment.get(treatment.id) ?? { treatment, own: [], inherited: [] };
    candidate.own.push(row);
    byTreatment.set(treatment.id, candidate);
  }
  for (const candidate of byTreatment.values()) {
    for (const classId of candidate.treatment.classIds) {
      for (const row of byTreatment.get(classId)?.own ?? []) {
        if (!(row.recommendation.excludedMemberIds ?? []).includes(candidate.treatment.id))
          candidate.inherited.push(row);
      }
    }
  }
  return [...byTreatment.values()];
}

interface Assessed {
  candidate: Candidate;
  counting: Evidence[];
  inScope: Evidence[];
  supporting: RecommendationRecord[];
  opposing: RecommendationRecord[];
}

function assess(candidate: Candidate, options: RankingOptions, reach: (e: Evidence) => Reach): Assessed {
  const counting = [...candidate.own, ...candidate.inherited].filter((e) => countsAsEvidence(e, options));
  const inScope = counting.filter((e) => reach(e) === Reach.IN_SCOPE);
  const direction = (d: Direction) =>
    recordsOf(inScope.filter((e) => e.recommendation.direction === d)).sort(byId);
  return {
    candidate,
    counting,
    inScope,
    supporting: direction(Direction.FOR),
    opposing: direction(Direction.AGAINST),
  };
}

/** Why a treatment with evidence is left out, or null when it ranks. Choices the user made come first. */
function exclusionOf(a: Assessed, options: RankingOptions, reach: (e: Evidence) => Reach) {
  const { treatment } = a.candidate;
  if (options.excludeTreatmentIds.includes(treatment.id)) return ExclusionReason.ALREADY_TRIED;
  if (options.excludeOpioids && treatment.opioid) return ExclusionReason.OPIOID_EXCLUDED;
  if (options.maxInvasiveness !== null && treatment.invasivenessMax > options.maxInvasiveness)
    return ExclusionReason.TOO_INVASIVE;
  if (a.supporting.length === 0 && a.opposing.length > 0) return ExclusionReason.RECOMMENDED_AGAINST;
  if (a.supporting.length === 0) {
    const forStatements = a.counting.filter((e) => e.recommendation.direction === Direction.FOR);
    if (forStatements.some((e) => reach(e) === Reach.OTHER_INTENT)) return ExclusionReason.OTHER_INTENT;
    return forStatements.length > 0 ? ExclusionReason.OUT_OF_SCOPE : ExclusionReason.NO_RECOMMENDATION;
  }
  const best = Math.max(...a.supporting.map((rec) => LEVEL[rec.strength]));
  if (options.minStrength !== null && best < LEVEL[options.minStrength])
    return ExclusionReason.BELOW_MIN_STRENGTH;
  return null;
}

type Scored = Assessed & ReturnType<typeof score> & { covered: string[]; exceptMemberIds: string[] };

/** Better first: evidence (exact), then preference; the id only when both are equal. */
function better(x: Scored, y: Scored): number {
  if (Math.abs(x.evidenceScore - y.evidenceScore) > EPSILON) return y.evidenceScore - x.evidenceScore;
  if (Math.abs(x.preferenceScore - y.preferenceScore) > EPSILON) return y.preferenceScore - x.preferenceScore;
  return byId(x.candidate.treatment, y.candidate.treatment);
}

/**
 * One representation per class: the members. A class whose in-scope statements all reach a listed member is
 * not listed itself (its statements appear on the members). A class statement that names listed members as
 * excluded ("opioids other than tramadol") keeps the class as an item standing for its other members.
 */
function representClasses(scored: Scored[]): { listed: Scored[]; shownAsMembers: Scored[] } {
  const listed: Scored[] = [];
  const shownAsMembers: Scored[] = [];
  for (const item of scored) {
    const members = scored.filter((other) =>
      other.candidate.treatment.classIds.includes(item.candidate.treatment.id),
    );
    if (members.length === 0) {
      listed.push(item);
      continue;
    }
    const carried = (evidence: Evidence) => members.some((member) => member.inScope.includes(evidence));
    const classStatements = item.inScope.filter((e) => e.recommendation.direction !== Direction.NEUTRAL);
    if (classStatements.every(carried)) shownAsMembers.push(item);
    else listed.push({ ...item, exceptMemberIds: members.map((m) => m.candidate.treatment.id).sort() });
  }
  return { listed, shownAsMembers };
}

function excludedItem(a: Assessed, reason: ExclusionReason): ExcludedItem {
  const shownRecords =
    reason === ExclusionReason.RECOMMENDED_AGAINST
      ? a.opposing
      : recordsOf(a.counting.length > 0 ? a.counting : a.candidate.own).sort(byId);
  return { treatment: a.candidate.treatment, reason, recommendations: shownRecords };
}

/** A statement as read; appliesTo names the requested condition it reaches when that is a narrower kind. */
export type RankingInput = RecommendationRecord & { appliesTo?: string };

export function rankTreatments(
  records: RankingInput[],
  treatments: Map<string, CandidateTreatment>,
  options: RankingOptions,
): RankingResult {
  const rows: Evidence[] = records.map(({ appliesTo, ...recommendation }) => ({
    recommendation,
    appliesTo: appliesTo ?? recommendation.conditionId,
  }));
  const conditions = new Map(options.conditions.map((condition) => [condition.id, condition]));
  const reach = (evidence: Evidence) => reachOf(evidence, conditions);
  const scored: Scored[] = [];
  const excluded: ExcludedItem[] = [];
  for (const candidate of collect(rows, treatments)) {
    if (!candidate.own.some((e) => countsAsEvidence(e, options))) {
      // Statements outside the evidence base the request chose are absent; a treatment with only summaries,
      // warnings or approvals is listed as having no recommendation.
      if (candidate.own.every((e) => !RANKING_KINDS.has(e.recommendation.kind)))
        excluded.push(excludedItem(assess(candidate, options, reach), ExclusionReason.NO_RECOMMENDATION));
      continue;
    }
    // A member is its own item only through statements of its own; otherwise its class item stands for it.
    const ownReach = candidate.own.some((e) => countsAsEvidence(e, options) && reach(e) === Reach.IN_SCOPE);
    const assessed = assess(ownReach ? candidate : { ...candidate, inherited: [] }, options, reach);
    const reason = exclusionOf(assessed, options, reach);
    if (reason !== null) {
      excluded.push(excludedItem(assessed, reason));
      continue;
    }
    const covered = [
      ...new Set(
        assessed.inScope.filter((e) => e.recommendation.direction === Direction.FOR).map((e) => e.appliesTo),
      ),
    ].sort();
    scored.push({ ...assessed, ...score(assessed, covered, options), covered, exceptMemberIds: [] });
  }
  const { listed, shownAsMembers } = representClasses(scored);
  for (const item of shownAsMembers) excluded.push(excludedItem(item, ExclusionReason.SHOWN_AS_MEMBERS));
  const before = precedenceOf(
    listed.map((item) => ({
      id: item.candidate.treatment.id,
      opioid: item.candidate.treatment.opioid,
      classIds: item.candidate.treatment.classIds,
      evidence: item.inScope,
    })),
  );
  const ordered = orderWithPrecedence(
    listed.map((item) => ({ ...item, id: item.candidate.treatment.id })),
    before,
    better,
  );
  excluded.sort((a, b) =>
    a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : byId(a.treatment, b.treatment),
  );
  return { items: ordered.map((item, index) => toRankedItem(item, index + 1, before)), excluded };
}

/** A supporting and an opposing statement about the same requested condition (both in scope, so phases overlap). */
function hasConflict(inScope: Evidence[]): boolean {
  const sides = (d: Direction) =>
    new Set(inScope.filter((e) => e.recommendation.direction === d).map((e) => e.appliesTo));
  const opposed = sides(Direction.AGAINST);
  return [...sides(Direction.FOR)].some((condition) => opposed.has(condition));
}

function toRankedItem(item: Scored, rank: number, before: Map<string, Set<string>>): RankedItem {
  const ordering = recordsOf(item.inScope.filter((e) => e.recommendation.direction !== Direction.AGAINST));
  return {
    rank,
    treatment: item.candidate.treatment,
    score: shown(item.evidenceScore + item.preferenceScore),
    evidenceScore: shown(item.evidenceScore),
    preferenceScore: shown(item.preferenceScore),
    factors: item.factors,
    supporting: item.supporting,
    opposing: item.opposing,
    conflict: hasConflict(item.inScope),
    conditionsCovered: item.covered,
    line: earliestLine(ordering),
    lineNotes: [...new Set(ordering.flatMap((rec) => (rec.lineNote ? [rec.lineNote] : [])))],
    mustFollow: [...(before.get(item.candidate.treatment.id) ?? [])].sort(),
    adjunctOnly: item.supporting.every((rec) => rec.line === TherapyLine.ADJUNCT_ONLY),
    exceptMemberIds: item.exceptMemberIds,
  };
}
