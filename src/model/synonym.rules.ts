/** Cross-record rules of the search vocabulary. */
import type { RuleContext } from "./rule-context";

/** One vocabulary record per entity, naming a condition or treatment; a term appears once per entity. */
export function checkSynonyms(context: RuleContext): void {
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
