/** Cross-record rules: unique ids, references that resolve to the right kind, codes mapped once, coherent ranges. */
import { icd10Key, isWellFormedIcd10cm, isWellFormedSnomedId } from "./codes";
import { CareLinkType, LinkBasis } from "./enums";
import { checkGuidelines, checkMythsAndStatistics, checkRecommendations } from "./evidence.rules";
import { RuleContext, type Prefix } from "./rule-context";
import { checkPrecautions } from "./precaution.rules";
import { SEED_FILES, type Problem, type SeedPart, type SeedSet } from "./seed-set";
import { checkSynonyms } from "./synonym.rules";

/** Runs every cross-record rule; assumes the field rules already passed. */
export function validateGraph(set: SeedSet): Problem[] {
  const context = new RuleContext(set);
  for (const part of Object.keys(SEED_FILES) as SeedPart[]) context.registerIds(part);
  checkConditions(context);
  checkGroupsHaveConditions(context);
  checkTreatments(context);
  checkCareProviders(context);
  checkCareLinks(context);
  checkGuidelines(context);
  checkRecommendations(context);
  checkMythsAndStatistics(context);
  checkSynonyms(context);
  return [...context.problems, ...checkPrecautions(set)];
}

function checkConditions(context: RuleContext): void {
  const icdOwner = new Map<string, string>();
  const snomedOwner = new Map<string, string>();
  for (const condition of context.set.conditions) {
    (condition.parentIds ?? []).forEach((id, i) => {
      if (id === condition.id)
        context.problem("conditions", condition.id, `parentIds[${i}]`, "a condition cannot be its own kind");
      else context.expect("conditions", condition.id, `parentIds[${i}]`, id, ["condition"]);
    });
    condition.groupIds.forEach((id, i) =>
      context.expect("conditions", condition.id, `groupIds[${i}]`, id, ["group"]),
    );
    condition.prevalence?.sourceIds.forEach((id, i) =>
      context.expect("conditions", condition.id, `prevalence.sourceIds[${i}]`, id, ["source", "guideline"]),
    );
    for (const code of condition.icd10Codes) {
      if (!isWellFormedIcd10cm(code)) {
        context.problem(
          "conditions",
          condition.id,
          "icd10Codes",
          `"${code}" is not a well-formed ICD-10-CM code`,
        );
      }
      claimCode(context, icdOwner, icd10Key(code), code, condition.id, "icd10Codes");
    }
    for (const code of condition.snomedCodes) {
      if (!isWellFormedSnomedId(code)) {
        context.problem(
          "conditions",
          condition.id,
          "snomedCodes",
          `"${code}" is not a valid SNOMED CT id (check digit)`,
        );
      }
      claimCode(context, snomedOwner, code, code, condition.id, "snomedCodes");
    }
  }
}

function claimCode(
  context: RuleContext,
  owners: Map<string, string>,
  key: string,
  code: string,
  conditionId: string,
  field: string,
): void {
  const owner = owners.get(key);
  if (owner && owner !== conditionId) {
    context.problem("conditions", conditionId, field, `code "${code}" is already mapped to ${owner}`);
  } else if (owner === conditionId) {
    context.problem("conditions", conditionId, field, `code "${code}" is listed twice`);
  }
  owners.set(key, conditionId);
}

function checkGroupsHaveConditions(context: RuleContext): void {
  const used = new Set(context.set.conditions.flatMap((condition) => condition.groupIds));
  for (const group of context.set.conditionGroups) {
    if (!used.has(group.id))
      context.problem("conditionGroups", group.id, null, "no condition belongs to this group");
  }
}

function checkTreatments(context: RuleContext): void {
  const classes = new Set(context.set.treatments.filter((t) => t.isClass).map((t) => t.id));
  for (const treatment of context.set.treatments) {
    if (treatment.invasivenessMin > treatment.invasivenessMax) {
      context.problem("treatments", treatment.id, "invasivenessMin", "must not exceed invasivenessMax");
    }
    if (!treatment.isClass && treatment.modalityIds.length === 0) {
      context.problem("treatments", treatment.id, "modalityIds", "a treatment needs at least one modality");
    }
    treatment.modalityIds.forEach((id, i) =>
      context.expect("treatments", treatment.id, `modalityIds[${i}]`, id, ["modality"]),
    );
    treatment.memberOfIds.forEach((id, i) => {
      const field = `memberOfIds[${i}]`;
      if (id === treatment.id)
        context.problem("treatments", treatment.id, field, "a treatment cannot be its own class");
      else if (context.expect("treatments", treatment.id, field, id, ["treatment"]) && !classes.has(id)) {
        context.problem("treatments", treatment.id, field, `"${id}" is not a class (isClass: false)`);
      }
    });
  }
}

function checkCareProviders(context: RuleContext): void {
  for (const part of ["disciplines", "professions"] as const) {
    for (const provider of context.set[part]) {
      const expected = part === "disciplines" ? "discipline:" : "profession:";
      if (!provider.id.startsWith(expected))
        context.problem(part, provider.id, "id", `must start with "${expected}"`);
      provider.sourceIds.forEach((id, i) =>
        context.expect(part, provider.id, `sourceIds[${i}]`, id, ["source", "guideline"]),
      );
    }
  }
}

const LINK_TARGETS: Readonly<Record<CareLinkType, Prefix[]>> = {
  [CareLinkType.DELIVERS]: ["treatment"],
  [CareLinkType.MANAGES]: ["condition"],
  [CareLinkType.WORKS_WITH]: ["discipline", "profession"],
};

function checkCareLinks(context: RuleContext): void {
  const seen = new Set<string>();
  for (const link of context.set.careLinks) {
    const id = `${link.from} ${link.type} ${link.to}`;
    if (seen.has(id)) context.problem("careLinks", id, null, "duplicate link");
    seen.add(id);
    context.expect("careLinks", id, "from", link.from, ["discipline", "profession"]);
    context.expect("careLinks", id, "to", link.to, LINK_TARGETS[link.type]);
    if (link.type === CareLinkType.WORKS_WITH && link.from === link.to) {
      context.problem("careLinks", id, "to", "a provider cannot work with itself");
    }
    if (link.basis === LinkBasis.CITED && link.sourceIds.length === 0) {
      context.problem("careLinks", id, "sourceIds", "a CITED link needs at least one source");
    }
    link.sourceIds.forEach((source, i) =>
      context.expect("careLinks", id, `sourceIds[${i}]`, source, ["source", "guideline"]),
    );
  }
}
