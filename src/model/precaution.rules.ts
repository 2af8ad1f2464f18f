/** Cross-record rules of the safety statements: what they concern, what they may exclude, whom they name. */
import { PatientFactorKind, PrecautionKind } from "./enums";
import { SEED_FILES, type Problem, type SeedSet } from "./seed-set";

const EXCLUDING = new Set([PrecautionKind.CONTRAINDICATION, PrecautionKind.AVOID]);

/** Every treatment below a class, through any number of MEMBER_OF links. */
export function descendantsOf(set: SeedSet): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const treatment of set.treatments)
    for (const classId of treatment.memberOfIds)
      children.set(classId, [...(children.get(classId) ?? []), treatment.id]);
  const below = new Map<string, Set<string>>();
  const walk = (id: string, seen: Set<string>): Set<string> => {
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      walk(child, seen);
    }
    return seen;
  };
  for (const treatment of set.treatments) below.set(treatment.id, walk(treatment.id, new Set()));
  return below;
}

export function checkPrecautions(set: SeedSet): Problem[] {
  const problems: Problem[] = [];
  const problem = (recordId: string, field: string, message: string) =>
    problems.push({ file: SEED_FILES.precautions, recordId, field, message });
  const below = descendantsOf(set);
  for (const p of set.precautions) {
    const members = below.get(p.treatmentId);
    if (!members) {
      problem(p.id, "treatmentId", `unknown treatment "${p.treatmentId}"`);
      continue;
    }
    p.excludedMemberIds.forEach((id, i) => {
      if (!members.has(id))
        problem(p.id, `excludedMemberIds[${i}]`, `"${id}" is not a member of ${p.treatmentId}`);
    });
    const coverable = new Set([p.treatmentId, ...members].filter((id) => !p.excludedMemberIds.includes(id)));
    p.coversTreatmentIds.forEach((id, i) => {
      if (!coverable.has(id))
        problem(
          p.id,
          `coversTreatmentIds[${i}]`,
          `"${id}" is neither ${p.treatmentId} nor one of its members`,
        );
    });
    if (p.coversTreatmentIds.length > 0 && (!EXCLUDING.has(p.kind) || p.lowQuality))
      problem(
        p.id,
        "coversTreatmentIds",
        "only a CONTRAINDICATION or AVOID that is not low quality can exclude",
      );
    p.factorGroups.flat().forEach((factor) => {
      for (const id of factor.treatmentIds ?? [])
        if (!below.has(id)) problem(p.id, "factorGroups", `TAKING names unknown treatment "${id}"`);
      if (factor.kind === PatientFactorKind.TAKING && (factor.treatmentIds ?? []).length === 0)
        problem(p.id, "factorGroups", "TAKING must name at least one treatment");
    });
  }
  return problems;
}
