/**
 * Turns what a person typed into a safe Lucene query for the full-text index: every term is reduced to letters,
 * digits and inner dots (so syntax such as ( " ~ * \ AND cannot reach Lucene), then matched exactly, as a
 * prefix, and fuzzily (typos) with decreasing weight.
 */
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
