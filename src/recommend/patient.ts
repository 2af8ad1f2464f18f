/**
 * Patient factors against safety statements (docs/recommendations.md, "Patient factors"). Pure: no GraphQL, no
 * Cypher. A statement's factors are an OR of AND-groups; a group matches when every factor in it holds.
 */
import { PatientFactorKind, type PatientRisk, type Phase, PrecautionKind } from "../model/enums";

/** What the caller told us about the person; a field left out is "not stated", never "true". */
export interface PatientFactors {
  ageYears: number | null;
  pregnant: boolean;
  /** Without it, pregnant: true applies every pregnancy statement (the conservative reading). */
  pregnancyWeek: number | null;
  breastfeeding: boolean;
  /** Stands in for creatinine clearance; chronic kidney disease means below 60. */
  egfr: number | null;
  risks: ReadonlySet<PatientRisk>;
  /** Treatments the person already takes, with the classes each belongs to. */
  current: ReadonlyArray<{ id: string; classIds: readonly string[] }>;
}

export interface StoredFactor {
  kind: PatientFactorKind;
  value?: number | null;
  risk?: PatientRisk | null;
  treatmentIds?: string[] | null;
  text?: string | null;
}

/** A Precaution node as stored, plus the classes of the treatment it is filed on. */
export interface StoredPrecaution {
  id: string;
  kind: PrecautionKind;
  treatmentId: string;
  /** Every class the treatment it is filed on belongs to. */
  treatmentClassIds: string[];
  excludedMemberIds: string[];
  coversTreatmentIds: string[];
  factorGroupsJson: string;
  lowQuality: boolean;
  adultsOnly: boolean;
  exceptPhases: Phase[];
  [property: string]: unknown;
}

export enum Match {
  /** No factor: it concerns everyone who takes the treatment. */
  EVERYONE = "EVERYONE",
  /** Every factor of some group holds for this person. */
  MATCHED = "MATCHED",
  /** Some group's stated factors hold, but it also names a factor the input cannot state: shown, never decisive. */
  POSSIBLE = "POSSIBLE",
  NO = "NO",
}

export interface Candidate {
  id: string;
  classIds: readonly string[];
}

export const factorGroupsOf = (p: Pick<StoredPrecaution, "factorGroupsJson">): StoredFactor[][] =>
  JSON.parse(p.factorGroupsJson) as StoredFactor[][];

/** Treatments the person takes, other than the candidate itself (or what it stands for), that fall in the list. */
function takenCount(factor: StoredFactor, patient: PatientFactors, candidate: Candidate): number {
  const listed = new Set(factor.treatmentIds ?? []);
  return patient.current.filter(
    (taken) =>
      taken.id !== candidate.id &&
      !taken.classIds.includes(candidate.id) &&
      !candidate.classIds.includes(taken.id) &&
      (listed.has(taken.id) || taken.classIds.some((id) => listed.has(id))),
  ).length;
}

/** true, false, or null when the input cannot state it (OTHER). */
function holds(factor: StoredFactor, patient: PatientFactors, candidate: Candidate): boolean | null {
  const value = factor.value ?? 0;
  switch (factor.kind) {
    case PatientFactorKind.AGE_AT_LEAST:
      return patient.ageYears !== null && patient.ageYears >= value;
    case PatientFactorKind.AGE_BELOW:
      return patient.ageYears !== null && patient.ageYears < value;
    case PatientFactorKind.PREGNANT:
      return (
        patient.pregnant &&
        (factor.value == null || patient.pregnancyWeek === null || patient.pregnancyWeek >= factor.value)
      );
    case PatientFactorKind.BREASTFEEDING:
      return patient.breastfeeding;
    case PatientFactorKind.EGFR_BELOW:
      return patient.egfr !== null && patient.egfr < value;
    case PatientFactorKind.RISK:
      return factor.risk != null && patient.risks.has(factor.risk);
    case PatientFactorKind.TAKING:
      return takenCount(factor, patient, candidate) >= (factor.value ?? 1);
    case PatientFactorKind.OTHER:
      return null;
  }
}

/** How a statement meets this person (or nobody in particular, when patient is null). */
export function matchOf(
  precaution: StoredPrecaution,
  patient: PatientFactors | null,
  candidate: Candidate,
): Match {
  const groups = factorGroupsOf(precaution);
  if (groups.length === 0) return Match.EVERYONE;
  if (patient === null) return Match.NO;
  if (precaution.adultsOnly && patient.ageYears !== null && patient.ageYears < 18) return Match.NO;
  let possible = false;
  for (const group of groups) {
    const results = group.map((factor) => holds(factor, patient, candidate));
    if (results.some((result) => result === false)) continue;
    if (results.every((result) => result === true)) return Match.MATCHED;
    possible = true;
  }
  return possible ? Match.POSSIBLE : Match.NO;
}

/** Whether the statement is about this item: filed on it, on a class above it, or (for a class item) below it. */
export function concerns(precaution: StoredPrecaution, item: Candidate, exceptMemberIds: string[]): boolean {
  const excluded = new Set(precaution.excludedMemberIds);
  if (precaution.treatmentId === item.id) return true;
  if (item.classIds.includes(precaution.treatmentId))
    return !excluded.has(item.id) && !item.classIds.some((id) => excluded.has(id));
  // A member's statement shown on the class item that stands for it (never one about a member listed apart).
  return (
    precaution.treatmentClassIds.includes(item.id) &&
    !exceptMemberIds.some((id) => id === precaution.treatmentId || precaution.treatmentClassIds.includes(id))
  );
}

export type PatientExclusion = PrecautionKind.CONTRAINDICATION | PrecautionKind.AVOID;

/**
 * Whether the statement removes this item for this person: a matched CONTRAINDICATION or AVOID, not low quality,
 * that covers every drug the item stands for, outside the phases the source excepts.
 */
export function excludes(
  precaution: StoredPrecaution,
  match: Match,
  item: Candidate,
  phases: readonly Phase[],
): PatientExclusion | null {
  if (match !== Match.MATCHED || precaution.lowQuality) return null;
  if (precaution.kind !== PrecautionKind.CONTRAINDICATION && precaution.kind !== PrecautionKind.AVOID)
    return null;
  if (!precaution.coversTreatmentIds.includes(item.id)) return null;
  if (phases.length > 0 && phases.every((phase) => precaution.exceptPhases.includes(phase))) return null;
  return precaution.kind;
}

/** Shown on the item: every boxed warning, statements for everyone, and those that match or may match. */
export function shows(precaution: StoredPrecaution, match: Match): boolean {
  return precaution.kind === PrecautionKind.BOXED_WARNING || match !== Match.NO;
}
