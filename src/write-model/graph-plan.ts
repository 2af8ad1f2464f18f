/**
 * Turns a validated SeedSet into the graph it describes: node rows per label and relationship rows per type,
 * each with a content hash so an unchanged record costs no write.
 */
import { icd10Display, icd10Key } from "../model/codes";
import { CodeSystem, SynonymKind } from "../model/enums";
import type { SeedSet } from "../model/seed-set";
import { strengthOf } from "../model/strength.rules";
import {
  hashOf,
  node,
  NODE_LABELS,
  rel,
  RELATIONSHIP_TYPES,
  restartRelationshipNumbering,
  type GraphPlan,
  type Props,
} from "./graph-plan.rows";

export * from "./graph-plan.rows";

const joined = (values: readonly string[]) => values.join(" | ");

export function planGraph(set: SeedSet): GraphPlan {
  restartRelationshipNumbering();
  const plan: GraphPlan = {
    nodes: Object.fromEntries(NODE_LABELS.map((label) => [label, []])) as unknown as GraphPlan["nodes"],
    relationships: Object.fromEntries(
      RELATIONSHIP_TYPES.map((type) => [type, []]),
    ) as unknown as GraphPlan["relationships"],
  };
  planConditions(set, plan);
  planTreatments(set, plan);
  planCare(set, plan);
  planEvidence(set, plan);
  planFacts(set, plan);
  planSynonyms(set, plan);
  planPrecautions(set, plan);
  numberNodes(plan);
  return plan;
}

/** Each node's position in its file (or among its kind), kept so an export writes records back in file order. */
function numberNodes(plan: GraphPlan): void {
  for (const label of NODE_LABELS) {
    plan.nodes[label] = plan.nodes[label].map((row, position) => {
      const props = { ...row.props, position };
      return { ...row, props, hash: hashOf(props) };
    });
  }
}

function planConditions(set: SeedSet, plan: GraphPlan): void {
  for (const group of set.conditionGroups) plan.nodes.ConditionGroup.push(node({ ...group }));
  for (const condition of set.conditions) {
    const { groupIds, prevalence, overuseThresholds, ...fields } = condition;
    const searchableCodes = [...fields.icd10Codes, ...(fields.relatedCodes ?? [])];
    plan.nodes.Condition.push(
      node({
        ...fields,
        refId: fields.refId ?? null,
        parentIds: fields.parentIds ?? [],
        attackDisorder: fields.attackDisorder ?? false,
        relatedCodes: fields.relatedCodes ?? [],
        // Nested records cannot be node properties; the thresholds travel as one JSON text.
        overuseThresholdsJson: JSON.stringify(overuseThresholds ?? []),
        aliasesText: joined(fields.aliases),
        codesText: joined([...searchableCodes, ...searchableCodes.map(icd10Key), ...fields.snomedCodes]),
        prevalenceText: prevalence?.text ?? null,
        prevalenceStatus: prevalence?.status ?? null,
      }),
    );
    groupIds.forEach((groupId) => plan.relationships.IN_GROUP.push(rel(condition.id, groupId)));
    (fields.parentIds ?? []).forEach((parentId) =>
      plan.relationships.KIND_OF.push(rel(condition.id, parentId)),
    );
    prevalence?.sourceIds.forEach((sourceId) =>
      plan.relationships.CITES.push(rel(condition.id, sourceId, { about: "prevalence" })),
    );
    for (const code of fields.icd10Codes)
      addCode(plan, CodeSystem.ICD10CM, icd10Display(code), icd10Key(code), condition.id);
    for (const code of fields.snomedCodes) addCode(plan, CodeSystem.SNOMEDCT, code, code, condition.id);
  }
}

function addCode(plan: GraphPlan, system: CodeSystem, code: string, key: string, conditionId: string): void {
  const id = `code:${system.toLowerCase()}-${key.toLowerCase()}`;
  plan.nodes.Code.push(node({ id, system, code, key }));
  plan.relationships.IDENTIFIES.push(rel(id, conditionId));
}

function planTreatments(set: SeedSet, plan: GraphPlan): void {
  for (const modality of set.modalities) plan.nodes.Modality.push(node({ ...modality }));
  for (const treatment of set.treatments) {
    const { modalityIds, memberOfIds, ...fields } = treatment;
    plan.nodes.Treatment.push(
      node({ ...fields, refId: fields.refId ?? null, aliasesText: joined(fields.aliases) }),
    );
    modalityIds.forEach((modalityId) => plan.relationships.HAS_MODALITY.push(rel(treatment.id, modalityId)));
    memberOfIds.forEach((classId) => plan.relationships.MEMBER_OF.push(rel(treatment.id, classId)));
  }
}

function planCare(set: SeedSet, plan: GraphPlan): void {
  for (const [label, providers] of [
    ["Discipline", set.disciplines],
    ["Profession", set.professions],
  ] as const) {
    for (const { sourceIds, ...fields } of providers) {
      plan.nodes[label].push(node({ ...fields, aliasesText: joined(fields.aliases) }));
      sourceIds.forEach((sourceId) => plan.relationships.CITES.push(rel(fields.id, sourceId)));
    }
  }
  for (const link of set.careLinks) {
    plan.relationships[link.type].push(
      rel(link.from, link.to, { basis: link.basis, sourceIds: link.sourceIds, note: link.note ?? null }),
    );
  }
}

function planEvidence(set: SeedSet, plan: GraphPlan): void {
  const guidelines = new Map(set.guidelines.map((guideline) => [guideline.id, guideline]));
  for (const { supersededById, ...fields } of set.guidelines) {
    plan.nodes.Guideline.push(node({ ...fields, url: fields.url ?? null, doi: fields.doi ?? null }));
    if (supersededById) plan.relationships.SUPERSEDED_BY.push(rel(fields.id, supersededById));
  }
  for (const source of set.sources)
    plan.nodes.Source.push(node({ ...source, refId: source.refId ?? null, year: source.year ?? null }));
  for (const rec of set.recommendations) {
    const { guidelineId, treatmentId, conditionId, ...fields } = rec;
    const guideline = guidelines.get(guidelineId)!;
    plan.nodes.Recommendation.push(
      node({
        ...fields,
        lineOfTherapy: fields.lineOfTherapy ?? null,
        lineNote: fields.lineNote ?? null,
        population: fields.population ?? null,
        line: fields.line ?? null,
        followsTreatmentIds: fields.followsTreatmentIds ?? [],
        followsNonOpioids: fields.followsNonOpioids ?? false,
        excludedMemberIds: fields.excludedMemberIds ?? [],
        evidenceQuality: fields.evidenceQuality ?? null,
        intent: fields.intent ?? null,
        supersededById: fields.supersededById ?? null,
        subpopulation: fields.subpopulation ?? null,
        minAgeYears: fields.minAgeYears ?? null,
        gradingSystem: guideline.gradingSystem,
        strength: strengthOf(guideline.gradingScheme, fields.rawGrade, fields.kind),
      }),
    );
    plan.relationships.CITES.push(rel(rec.id, guidelineId));
    plan.relationships.ABOUT_TREATMENT.push(rel(rec.id, treatmentId));
    plan.relationships.FOR_CONDITION.push(rel(rec.id, conditionId));
  }
}

function planFacts(set: SeedSet, plan: GraphPlan): void {
  for (const { facts, ...fields } of set.myths) {
    plan.nodes.Myth.push(node({ ...fields, nuance: fields.nuance ?? null }));
    facts.forEach((fact, index) => {
      const id = `mythfact:${fields.id.slice("myth:".length)}-${index + 1}`;
      plan.nodes.MythFact.push(node({ id, text: fact.text, status: fact.status }));
      plan.relationships.HAS_FACT.push(rel(fields.id, id));
      fact.sourceIds.forEach((sourceId) => plan.relationships.CITES.push(rel(id, sourceId)));
    });
  }
  for (const { sourceId, ...fields } of set.statistics) {
    plan.nodes.Statistic.push(node({ ...fields, definition: fields.definition ?? null }));
    plan.relationships.CITES.push(rel(fields.id, sourceId));
  }
}

/**
 * Curated synonyms live on their entity: parallel lists (term, kind, source, reason) for the API and export, and
 * one text per kind for the names full-text index, so each kind is its own Lucene field with its own boost.
 */
function planSynonyms(set: SeedSet, plan: GraphPlan): void {
  const rows = new Map([...plan.nodes.Condition, ...plan.nodes.Treatment].map((row) => [row.id, row]));
  set.synonyms.forEach((record, order) => {
    const row = rows.get(record.entityId)!;
    const { synonyms } = record;
    const textOf = (kind: SynonymKind) =>
      joined(synonyms.filter((synonym) => synonym.kind === kind).map((synonym) => synonym.term)) || null;
    const props: Props = {
      ...row.props,
      synonymOrder: order,
      synonymTerms: synonyms.map((synonym) => synonym.term),
      synonymKinds: synonyms.map((synonym) => synonym.kind),
      synonymSources: synonyms.map((synonym) => synonym.source),
      synonymReasons: synonyms.map((synonym) => synonym.reason ?? ""),
      clinicalText: textOf(SynonymKind.CLINICAL),
      layText: textOf(SynonymKind.LAY),
      brandText: textOf(SynonymKind.BRAND),
      misspellingText: textOf(SynonymKind.MISSPELLING),
    };
    row.props = Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null)) as Props;
  });
}

/** Safety statements: factor groups travel as one JSON text (nested lists cannot be node properties). */
function planPrecautions(set: SeedSet, plan: GraphPlan): void {
  for (const { treatmentId, factorGroups, ...fields } of set.precautions) {
    plan.nodes.Precaution.push(
      node({
        ...fields,
        treatmentId,
        year: fields.year ?? null,
        note: fields.note ?? null,
        factorGroupsJson: JSON.stringify(factorGroups),
      }),
    );
    plan.relationships.CONCERNS.push(rel(fields.id, treatmentId));
  }
}
