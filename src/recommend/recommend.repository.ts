/** The reads a ranking needs: the requested conditions with every statement about them, treatment warnings, precautions. */
import { NO_ENDS, type RecommendationRecord } from "../evidence/recommendation.model";
import { returnRecommendation, withGuidelineSupersession } from "../evidence/recommendation.repository";
import { ALL } from "../graph/projection";
import { entityProjection, nodeFromRow } from "../graph/entity.repository";
import type { ConditionNode } from "../graph/node.records";
import type { Database } from "../neo4j/database";
import type { StoredPrecaution } from "./patient";
import type { CandidateTreatment } from "./ranking.model";

/** The conditions ids and (system, key) code pairs name: rows of `c` and what `requested` it (an id or SYSTEM:key). */
const MATCH_REQUESTED = /* cypher */ `
    UNWIND $ids AS requested
    MATCH (c:Condition {id: requested})
    RETURN c, requested
    UNION
    UNWIND $codes AS code
    MATCH (:Code {system: code.system, key: code.key})-[:IDENTIFIES]->(c:Condition)
    RETURN c, code.system + ':' + code.key AS requested`;

// A requested condition's statements and those of the broader conditions it is a kind of (fibromyalgia → chronic
// primary pain), each returned with the requested condition it reaches; classes up to three levels above a member;
// each guideline's supersession read once.
const EVIDENCE_OF_CONDITION = /* cypher */ `
    MATCH (:Condition {id: conditionId})-[:KIND_OF*0..3]->(c:Condition)
    MATCH (c)<-[:FOR_CONDITION]-(r:Recommendation)-[:ABOUT_TREATMENT]->(t:Treatment)
    MATCH (r)-[:CITES]->(g:Guideline)${withGuidelineSupersession(["r", "t", "c", "conditionId"])}
    RETURN ${returnRecommendation(ALL, NO_ENDS, "guidelineSuperseded")} AS recommendation, conditionId AS appliesTo,
           t { .id, .name, .opioid, .invasivenessMax, .isClass,
               classIds: COLLECT { MATCH (t)-[:MEMBER_OF*1..3]->(k:Treatment) RETURN DISTINCT k.id } } AS treatment`;

/**
 * One statement for the ranking's inputs: a row per condition the ids and codes name (every condition once, with
 * what matched it), then a row per statement about them. The second part resolves the conditions again (a few
 * index seeks) rather than wait for the first: one round trip instead of two. A request naming an unknown condition
 * is an error, so the evidence read for it is never used; that is the rare case, and costs one statement.
 */
export const RESOLVE_WITH_EVIDENCE = /* cypher */ `
  CALL () {${MATCH_REQUESTED}
  }
  WITH c, collect(requested) AS matchedBy
  RETURN ${entityProjection("c")} AS condition, matchedBy, null AS recommendation, null AS appliesTo, null AS treatment
  UNION ALL
  CALL () {
    CALL () {${MATCH_REQUESTED}
    }
    WITH DISTINCT c.id AS conditionId${EVIDENCE_OF_CONDITION}
  }
  RETURN null AS condition, null AS matchedBy, recommendation, appliesTo, treatment`;

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

/** A statement about a requested condition (`appliesTo`), with its candidate treatment. */
type EvidenceStatement = {
  recommendation: RecommendationRecord;
  appliesTo: string;
  treatment: CandidateTreatment;
};

/** A row of RESOLVE_WITH_EVIDENCE: a condition (with matchedBy), or a statement (the other columns null). */
type EvidenceRow =
  | ({ condition: Record<string, unknown>; matchedBy: string[] } & NullColumns<EvidenceStatement>)
  | ({ condition: null; matchedBy: null } & EvidenceStatement);
type NullColumns<T> = { [K in keyof T]: null };

export interface ResolvedEvidence {
  resolved: ResolvedCondition[];
  records: Array<RecommendationRecord & { appliesTo: string }>;
  treatments: Map<string, CandidateTreatment>;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class RecommendRepository {
  constructor(private readonly db: Database) {}

  /**
   * The conditions the ids and codes name, and every statement about them (with the candidate treatments), in one
   * round trip. The statements come in (requested condition, statement id) order, as the ranking expects.
   */
  async resolveWithEvidence(
    ids: string[],
    codes: Array<{ system: string; key: string }>,
  ): Promise<ResolvedEvidence> {
    const rows = await this.db.read<EvidenceRow>(RESOLVE_WITH_EVIDENCE, { ids, codes });
    const resolved: ResolvedCondition[] = [];
    const evidence: EvidenceStatement[] = [];
    for (const row of rows) {
      if (row.condition === null) evidence.push(row);
      else resolved.push({ condition: nodeFromRow("Condition")(row.condition), matchedBy: row.matchedBy });
    }
    evidence.sort(
      (a, b) => compare(a.appliesTo, b.appliesTo) || compare(a.recommendation.id, b.recommendation.id),
    );
    return {
      resolved,
      records: evidence.map((row) => ({ ...row.recommendation, appliesTo: row.appliesTo })),
      treatments: new Map(evidence.map((row) => [row.treatment.id, row.treatment])),
    };
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
