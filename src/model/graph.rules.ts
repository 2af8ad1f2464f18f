/** Cross-record rules: unique ids, references that resolve to the right kind, codes mapped once, coherent ranges. */
import { icd10Key, isWellFormedIcd10cm, isWellFormedSnomedId } from "./codes";
import { CareLinkType, LinkBasis, Phase } from "./enums";
import { checkPrecautions } from "./precaution.rules";
import { isRecognisedGrade } from "./strength.rules";
import { SEED_FILES, type Problem, type SeedPart, type SeedSet } from "./seed-set";

type Prefix =
  "group" | "condition" | "modality" | "treatment" | "discipline" | "profession" | "guideline" | "source";

class RuleContext {
  readonly problems: Problem[] = [];
  private readonly ids = new Map<string, string>();

  constructor(readonly set: SeedSet) {}

  registerIds(part: SeedPart): void {
    for (const record of this.set[part] as Array<{ id?: string }>) {
      if (!record.id) continue;
      const seenIn = this.ids.get(record.id);
      if (seenIn) this.problem(part, record.id, "id", `duplicate id (also in ${seenIn})`);
      else this.ids.set(record.id, SEED_FILES[part]);
    }
  }

  /** The id resolves to a record whose prefix is one of the allowed kinds. */
  expect(
    part: SeedPart,
    recordId: string,
    field: string,
    id: string | null | undefined,
    kinds: Prefix[],
  ): boolean {
    if (id === null || id === undefined) return false;
    const kind = id.slice(0, id.indexOf(":"));
    if (!kinds.includes(kind as Prefix)) {
      this.problem(part, recordId, field, `"${id}" must reference a ${kinds.join(" or ")}`);
      return false;
    }
    if (!this.ids.has(id)) {
      this.problem(part, recordId, field, `unknown reference "${id}"`);
      return false;
    }
    return true;
  }

  problem(part: SeedPart, recordId: string | null, field: string | null, message: string): void {
    this.problems.push({ file: SEED_FILES[part], recordId, field, message });
  }
}

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

function checkGuidelines(context: RuleContext): void {
  for (const guideline of context.set.guidelines) {
    if (guideline.supersededById === guideline.id) {
      context.problem("guidelines", guideline.id, "supersededById", "a guideline cannot supersede itself");
    } else {
      context.expect("guidelines", guideline.id, "supersededById", guideline.supersededById, ["guideline"]);
    }
  }
}

function checkRecommendations(context: RuleContext): void {
  const guidelines = new Map(context.set.guidelines.map((guideline) => [guideline.id, guideline]));
  for (const rec of context.set.recommendations) {
    const hasGuideline = context.expect("recommendations", rec.id, "guidelineId", rec.guidelineId, [
      "guideline",
    ]);
    context.expect("recommendations", rec.id, "treatmentId", rec.treatmentId, ["treatment"]);
    context.expect("recommendations", rec.id, "conditionId", rec.conditionId, ["condition"]);
    if (rec.phases.includes(Phase.ANY) && rec.phases.length > 1) {
      context.problem("recommendations", rec.id, "phases", "ANY cannot be combined with other phases");
    }
    (rec.followsTreatmentIds ?? []).forEach((id, i) =>
      context.expect("recommendations", rec.id, `followsTreatmentIds[${i}]`, id, ["treatment"]),
    );
    (rec.excludedMemberIds ?? []).forEach((id, i) =>
      context.expect("recommendations", rec.id, `excludedMemberIds[${i}]`, id, ["treatment"]),
    );
    if (rec.supersededById) {
      if (!context.set.recommendations.some((other) => other.id === rec.supersededById))
        context.problem(
          "recommendations",
          rec.id,
          "supersededById",
          `unknown recommendation "${rec.supersededById}"`,
        );
      else if (rec.supersededById === rec.id)
        context.problem("recommendations", rec.id, "supersededById", "a statement cannot supersede itself");
    }
    if (new Set(rec.phases).size !== rec.phases.length) {
      context.problem("recommendations", rec.id, "phases", "a phase is listed twice");
    }
    const guideline = hasGuideline ? guidelines.get(rec.guidelineId) : undefined;
    if (guideline && !isRecognisedGrade(guideline.gradingScheme, rec.rawGrade, rec.kind)) {
      context.problem(
        "recommendations",
        rec.id,
        "rawGrade",
        `"${rec.rawGrade}" matches no grade of scheme ${guideline.gradingScheme} (see src/model/strength.rules.ts)`,
      );
    }
  }
}

function checkMythsAndStatistics(context: RuleContext): void {
  for (const myth of context.set.myths) {
    myth.facts.forEach((fact, i) =>
      fact.sourceIds.forEach((id, j) =>
        context.expect("myths", myth.id, `facts[${i}].sourceIds[${j}]`, id, ["source", "guideline"]),
      ),
    );
  }
  for (const statistic of context.set.statistics) {
    context.expect("statistics", statistic.id, "sourceId", statistic.sourceId, ["source", "guideline"]);
  }
}

/** One vocabulary record per entity, naming a condition or treatment; a term appears once per entity. */
function checkSynonyms(context: RuleContext): void {
  const listed = new Set<string>();
  for (const record of context.set.synonyms) {
    if (listed.has(record.entityId))
      context.problem("synonyms", record.entityId, "entityId", "listed twice: merge its synonyms");
    listed.add(record.entityId);
    context.expect("synonyms", record.entityId, "entityId", record.entityId, ["condition", "treatment"]);
    const terms = new Set<string>();
    record.synonyms.forEach((synonym, i) => {
      const key = synonym.term.trim().toLowerCase();
      if (terms.has(key))
        context.problem(
          "synonyms",
          record.entityId,
          `synonyms[${i}].term`,
          `"${synonym.term}" is listed twice`,
        );
      terms.add(key);
    });
  }
}
