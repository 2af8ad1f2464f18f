/**
 * Search candidates from Lucene: the names index (names, codes, synonyms by kind, each field boosted), the
 * descriptions (only where every word is present) and an exactly typed code. Each comes with its vocabulary,
 * not its whole record: relevance.ts scores it, and only the hits returned are loaded (or none, when the selection
 * reads nothing but `name`: search.resolver.ts).
 */
import type { Database } from "../neo4j/database";
import { NAMES_INDEX, SEARCH_INDEX } from "./search-index";
import type { SearchCandidate } from "./vocabulary";

export const SEARCH_CANDIDATES = /* cypher */ `
  CALL () {
    WITH $names AS query WHERE query IS NOT NULL
    CALL db.index.fulltext.queryNodes('${NAMES_INDEX}', query, {limit: $limit}) YIELD node
    RETURN node, null AS code, false AS viaDescription
    UNION
    WITH $descriptions AS query WHERE query IS NOT NULL
    CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', query, {limit: $limit}) YIELD node
    RETURN node, null AS code, true AS viaDescription
    UNION
    MATCH (c:Code {key: $codeKey})-[:IDENTIFIES]->(node:Condition)
    RETURN node, c.code AS code, false AS viaDescription
  }
  WITH node, max(code) AS matchedCode, any(flag IN collect(viaDescription) WHERE flag) AS viaDescription
  WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
  RETURN node.id AS id,
         [label IN labels(node) WHERE label <> 'Entity'][0] AS label,
         coalesce(node.name, node.title, node.myth) AS name,
         node.name AS storedName,
         coalesce(node.aliases, []) AS aliases,
         coalesce(node.synonymTerms, []) AS synonymTerms,
         coalesce(node.synonymKinds, []) AS synonymKinds,
         coalesce(node.icd10Codes, []) + coalesce(node.snomedCodes, []) AS codes,
         COUNT { (node)<-[:ABOUT_TREATMENT|FOR_CONDITION]-() } AS popularity,
         matchedCode, viaDescription`;

export interface CandidateRequest {
  /** Lucene query over the names index; null to skip it. */
  names: string | null;
  /** Lucene query over descriptions; null to skip it. */
  descriptions: string | null;
  codeKey: string | null;
  labels: string[] | null;
  limit: number;
}

export class SearchRepository {
  constructor(private readonly db: Database) {}

  async candidates(request: CandidateRequest): Promise<SearchCandidate[]> {
    if (request.names === null && request.descriptions === null && request.codeKey === null) return [];
    return this.db.read<SearchCandidate & Record<string, unknown>>(SEARCH_CANDIDATES, { ...request });
  }
}
