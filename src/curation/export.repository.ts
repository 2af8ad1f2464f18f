/**
 * Reads the whole curated graph back into the seed files' shape (the inverse of seed/graph-plan.ts), in file
 * order (each record's stored position), so an export is a reviewable diff of the files.
 */
import type { Database, Params, Row, WriteTransaction } from "../neo4j/database";

/** Where an export reads: the database, or a running transaction (a snapshot under the release lock). */
export interface Reader {
  read<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
}

/** Reads inside a transaction: every statement sees the graph as the transaction's locks keep it. */
export function readerOf(tx: WriteTransaction): Reader {
  return { read: <T extends Row>(cypher: string, params?: Params) => tx.run<T>(cypher, params) };
}

const ids = (pattern: string) => `COLLECT { MATCH ${pattern} RETURN other.id ORDER BY link.position }`;

export const EXPORT_QUERIES = {
  conditionGroups: `MATCH (n:ConditionGroup) RETURN n {.*} AS node ORDER BY n.position`,
  conditions: `
    MATCH (n:Condition)
    RETURN n {.*,
      groupIds: ${ids("(n)-[link:IN_GROUP]->(other)")},
      prevalenceSourceIds: COLLECT { MATCH (n)-[link:CITES]->(other) WHERE link.about = 'prevalence' RETURN other.id ORDER BY link.position }
    } AS node ORDER BY n.position`,
  modalities: `MATCH (n:Modality) RETURN n {.*} AS node ORDER BY n.position`,
  treatments: `
    MATCH (n:Treatment)
    RETURN n {.*, modalityIds: ${ids("(n)-[link:HAS_MODALITY]->(other)")}, memberOfIds: ${ids("(n)-[link:MEMBER_OF]->(other)")}} AS node
    ORDER BY n.position`,
  disciplines: `MATCH (n:Discipline) RETURN n {.*, sourceIds: ${ids("(n)-[link:CITES]->(other)")}} AS node ORDER BY n.position`,
  professions: `MATCH (n:Profession) RETURN n {.*, sourceIds: ${ids("(n)-[link:CITES]->(other)")}} AS node ORDER BY n.position`,
  careLinks: `
    MATCH (a)-[link:DELIVERS|MANAGES|WORKS_WITH]->(b)
    RETURN {from: a.id, type: type(link), to: b.id, basis: link.basis, sourceIds: link.sourceIds, note: link.note} AS node
    ORDER BY link.position`,
  guidelines: `
    MATCH (n:Guideline)
    RETURN n {.*, supersededById: COLLECT { MATCH (n)-[:SUPERSEDED_BY]->(other) RETURN other.id }[0]} AS node ORDER BY n.position`,
  sources: `MATCH (n:Source) RETURN n {.*} AS node ORDER BY n.position`,
  recommendations: `
    MATCH (n:Recommendation)-[:CITES]->(g:Guideline)
    MATCH (n)-[:ABOUT_TREATMENT]->(t:Treatment)
    MATCH (n)-[:FOR_CONDITION]->(c:Condition)
    RETURN n {.*, guidelineId: g.id, treatmentId: t.id, conditionId: c.id} AS node ORDER BY n.position`,
  myths: `
    MATCH (n:Myth)
    RETURN n {.*, facts: COLLECT {
      MATCH (n)-[:HAS_FACT]->(fact:MythFact)
      WITH fact ORDER BY fact.position
      RETURN fact {.text, .status, sourceIds: COLLECT { MATCH (fact)-[link:CITES]->(other) RETURN other.id ORDER BY link.position }}
    }} AS node ORDER BY n.position`,
  statistics: `
    MATCH (n:Statistic)
    RETURN n {.*, sourceId: COLLECT { MATCH (n)-[:CITES]->(other) RETURN other.id }[0]} AS node ORDER BY n.position`,
  synonyms: `
    MATCH (n:Condition|Treatment) WHERE n.synonymTerms IS NOT NULL
    RETURN {entityId: n.id, synonyms: [i IN range(0, size(n.synonymTerms) - 1) | {
      term: n.synonymTerms[i], kind: n.synonymKinds[i], source: n.synonymSources[i], reason: n.synonymReasons[i]
    }]} AS node
    ORDER BY n.synonymOrder`,
  precautions: `
    MATCH (n:Precaution)-[:CONCERNS]->(t:Treatment)
    RETURN n {.*, treatmentId: t.id} AS node ORDER BY n.position`,
} as const;
export type ExportPart = keyof typeof EXPORT_QUERIES;

export class ExportRepository {
  constructor(private readonly db: Database | Reader) {}

  /** The stored properties of every record of one part, in file order. */
  async read(part: ExportPart): Promise<Array<Record<string, unknown>>> {
    const rows = await this.db.read<{ node: Record<string, unknown> }>(EXPORT_QUERIES[part]);
    return rows.map((row) => row.node);
  }
}
