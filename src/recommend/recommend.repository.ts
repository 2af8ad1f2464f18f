/** The three reads a ranking needs: the requested conditions, all statements about them, and treatment warnings. */
import { NO_ENDS, type RecommendationRecord } from "../evidence/recommendation.model";
import { returnRecommendation, withGuidelineSupersession } from "../evidence/recommendation.repository";
import { ALL } from "../graph/projection";
import { entityProjection, nodeFromRow } from "../graph/entity.repository";
import type { ConditionNode } from "../graph/node.records";
import type { Database } from "../neo4j/database";
import type { StoredPrecaution } from "./patient";
import type { CandidateTreatment } from "./ranking.model";

// Ids and (system, key) code pairs in one read; every condition found is returned once with what matched it.
export const RESOLVE_CONDITIONS = /* cypher */ `
  CALL () {
    UNWIND $ids AS requested
    MATCH (c:Condition {id: requested})
    RETURN c, requested
    UNION
    UNWIND $codes AS code
    MATCH (:Code {system: code.system, key: code.key})-[:IDENTIFIES]->(c:Condition)
    RETURN c, code.system + ':' + code.key AS requested
  }
  RETURN ${entityProjection("c")} AS condition, collect(requested) AS matchedBy`;

// A requested condition's statements and those of the broader conditions it is a kind of (fibromyalgia → chronic
// primary pain), each returned with the requested condition it reaches; classes up to three levels above a member;
// each guideline's supersession read once.
export const FIND_EVIDENCE = /* cypher */ `
  UNWIND $conditionIds AS conditionId
  MATCH (:Condition {id: conditionId})-[:KIND_OF*0..3]->(c:Condition)
  MATCH (c)<-[:FOR_CONDITION]-(r:Recommendation)-[:ABOUT_TREATMENT]->(t:Treatment)
  MATCH (r)-[:CITES]->(g:Guideline)${withGuidelineSupersession(["r", "t", "c", "conditionId"])}
  RETURN ${returnRecommendation(ALL, NO_ENDS, "guidelineSuperseded")} AS recommendation, conditionId AS appliesTo,
         t { .id, .name, .opioid, .invasivenessMax, .isClass,
             classIds: COLLECT { MATCH (t)-[:MEMBER_OF*1..3]->(k:Treatment) RETURN DISTINCT k.id } } AS treatment
  ORDER BY conditionId, r.id`;

export const FIND_WARNINGS = /* cypher */ `
  UNWIND $treatmentIds AS key
  MATCH (t:Treatment {id: key})<-[:ABOUT_TREATMENT]-(r:Recommendation)-[:FOR_CONDITION]->(c:Condition)
  WHERE r.kind IN ['SAFETY_WARNING', 'REGULATORY']
  MATCH (r)-[:CITES]->(g:Guideline)${withGuidelineSupersession(["r", "t", "c", "key"])}
  RETURN key, ${returnRecommendation(ALL, NO_ENDS, "guidelineSuperseded")} AS recommendation
  ORDER BY key, r.id`;

// Every safety statement (a few dozen), each with the classes of the treatment it is filed on.
export const FIND_PRECAUTIONS = /* cypher */ `
  MATCH (p:Precaution)-[:CONCERNS]->(t:Treatment)
  RETURN p {.*, treatmentClassIds: COLLECT { MATCH (t)-[:MEMBER_OF*1..3]->(k:Treatment) RETURN DISTINCT k.id }} AS precaution
  ORDER BY p.position`;

// The treatments a person already takes, with their classes; unknown ids are simply absent.
export const FIND_TREATMENT_CLASSES = /* cypher */ `
  UNWIND $ids AS key
  MATCH (t:Treatment {id: key})
  RETURN t.id AS id, COLLECT { MATCH (t)-[:MEMBER_OF*1..3]->(k:Treatment) RETURN DISTINCT k.id } AS classIds`;

export interface ResolvedCondition {
  condition: ConditionNode;
  matchedBy: string[];
}

export class RecommendRepository {
  constructor(private readonly db: Database) {}

  async resolveConditions(
    ids: string[],
    codes: Array<{ system: string; key: string }>,
  ): Promise<ResolvedCondition[]> {
    const rows = await this.db.read<{ condition: Record<string, unknown>; matchedBy: string[] }>(
      RESOLVE_CONDITIONS,
      { ids, codes },
    );
    return rows.map((row) => ({
      condition: nodeFromRow("Condition")(row.condition),
      matchedBy: row.matchedBy,
    }));
  }

  async findEvidence(conditionIds: string[]) {
    const rows = await this.db.read<{
      recommendation: RecommendationRecord;
      appliesTo: string;
      treatment: CandidateTreatment;
    }>(FIND_EVIDENCE, { conditionIds });
    const treatments = new Map(rows.map((row) => [row.treatment.id, row.treatment]));
    return { records: rows.map((row) => ({ ...row.recommendation, appliesTo: row.appliesTo })), treatments };
  }

  /** Safety warnings and regulatory records per treatment, whatever condition they were filed under. */
  async findWarnings(treatmentIds: string[]): Promise<Map<string, RecommendationRecord[]>> {
    if (treatmentIds.length === 0) return new Map();
    const rows = await this.db.read<{ key: string; recommendation: RecommendationRecord }>(FIND_WARNINGS, {
      treatmentIds,
    });
    const warnings = new Map<string, RecommendationRecord[]>();
    for (const row of rows) warnings.set(row.key, [...(warnings.get(row.key) ?? []), row.recommendation]);
    return warnings;
  }

  async findPrecautions(): Promise<StoredPrecaution[]> {
    const rows = await this.db.read<{ precaution: StoredPrecaution }>(FIND_PRECAUTIONS);
    return rows.map((row) => row.precaution);
  }

  async findTreatmentClasses(ids: string[]): Promise<Array<{ id: string; classIds: string[] }>> {
    if (ids.length === 0) return [];
    return this.db.read<{ id: string; classIds: string[] }>(FIND_TREATMENT_CLASSES, { ids });
  }
}
