/** The words an entity can be found by, each tagged with the field it came from. */
import { contentTokens, stem, words } from "./text";

export enum MatchField {
  NAME = "NAME",
  ALIAS = "ALIAS",
  CLINICAL = "CLINICAL",
  LAY = "LAY",
  BRAND = "BRAND",
  MISSPELLING = "MISSPELLING",
  CODE = "CODE",
  DESCRIPTION = "DESCRIPTION",
}

/** One searchable node as the candidate query returns it: its vocabulary, not its whole record. */
export interface SearchCandidate {
  id: string;
  label: string;
  name: string;
  /** Its `name` property (null for a guideline's title or a myth's text, which `name` stands for here). */
  storedName: string | null;
  aliases: string[];
  synonymTerms: string[];
  synonymKinds: string[];
  codes: string[];
  /** How often the graph's recommendations name it: a tie-breaker for how commonly it is wanted. */
  popularity: number;
  /** The code typed exactly, when the candidate came from an exact code look-up. */
  matchedCode: string | null;
  /** True when every word of the query is in its description (a weaker signal than any name). */
  viaDescription: boolean;
}

export interface VocabularyTerm {
  text: string;
  field: MatchField;
  /** Meaningful words, stemmed. */
  tokens: string[];
  /** The same, run together: "post operative" and "postoperative" meet here. */
  joined: string;
  /** Every word stemmed, filler words included: equal only for the same phrase. */
  exact: string;
}

const FIELD_OF_KIND: Record<string, MatchField> = {
  clinical: MatchField.CLINICAL,
  lay: MatchField.LAY,
  brand: MatchField.BRAND,
  misspelling: MatchField.MISSPELLING,
};

export function prepare(text: string): Omit<VocabularyTerm, "field"> {
  const tokens = contentTokens(text);
  return { text, tokens, joined: tokens.join(""), exact: words(text).map(stem).join(" ") };
}

const term = (text: string, field: MatchField): VocabularyTerm => ({ ...prepare(text), field });

/**
 * A name's parenthesis is an alternative name or a list of members: "Acetaminophen (paracetamol)" is found
 * as "Acetaminophen" and "paracetamol", "Gabapentinoids (gabapentin, pregabalin)" also by each drug.
 */
function nameTerms(name: string): VocabularyTerm[] {
  const terms = [term(name, MatchField.NAME)];
  const match = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (match) {
    terms.push(term(match[1]!, MatchField.NAME));
    for (const part of match[2]!.split(/,\s*/)) terms.push(term(part, MatchField.ALIAS));
  }
  return terms;
}

export function vocabularyOf(candidate: SearchCandidate): VocabularyTerm[] {
  return [
    // A guideline's title is one long name: its parentheses hold authors and dates, not other names.
    ...(candidate.label === "Guideline"
      ? [term(candidate.name, MatchField.NAME)]
      : nameTerms(candidate.name)),
    ...candidate.aliases.map((alias) => term(alias, MatchField.ALIAS)),
    ...candidate.synonymTerms.map((synonym, i) =>
      term(synonym, FIELD_OF_KIND[candidate.synonymKinds[i] ?? ""] ?? MatchField.ALIAS),
    ),
    ...candidate.codes.map((code) => term(code, MatchField.CODE)),
  ].filter((entry) => entry.tokens.length > 0);
}
