/**
 * PainGraph's condition search as one statement (full-text, plus an exactly typed code ranked first), shared by
 * the Cypher floor and the @neo4j/graphql server so both run the same search. Binds `node` and `score`, best first.
 */
export const RANKED_CONDITION_HITS = /* cypher */ `
  CALL () {
    WITH $lucene AS lucene WHERE lucene IS NOT NULL
    CALL db.index.fulltext.queryNodes('paingraph_search', lucene, {limit: 50}) YIELD node, score
    RETURN node, score
    UNION
    MATCH (:Code {key: $codeKey})-[:IDENTIFIES]->(node:Condition)
    RETURN node, 1000.0 AS score
  }
  WITH node, max(score) AS score
  WHERE node:Condition
  WITH node, score ORDER BY score DESC, node.id LIMIT $first`;
