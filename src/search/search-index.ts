/** The full-text index search reads: its name and the statement that creates it (run by the write model's schema). */
/** Names, aliases, codes and descriptions: search reads only its descriptions (and myth corrections). */
export const SEARCH_INDEX = "paingraph_search";

export const CREATE_SEARCH_INDEX = /* cypher */ `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS
     FOR (n:Condition|Treatment|Guideline|Discipline|Profession|Modality|ConditionGroup|Myth)
     ON EACH [n.name, n.title, n.myth, n.aliasesText, n.codesText, n.description, n.correction]`;

/** Names, codes and curated synonyms only, one Lucene field per kind, so each field can carry its own boost. */
export const NAMES_INDEX = "paingraph_names";

export const CREATE_NAMES_INDEX = /* cypher */ `CREATE FULLTEXT INDEX ${NAMES_INDEX} IF NOT EXISTS
     FOR (n:Condition|Treatment|Guideline|Discipline|Profession|Modality|ConditionGroup|Myth)
     ON EACH [n.name, n.title, n.myth, n.aliasesText, n.codesText,
              n.clinicalText, n.layText, n.brandText, n.misspellingText]`;
