/**
 * Relevance after retrieval: Lucene finds candidates (see lucene.ts); this scores each against its own
 * vocabulary so that a name or synonym matched whole beats words scattered through a description, and a hit
 * below MIN_RELEVANCE is dropped: no hit is better than a wrong one.
 */
import { editDistance, typoAllowance } from "./text";
import { MatchField, vocabularyOf, type SearchCandidate, type VocabularyTerm } from "./vocabulary";

export const MIN_RELEVANCE = 0.55;
/** A typed code found exactly: above every text match. */
export const EXACT_CODE_SCORE = 1000;
const DESCRIPTION_SCORE = 0.6;

/** A synonym is as good as the name, less a little so the name wins a tie; a misspelling least. */
const FIELD_WEIGHT: Record<MatchField, number> = {
  [MatchField.NAME]: 1,
  [MatchField.CODE]: 1,
  [MatchField.ALIAS]: 0.97,
  [MatchField.CLINICAL]: 0.97,
  [MatchField.BRAND]: 0.97,
  [MatchField.LAY]: 0.95,
  [MatchField.MISSPELLING]: 0.9,
  [MatchField.DESCRIPTION]: 1,
};

/**
 * Conditions first, then treatments: a phrase both could claim is most often a person describing what they
 * have. Groups rank below the conditions they hold, so a member's name never loses to its group.
 */
export const TYPE_WEIGHT: Record<string, number> = {
  Condition: 1,
  Treatment: 0.99,
  Discipline: 0.97,
  Profession: 0.97,
  Modality: 0.95,
  Guideline: 0.95,
  ConditionGroup: 0.95,
  Myth: 0.9,
};

export type PreparedQuery = Pick<VocabularyTerm, "tokens" | "joined" | "exact">;

export interface Match {
  score: number;
  matchedText: string | null;
  matchedField: MatchField;
}

function tokenScore(q: string, v: string): number {
  if (q === v) return 1;
  if (/\d/.test(q) || /\d/.test(v)) return 0;
  if (q.length >= 3 && v.startsWith(q)) return 0.7;
  const allowance = typoAllowance(q.length);
  if (allowance === 0) return 0;
  const distance = editDistance(q, v, allowance);
  if (distance > allowance) return 0;
  return distance === 1 ? 0.8 : 0.65;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Whole-phrase typos, including split or joined words ("post operative" for "postoperative"). */
function phraseTypoScore(query: PreparedQuery, term: VocabularyTerm): number {
  if (/\d/.test(query.joined)) return 0;
  const allowance = query.joined.length >= 12 ? 2 : query.joined.length >= 5 ? 1 : 0;
  if (allowance === 0) return 0;
  const distance = editDistance(query.joined, term.joined, allowance);
  if (distance > allowance) return 0;
  return distance === 1 ? 0.9 : 0.8;
}

/**
 * 1.2 for the same phrase; 1.1 for the same meaningful words otherwise (order, filler words, split words); a term matched whole inside a
 * longer query 0.6 to 1; otherwise the share of the query's words matched, scaled by the share of the term's.
 */
export function termScore(query: PreparedQuery, term: VocabularyTerm): number {
  if (query.tokens.length === 0 || term.tokens.length === 0) return 0;
  if (query.exact === term.exact) return 1.2;
  const queryCover = mean(query.tokens.map((q) => Math.max(...term.tokens.map((v) => tokenScore(q, v)))));
  const termCover = mean(term.tokens.map((v) => Math.max(...query.tokens.map((q) => tokenScore(q, v)))));
  let score = queryCover * (0.7 + 0.3 * termCover);
  if (query.joined === term.joined || (queryCover >= 0.99 && termCover >= 0.99)) score = 1.1;
  else if (term.tokens.length >= 2 && termCover >= 0.99) score = Math.max(score, 0.6 + 0.4 * queryCover);
  return Math.max(score, phraseTypoScore(query, term));
}

/** The candidate's best-matching term, weighted by its field and the candidate's type. */
export function bestMatch(query: PreparedQuery, candidate: SearchCandidate): Match | null {
  const typeWeight = TYPE_WEIGHT[candidate.label] ?? 0.9;
  if (candidate.matchedCode !== null)
    return { score: EXACT_CODE_SCORE, matchedText: candidate.matchedCode, matchedField: MatchField.CODE };
  let best: Match | null = candidate.viaDescription
    ? { score: DESCRIPTION_SCORE * typeWeight, matchedText: null, matchedField: MatchField.DESCRIPTION }
    : null;
  for (const term of vocabularyOf(candidate)) {
    const score = termScore(query, term) * FIELD_WEIGHT[term.field] * typeWeight;
    if (score > (best?.score ?? 0)) best = { score, matchedText: term.text, matchedField: term.field };
  }
  return best;
}

export interface RankedHit extends Match {
  nodeId: string;
  popularity: number;
  name: string;
  /** The node's label and `name` property, which make its record when the selection reads no more. */
  label: string;
  storedName: string | null;
}

/** Hits at or above the minimum relevance, best first; equal scores go to the more commonly wanted entity. */
export function rankCandidates(query: PreparedQuery, candidates: readonly SearchCandidate[]): RankedHit[] {
  const hits: RankedHit[] = [];
  for (const candidate of candidates) {
    const match = bestMatch(query, candidate);
    if (match && match.score >= MIN_RELEVANCE)
      hits.push({
        ...match,
        score: Math.round(match.score * 1000) / 1000,
        nodeId: candidate.id,
        popularity: candidate.popularity,
        name: candidate.name,
        label: candidate.label,
        storedName: candidate.storedName,
      });
  }
  return hits.sort(
    (a, b) => b.score - a.score || b.popularity - a.popularity || a.name.localeCompare(b.name),
  );
}
