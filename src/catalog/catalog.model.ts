/** Filters and orderings the catalog repositories accept, already normalised by the resolvers. */
import type { ConditionCategory } from "../model/enums";
import type { SortDirection } from "../pagination/keyset";
import type { Keyset } from "../pagination/cursor";

export interface ConditionCriteria {
  groupId: string | null;
  category: ConditionCategory | null;
  /** Lower-cased text to find in the name or an alias. */
  name: string | null;
  /** Code keys (ICD-10-CM without dot, upper-case; SNOMED CT ids) any of which identifies the condition. */
  codeKeys: string[] | null;
  /** Only conditions for which some guideline recommends this treatment. */
  treatedWith: string | null;
}

export interface TreatmentCriteria {
  modalityId: string | null;
  opioid: boolean | null;
  maxInvasiveness: number | null;
  deliveredBy: string | null;
  recommendedFor: string | null;
  name: string | null;
  isClass: boolean | null;
}

/** True when no criterion is set: the whole list, which an index can serve in order. */
export function isUnfiltered(criteria: ConditionCriteria | TreatmentCriteria): boolean {
  return Object.values(criteria).every((value) => value === null || value === undefined);
}

export interface PageRequest<Field extends string> {
  field: Field;
  direction: SortDirection;
  first: number;
  after: Keyset | null;
}
