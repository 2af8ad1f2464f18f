/** Full-text search over names, aliases, codes and descriptions, plus exact code matches ranked first. */
import type { Database } from "../neo4j/database";
import type { EntityRecord } from "../graph/entity.model";
import { entityFromRow, entityProjection } from "../graph/entity.repository";
import { SEARCH_INDEX } from "./search-index";

/** A code typed exactly (any case, with or without its dot) outranks every text match. */
const EXACT_CODE_SCORE = 1000;

export const SEARCH = /* cypher */ `
  CALL () {
    WITH $lucene AS lucene WHERE lucene IS NOT NULL
    CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', lucene, {limit: $candidates}) YIELD node, score
    RETURN node, score
    UNION
    MATCH (:Code {key: $codeKey})-[:IDENTIFIES]->(node:Condition)
    RETURN node, ${EXACT_CODE_SCORE}.0 AS score
  }
  WITH node, max(score) AS score
  WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
  RETURN ${entityProjection("node")} AS node, score
  ORDER BY score DESC, node.id
  LIMIT $first`;

export interface SearchHitRecord {
  node: EntityRecord;
  score: number;
}

export interface SearchRequest {
  lucene: string | null;
  codeKey: string | null;
  labels: string[] | null;
  first: number;
}

export class SearchRepository {
  constructor(private readonly db: Database) {}

  async search(request: SearchRequest): Promise<SearchHitRecord[]> {
    if (request.lucene === null && request.codeKey === null) return [];
    const rows = await this.db.read<{ node: Record<string, unknown>; score: number }>(SEARCH, {
      ...request,
      candidates: Math.max(50, request.first * 5),
    });
    return rows.map((row) => ({ node: entityFromRow(row.node), score: Math.round(row.score * 1000) / 1000 }));
  }
}
