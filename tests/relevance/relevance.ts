/**
 * The search relevance set and its measures: top-1 accuracy, top-3 recall and mean reciprocal rank over the
 * queries that name an entity, and false hits over the queries that must find nothing.
 */
import queries from "./search-queries.json";

export type QueryKind = "lay" | "brand" | "typo" | "symptom" | "clinical" | "code" | "nothing";
export type Part = "tuned" | "heldOut";

export interface RelevanceQuery {
  query: string;
  /** The entity a person typing the query meant; null when the right answer is no hit at all. */
  expect: string | null;
  kind: QueryKind;
  /** "heldOut" queries are never used to tune search: they measure how well the tuning generalises. */
  part: Part;
  why: string;
}

export const RELEVANCE_QUERIES = queries as RelevanceQuery[];

export interface RelevanceFigures {
  queries: number;
  top1: number;
  top3: number;
  mrr: number;
  nothingQueries: number;
  falseHits: number;
  misses: Array<{ query: string; expect: string | null; got: string[] }>;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** `results` holds, per query, the ids search returned, best first. */
export function measure(
  set: readonly RelevanceQuery[],
  results: ReadonlyMap<string, string[]>,
): RelevanceFigures {
  const findable = set.filter((q) => q.expect !== null);
  const nothing = set.filter((q) => q.expect === null);
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  const misses: RelevanceFigures["misses"] = [];
  for (const q of findable) {
    const got = results.get(q.query) ?? [];
    const rank = got.indexOf(q.expect!) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    if (rank >= 1) reciprocal += 1 / rank;
    if (rank !== 1) misses.push({ query: q.query, expect: q.expect, got: got.slice(0, 3) });
  }
  let falseHits = 0;
  for (const q of nothing) {
    const got = results.get(q.query) ?? [];
    if (got.length > 0) {
      falseHits++;
      misses.push({ query: q.query, expect: null, got: got.slice(0, 3) });
    }
  }
  const n = Math.max(findable.length, 1);
  return {
    queries: set.length,
    top1: round(top1 / n),
    top3: round(top3 / n),
    mrr: round(reciprocal / n),
    nothingQueries: nothing.length,
    falseHits,
    misses,
  };
}
