/**
 * The words of a query or a vocabulary term, compared the same way on both sides: lower case, accents and
 * apostrophes dropped, codes kept whole (m54.50), a plural "s" removed, and filler words ignored.
 */
const FILLER = new Set(
  "a an the and or of in on at to for with my me i im i'm is are am it its this that from by be been when where which what how do does did have has had very really some all your our".split(
    " ",
  ),
);

/** Words as typed, in order, including filler words. */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^\p{L}\p{N}.]+/u)
    .map((word) => word.replace(/^\.+|\.+$/g, ""))
    .filter((word) => word.length > 0);
}

/** A plural "s" removed ("migraines", "knees"), but not from words such as "arthritis" or "stress". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word) && !/\d/.test(word))
    return word.slice(0, -1);
  return word;
}

export const isFiller = (word: string) => FILLER.has(word);

/** The words that carry meaning, stemmed. */
export function contentTokens(text: string): string[] {
  return words(text)
    .filter((word) => !isFiller(word))
    .map(stem);
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many typos a word of this length may carry and still count: none under 4 letters, 2 from 8. */
export function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
