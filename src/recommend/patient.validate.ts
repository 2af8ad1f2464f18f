/** Range checks of the patient input, and its current treatments resolved (in the service, not the resolver). */
import { BadUserInputError } from "../errors";
import type { PatientRisk } from "../model/enums";
import type { PatientFactors } from "./patient";

/** The fields of PatientInput (recommend/patient.input.ts) the checks read. */
export interface PatientFields {
  ageYears?: number | null;
  pregnant?: boolean | null;
  pregnancyWeek?: number | null;
  breastfeeding?: boolean | null;
  egfr?: number | null;
  risks?: PatientRisk[] | null;
  currentTreatmentIds?: string[] | null;
}

const field = (name: string) => `input.patient.${name}`;

function bad(name: string, message: string): never {
  throw new BadUserInputError(`"${field(name)}" ${message}`, field(name));
}

/** Checks ranges; current treatments are resolved by the caller (unknown ids are BAD_USER_INPUT there). */
export function validatePatient(input: PatientFields): Omit<PatientFactors, "current"> {
  const { ageYears, pregnancyWeek, egfr } = input;
  if (ageYears != null && (!Number.isInteger(ageYears) || ageYears < 0 || ageYears > 130))
    bad("ageYears", `must be a whole number from 0 to 130 (got ${ageYears})`);
  if (egfr != null && (!Number.isFinite(egfr) || egfr < 0 || egfr > 200))
    bad("egfr", `must be from 0 to 200 mL/min/1.73 m² (got ${egfr})`);
  if (pregnancyWeek != null) {
    if (!Number.isInteger(pregnancyWeek) || pregnancyWeek < 0 || pregnancyWeek > 45)
      bad("pregnancyWeek", `must be a whole number from 0 to 45 (got ${pregnancyWeek})`);
    if (input.pregnant !== true) bad("pregnancyWeek", "needs pregnant: true");
  }
  if ((input.currentTreatmentIds?.length ?? 0) > 50)
    bad("currentTreatmentIds", "can name at most 50 treatments");
  return {
    ageYears: ageYears ?? null,
    pregnant: input.pregnant === true,
    pregnancyWeek: pregnancyWeek ?? null,
    breastfeeding: input.breastfeeding === true,
    egfr: egfr ?? null,
    risks: new Set(input.risks ?? []),
  };
}

/** The current treatments with their classes, or BAD_USER_INPUT naming the first unknown id. */
export function currentTreatments(
  requested: string[],
  found: Array<{ id: string; classIds: string[] }>,
): PatientFactors["current"] {
  const byId = new Map(found.map((row) => [row.id, row]));
  const unknown = requested.find((id) => !byId.has(id));
  if (unknown !== undefined) bad("currentTreatmentIds", `names no known treatment: "${unknown}"`);
  return [...new Set(requested)].map((id) => byId.get(id)!);
}
