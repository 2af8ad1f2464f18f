/** Rebuilds the seed files' records from stored properties: same keys, same order, nulls restored. */
import type { SeedPart, SeedSet } from "../model/seed-set";
import { SEED_FILES } from "../model/seed-set";
import { type ExportPart, ExportRepository } from "./export.repository";

type Stored = Record<string, unknown>;

/** Picks keys in order; a missing optional value (the loader does not store nulls) comes back as null. */
function pick(stored: Stored, keys: readonly string[]): Stored {
  return Object.fromEntries(keys.map((key) => [key, stored[key] ?? null]));
}

export const KEYS: Record<SeedPart, readonly string[]> = {
  conditionGroups: ["id", "name", "description", "articleOrder"],
  conditions: [
    "id",
    "refId",
    "name",
    "aliases",
    "description",
    "category",
    "icd10Codes",
    "snomedCodes",
    "groupIds",
    "prevalence",
    "status",
    "parentIds",
    "attackDisorder",
    "relatedCodes",
    "overuseThresholds",
  ],
  modalities: ["id", "name", "description", "articleExamples", "fromArticle"],
  treatments: [
    "id",
    "refId",
    "name",
    "aliases",
    "description",
    "examples",
    "opioid",
    "invasivenessMin",
    "invasivenessMax",
    "modalityIds",
    "isClass",
    "memberOfIds",
  ],
  disciplines: ["id", "name", "aliases", "description", "fromArticle", "sourceIds"],
  professions: ["id", "name", "aliases", "description", "fromArticle", "sourceIds"],
  careLinks: ["from", "type", "to", "basis", "sourceIds", "note"],
  guidelines: [
    "id",
    "refId",
    "title",
    "publisher",
    "year",
    "url",
    "doi",
    "gradingSystem",
    "gradingScheme",
    "documentType",
    "jurisdiction",
    "supersededById",
    "status",
  ],
  sources: ["id", "refId", "title", "year", "url", "doi", "status"],
  recommendations: [
    "id",
    "refRow",
    "refStatus",
    "guidelineId",
    "treatmentId",
    "conditionId",
    "direction",
    "rawGrade",
    "kind",
    "lineOfTherapy",
    "lineNote",
    "phases",
    "population",
    "prerequisites",
    "adjunctOnly",
    "statement",
    "line",
    "followsTreatmentIds",
    "followsNonOpioids",
    "excludedMemberIds",
    "evidenceQuality",
    "intent",
    "supersededById",
    "subpopulation",
    "minAgeYears",
  ],
  myths: ["id", "myth", "verdict", "correction", "nuance", "facts"],
  statistics: [
    "id",
    "year",
    "metric",
    "value",
    "percent",
    "count",
    "population",
    "definition",
    "sourceId",
    "status",
  ],
  synonyms: ["entityId", "synonyms"],
  precautions: [
    "id",
    "refRow",
    "refStatus",
    "kind",
    "treatmentId",
    "excludedMemberIds",
    "drugs",
    "coversTreatmentIds",
    "factorText",
    "factorGroups",
    "statement",
    "source",
    "year",
    "yearText",
    "urls",
    "lowQuality",
    "adultsOnly",
    "exceptPhases",
    "note",
  ],
};

const RESHAPE: Partial<Record<SeedPart, (stored: Stored) => Stored>> = {
  conditions: (stored) => ({
    ...stored,
    prevalence: stored.prevalenceText
      ? {
          text: stored.prevalenceText,
          sourceIds: stored.prevalenceSourceIds,
          status: stored.prevalenceStatus,
        }
      : null,
    overuseThresholds: JSON.parse((stored.overuseThresholdsJson as string | undefined) ?? "[]") as unknown,
  }),
  synonyms: (stored) => ({
    ...stored,
    // A reason is written only where the file has one (curated synonyms).
    synonyms: (stored.synonyms as Stored[]).map(({ reason, ...synonym }) =>
      reason
        ? { ...pick(synonym, ["term", "kind", "source"]), reason }
        : pick(synonym, ["term", "kind", "source"]),
    ),
  }),
  precautions: (stored) => ({
    ...stored,
    factorGroups: JSON.parse((stored.factorGroupsJson as string | undefined) ?? "[]") as unknown,
  }),
  myths: (stored) => ({
    ...stored,
    facts: (stored.facts as Stored[]).map((fact) => pick(fact, ["text", "sourceIds", "status"])),
  }),
};

export async function exportSeedSet(repository: ExportRepository): Promise<SeedSet> {
  const parts = await Promise.all(
    (Object.keys(SEED_FILES) as SeedPart[]).map(async (part) => {
      const rows = await repository.read(part as ExportPart);
      const reshape = RESHAPE[part] ?? ((stored: Stored) => stored);
      return [part, rows.map((row) => pick(reshape(row), KEYS[part]))] as const;
    }),
  );
  return Object.fromEntries(parts) as unknown as SeedSet;
}

/** The exact text of each seed file for a set: what `npm run export` writes and the loader checksums. */
export function seedFileTexts(set: SeedSet): Record<string, string> {
  return Object.fromEntries(
    (Object.entries(SEED_FILES) as Array<[SeedPart, string]>).map(([part, file]) => [
      file,
      `${JSON.stringify(set[part], null, 2)}\n`,
    ]),
  );
}
