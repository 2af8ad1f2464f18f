/**
 * Prefix completion for a picker and spelling suggestions for a query that found nothing good, both drawn
 * from the candidates' vocabulary.
 */
import { editDistance, words } from "./text";
import { MatchField, vocabularyOf, type SearchCandidate } from "./vocabulary";
import type { RankedHit } from "./relevance";

/** Conditions first (a picker's usual question is "which condition?"), then treatments, then the rest. */
const TYPE_ORDER: Record<string, number> = {
  Condition: 0,
  Treatment: 1,
  ConditionGroup: 2,
  Discipline: 3,
  Profession: 3,
  Modality: 4,
  Guideline: 5,
  Myth: 6,
};

/** 1 when the term starts with what was typed, 0.8 when one of its later words does, else 0. */
export function prefixScore(typed: string[], termWords: string[]): number {
  if (typed.length === 0) return 0;
  const last = typed.length - 1;
  for (let start = 0; start + typed.length <= termWords.length; start++) {
    const fits = typed.every((word, i) =>
      i === last ? termWords[start + i]!.startsWith(word) : termWords[start + i] === word,
    );
    if (fits) return start === 0 ? 1 : 0.8;
  }
  return 0;
}

export interface Completion extends RankedHit {
  typeOrder: number;
}

/** Each candidate once, with the name or synonym that completes the prefix (never a misspelling). */
export function completions(prefix: string, candidates: readonly SearchCandidate[]): Completion[] {
  const typed = words(prefix);
  const hits: Completion[] = [];
  for (const candidate of candidates) {
    let best: { score: number; matchedText: string; matchedField: MatchField } | undefined;
    for (const term of vocabularyOf(candidate)) {
      if (term.field === MatchField.MISSPELLING) continue;
      const score = prefixScore(typed, words(term.text));
      if (score === 0) continue;
      const better =
        !best || score > best.score || (score === best.score && term.text.length < best.matchedText.length);
      if (better) best = { score, matchedText: term.text, matchedField: term.field };
    }
    if (best)
      hits.push({
        ...best,
        nodeId: candidate.id,
        popularity: candidate.popularity,
        name: candidate.name,
        label: candidate.label,
        storedName: candidate.storedName,
        typeOrder: TYPE_ORDER[candidate.label] ?? 9,
      });
  }
  return hits.sort(
    (a, b) =>
      a.typeOrder - b.typeOrder ||
      b.score - a.score ||
      b.popularity - a.popularity ||
      a.name.localeCompare(b.name),
  );
}

/**
 * Up to `first` names or synonyms within a few typos of the whole query (about one edit per four letters),
 * closest first. A misspelling in the vocabulary suggests its entity's name, never itself.
 */
export function spellingSuggestions(
  query: string,
  candidates: readonly SearchCandidate[],
  first: number,
): string[] {
  const typed = words(query).join(" ");
  const allowance = Math.max(1, Math.min(3, Math.floor(typed.length / 4)));
  const scored = new Map<string, { distance: number; popularity: number }>();
  for (const candidate of candidates) {
    for (const term of vocabularyOf(candidate)) {
      if (term.field === MatchField.CODE) continue;
      const distance = editDistance(typed, words(term.text).join(" "), allowance);
      if (distance === 0 || distance > allowance) continue;
      const suggestion = term.field === MatchField.MISSPELLING ? candidate.name : term.text;
      const previous = scored.get(suggestion);
      if (!previous || distance < previous.distance)
        scored.set(suggestion, { distance, popularity: candidate.popularity });
    }
  }
  return [...scored]
    .sort(([, a], [, b]) => a.distance - b.distance || b.popularity - a.popularity)
    .slice(0, first)
    .map(([text]) => text);
}
