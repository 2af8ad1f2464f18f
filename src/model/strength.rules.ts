/**
 * The documented mapping from a guideline's own grade to PainGraph's Strength. The raw grade and grading
 * system stay on every recommendation verbatim; this mapping is a project convention (reference §11).
 */
import { GradingScheme, RecommendationKind, Strength } from "./enums";

/** Kinds that carry no grade of their own, whatever text accompanies them. */
const UNGRADED_KINDS = new Set([
  RecommendationKind.CONSENSUS,
  RecommendationKind.EVIDENCE_SUMMARY,
  RecommendationKind.REGULATORY,
  RecommendationKind.SAFETY_WARNING,
]);

type Rule = readonly [pattern: RegExp, strength: Strength];

/** Per scheme, the first matching pattern wins; order matters ("moderate-strong" before "strong"). */
export const STRENGTH_RULES: Readonly<Record<GradingScheme, readonly Rule[]>> = {
  [GradingScheme.CDC_CATEGORY]: [
    [/category a\b/i, Strength.STRONG],
    [/category b\b/i, Strength.CONDITIONAL],
  ],
  [GradingScheme.ACP]: [
    [/\bstrong\b/i, Strength.STRONG],
    [/\b(weak|conditional)\b/i, Strength.CONDITIONAL],
  ],
  [GradingScheme.GRADE]: [
    [/\bstrong\b/i, Strength.STRONG],
    [/\b(weak|conditional)\b/i, Strength.CONDITIONAL],
  ],
  [GradingScheme.ASCO]: [
    [/\bstrong\b/i, Strength.STRONG],
    [/\b(weak|conditional)\b/i, Strength.CONDITIONAL],
  ],
  [GradingScheme.AAN_LEVEL]: [
    // Reference §11 and §13 A17: AAN's "should not use" maps to STRONG (against), whatever its level.
    [/should not use/i, Strength.STRONG],
    [/level a\b/i, Strength.STRONG],
    [/level [bc]\b/i, Strength.CONDITIONAL],
  ],
  [GradingScheme.NICE_WORDING]: [
    [/do not routinely/i, Strength.CONDITIONAL],
    [/\bconsider\b/i, Strength.CONDITIONAL],
    [/do not|not recommended|\boffer\b|\brecommended\b/i, Strength.STRONG],
  ],
  [GradingScheme.NICE_TA]: [[/not recommended|\brecommended\b/i, Strength.STRONG]],
  [GradingScheme.ASIPP]: [
    [/moderate/i, Strength.CONDITIONAL],
    [/\bstrong\b/i, Strength.STRONG],
  ],
  [GradingScheme.EULAR_2008]: [
    [/grade [ab]\b/i, Strength.STRONG],
    [/grade [cd]\b/i, Strength.CONDITIONAL],
  ],
  [GradingScheme.EFNS]: [
    [/level a\b/i, Strength.STRONG],
    [/level [bc]\b/i, Strength.CONDITIONAL],
  ],
  [GradingScheme.CONSENSUS]: [],
  [GradingScheme.REGULATORY]: [],
  [GradingScheme.EVIDENCE_REVIEW]: [],
  [GradingScheme.NONE]: [],
};

/**
 * The Strength for a raw grade: UNGRADED for ungraded kinds, empty grades and schemes without grades;
 * UNGRADED too when a graded scheme's text names no known grade (e.g. EFNS items whose level is unknown).
 */
export function strengthOf(scheme: GradingScheme, rawGrade: string, kind: RecommendationKind): Strength {
  if (UNGRADED_KINDS.has(kind) || rawGrade.trim() === "") return Strength.UNGRADED;
  const rule = STRENGTH_RULES[scheme].find(([pattern]) => pattern.test(rawGrade));
  return rule ? rule[1] : Strength.UNGRADED;
}

/**
 * Schemes whose statements always carry a grade: a raw grade no rule recognises there is a data error.
 * ASCO and EFNS are not among them: some of their statements state evidence quality but no strength.
 */
const SCHEMES_THAT_ALWAYS_GRADE = new Set([
  GradingScheme.CDC_CATEGORY,
  GradingScheme.ACP,
  GradingScheme.GRADE,
  GradingScheme.AAN_LEVEL,
  GradingScheme.NICE_WORDING,
  GradingScheme.NICE_TA,
  GradingScheme.ASIPP,
  GradingScheme.EULAR_2008,
]);

/** False when a non-empty grade of a graded scheme matches none of that scheme's rules. */
export function isRecognisedGrade(
  scheme: GradingScheme,
  rawGrade: string,
  kind: RecommendationKind,
): boolean {
  if (UNGRADED_KINDS.has(kind) || rawGrade.trim() === "" || !SCHEMES_THAT_ALWAYS_GRADE.has(scheme))
    return true;
  return STRENGTH_RULES[scheme].some(([pattern]) => pattern.test(rawGrade));
}
