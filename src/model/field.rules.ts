/** Field-level validation of raw seed records with the class-validator record classes. */
import { validateSync, type ValidationError } from "class-validator";
import {
  CareLinkRecord,
  CareProviderRecord,
  ConditionGroupRecord,
  ConditionRecord,
  EntitySynonymsRecord,
  GuidelineRecord,
  ModalityRecord,
  MythFactRecord,
  MythRecord,
  OveruseThresholdRecord,
  PrevalenceRecord,
  RecommendationRecord,
  SourceRecord,
  StatisticRecord,
  SynonymRecord,
  TreatmentRecord,
} from "./records";
import { PatientFactorRecord, PrecautionRecord } from "./precaution.records";
import { SEED_FILES, type Problem, type SeedPart, type SeedSet } from "./seed-set";

type RecordClass = new () => object;

const CLASS_OF: Readonly<Record<SeedPart, RecordClass>> = {
  conditionGroups: ConditionGroupRecord,
  conditions: ConditionRecord,
  modalities: ModalityRecord,
  treatments: TreatmentRecord,
  disciplines: CareProviderRecord,
  professions: CareProviderRecord,
  careLinks: CareLinkRecord,
  guidelines: GuidelineRecord,
  sources: SourceRecord,
  recommendations: RecommendationRecord,
  myths: MythRecord,
  statistics: StatisticRecord,
  synonyms: EntitySynonymsRecord,
  precautions: PrecautionRecord,
};

/** Validates one record against a class's rules; the problems name the record and field. */
export function validateRecord(
  Class: RecordClass,
  raw: unknown,
  file: string,
  recordId: string | null,
): Problem[] {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return [{ file, recordId, field: null, message: "must be a JSON object" }];
  }
  const instance = Object.assign(new Class(), raw);
  const problems = validateSync(instance, {
    forbidUnknownValues: true,
    whitelist: true,
    forbidNonWhitelisted: true,
  }).flatMap((error) => toProblems(error, file, recordId));
  return problems.concat(validateNested(instance, file, recordId));
}

function validateNested(instance: object, file: string, recordId: string | null): Problem[] {
  if (instance instanceof ConditionRecord) {
    const prevalence = instance.prevalence
      ? prefixed(validateRecord(PrevalenceRecord, instance.prevalence, file, recordId), "prevalence")
      : [];
    const thresholds = (instance.overuseThresholds ?? []).flatMap((threshold, index) =>
      prefixed(
        validateRecord(OveruseThresholdRecord, threshold, file, recordId),
        `overuseThresholds[${index}]`,
      ),
    );
    return [...prevalence, ...thresholds];
  }
  if (instance instanceof MythRecord && Array.isArray(instance.facts)) {
    return instance.facts.flatMap((fact, index) =>
      prefixed(validateRecord(MythFactRecord, fact, file, recordId), `facts[${index}]`),
    );
  }
  if (instance instanceof EntitySynonymsRecord && Array.isArray(instance.synonyms)) {
    return instance.synonyms.flatMap((synonym, index) =>
      prefixed(validateRecord(SynonymRecord, synonym, file, recordId), `synonyms[${index}]`),
    );
  }
  if (instance instanceof PrecautionRecord && Array.isArray(instance.factorGroups)) {
    return instance.factorGroups.flatMap((group, g) =>
      Array.isArray(group) && group.length > 0
        ? group.flatMap((factor, f) =>
            prefixed(validateRecord(PatientFactorRecord, factor, file, recordId), `factorGroups[${g}][${f}]`),
          )
        : [{ file, recordId, field: `factorGroups[${g}]`, message: "must be a non-empty array of factors" }],
    );
  }
  return [];
}

function prefixed(problems: Problem[], prefix: string): Problem[] {
  return problems.map((problem) => ({
    ...problem,
    field: problem.field ? `${prefix}.${problem.field}` : prefix,
  }));
}

function toProblems(error: ValidationError, file: string, recordId: string | null): Problem[] {
  const messages = Object.values(error.constraints ?? {});
  const value = JSON.stringify(error.value);
  return messages.map((message) => ({
    file,
    recordId,
    field: error.property,
    message: `${message}${value === undefined ? "" : ` (got ${truncate(value)})`}`,
  }));
}

const truncate = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

/** Checks every file's shape and records; returns the typed set only when nothing is wrong. */
export function validateFields(raw: Readonly<Record<SeedPart, unknown>>): {
  set: SeedSet | null;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  for (const part of Object.keys(SEED_FILES) as SeedPart[]) {
    const file = SEED_FILES[part];
    const records = raw[part];
    if (!Array.isArray(records)) {
      problems.push({ file, recordId: null, field: null, message: "must hold a JSON array of records" });
      continue;
    }
    records.forEach((record, index) => {
      problems.push(...validateRecord(CLASS_OF[part], record, file, recordIdOf(record, index)));
    });
  }
  return { set: problems.length === 0 ? (raw as unknown as SeedSet) : null, problems };
}

function recordIdOf(record: unknown, index: number): string {
  const id = (record as { id?: unknown; entityId?: unknown } | null)?.id;
  if (typeof id === "string") return id;
  const entityId = (record as { entityId?: unknown } | null)?.entityId;
  if (typeof entityId === "string") return entityId;
  const link = record as { from?: unknown; type?: unknown; to?: unknown } | null;
  if (typeof link?.from === "string" && typeof link.to === "string")
    return `${link.from} ${String(link.type)} ${link.to}`;
  return `#${index}`;
}
