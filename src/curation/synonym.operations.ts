/** Curating the search vocabulary: add or remove one synonym of a condition or treatment, as a SeedSet edit. */
import { BadUserInputError, NotFoundError } from "../errors";
import type { SynonymRecord } from "../model/records";
import type { Operation } from "./operations";

const sameTerm = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function addSynonymOperation(entityId: string, synonym: SynonymRecord): Operation {
  return {
    name: "add:synonyms",
    entityId,
    apply(set) {
      let record = set.synonyms.find((entry) => entry.entityId === entityId);
      const before = record ? structuredClone(record) : null;
      if (record?.synonyms.some((existing) => sameTerm(existing.term, synonym.term)))
        throw new BadUserInputError(
          `"input.term": "${synonym.term}" is already a synonym of ${entityId}`,
          "input.term",
        );
      if (!record) {
        record = { entityId, synonyms: [] };
        set.synonyms.push(record);
      }
      record.synonyms.push(synonym);
      return { before, after: structuredClone(record), removedIds: [] };
    },
  };
}

export function removeSynonymOperation(entityId: string, term: string): Operation {
  return {
    name: "remove:synonyms",
    entityId,
    apply(set) {
      const record = set.synonyms.find((entry) => entry.entityId === entityId);
      if (!record?.synonyms.some((existing) => sameTerm(existing.term, term)))
        throw new NotFoundError(`"${term}" is not a synonym of ${entityId}`);
      const before = structuredClone(record);
      record.synonyms = record.synonyms.filter((existing) => !sameTerm(existing.term, term));
      if (record.synonyms.length === 0) set.synonyms = set.synonyms.filter((entry) => entry !== record);
      return { before, after: record.synonyms.length > 0 ? structuredClone(record) : null, removedIds: [] };
    },
  };
}
