/**
 * Turns what a person typed into a safe Lucene query for the full-text index: every term is reduced to letters,
 * digits and inner dots (so syntax such as ( " ~ * \ AND cannot reach Lucene), then matched exactly, as a
 * prefix, and fuzzily (typos) with decreasing weight.
 */
import { isFiller } from "./text";

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}.]+/u)
    .map((term) => term.replace(/^\.+|\.+$/g, "").slice(0, MAX_TERM_LENGTH))
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS);
}

function termQuery(term: string): string {
  const hasDigit = /\p{N}/u.test(term);
  const parts = [`${term}^4`];
  if (term.length >= 3) parts.push(`${term}*^2`);
  if (!hasDigit && term.length >= 4) parts.push(`${term}~${term.length >= 8 ? 2 : 1}`);
  return `(${parts.join(" OR ")})`;
}

/** Null when nothing searchable remains (e.g. only punctuation). */
export function toLuceneQuery(text: string): string | null {
  const terms = searchTerms(text);
  return terms.length === 0 ? null : terms.map(termQuery).join(" OR ");
}

/**
 * The names index's fields and their boosts: a node's own name first, then the synonyms people use for it,
 * misspellings last. Lucene ranks the candidates; relevance.ts then decides which of them are good enough.
 */
export const NAME_FIELDS: ReadonlyArray<readonly [string, number]> = [
  ["name", 4],
  ["title", 3],
  ["myth", 3],
  ["codesText", 3],
  ["aliasesText", 3],
  ["clinicalText", 3],
  ["brandText", 3],
  ["layText", 2],
  ["misspellingText", 1],
];

const meaningful = (terms: string[]) => terms.filter((term) => !isFiller(term));

/** Every meaningful word, exactly, as a prefix or with typos, in any name field, each field boosted. */
export function namesLuceneQuery(text: string): string | null {
  const terms = meaningful(searchTerms(text));
  if (terms.length === 0) return null;
  const words = terms.map(termQuery).join(" OR ");
  return NAME_FIELDS.map(([field, boost]) => `${field}:(${words})^${boost}`).join(" OR ");
}

/** Nodes whose description (or myth correction) holds every meaningful word exactly. */
export function descriptionLuceneQuery(text: string): string | null {
  const terms = meaningful(searchTerms(text));
  if (terms.length === 0 || (terms.length === 1 && terms[0]!.length < 4)) return null;
  const all = (field: string) => `(${terms.map((term) => `+${field}:${term}`).join(" ")})`;
  return `${all("description")} OR ${all("correction")}`;
}

/** Completion: every word typed so far, the last one as a prefix, anywhere in the names fields. */
export function prefixLuceneQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.join("").length < 2) return null;
  const last = terms.length - 1;
  return terms.map((term, i) => (i === last ? `+${term}*` : `+${term}`)).join(" ");
}

/** Candidates for spelling suggestions: any word within two edits. */
export function spellingLuceneQuery(text: string): string | null {
  const terms = meaningful(searchTerms(text)).filter((term) => term.length >= 3 && !/\d/.test(term));
  return terms.length === 0 ? null : terms.map((term) => `${term}~2`).join(" OR ");
}
