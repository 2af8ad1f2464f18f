/** The full-text index search reads: its name and the statement that creates it (run by the write model's schema). */
export const SEARCH_INDEX = "paingraph_search";

export const CREATE_SEARCH_INDEX = /* cypher */ `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS
     FOR (n:Condition|Treatment|Guideline|Discipline|Profession|Modality|ConditionGroup|Myth)
     ON EACH [n.name, n.title, n.myth, n.aliasesText, n.codesText, n.description, n.correction]`;
