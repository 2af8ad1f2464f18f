/** The whole curated data set as the seed files hold it: one array per file. */
import type {
  CareLinkRecord,
  CareProviderRecord,
  ConditionGroupRecord,
  ConditionRecord,
  EntitySynonymsRecord,
  GuidelineRecord,
  ModalityRecord,
  MythRecord,
  RecommendationRecord,
  SourceRecord,
  StatisticRecord,
  TreatmentRecord,
} from "./records";
import type { PrecautionRecord } from "./precaution.records";

export interface SeedSet {
  conditionGroups: ConditionGroupRecord[];
  conditions: ConditionRecord[];
  modalities: ModalityRecord[];
  treatments: TreatmentRecord[];
  disciplines: CareProviderRecord[];
  professions: CareProviderRecord[];
  careLinks: CareLinkRecord[];
  guidelines: GuidelineRecord[];
  sources: SourceRecord[];
  recommendations: RecommendationRecord[];
  myths: MythRecord[];
  statistics: StatisticRecord[];
  synonyms: EntitySynonymsRecord[];
  precautions: PrecautionRecord[];
}

export type SeedPart = keyof SeedSet;

/** Where each part lives under seed/data/. */
export const SEED_FILES: Readonly<Record<SeedPart, string>> = {
  conditionGroups: "condition-groups.json",
  conditions: "conditions.json",
  modalities: "modalities.json",
  treatments: "treatments.json",
  disciplines: "disciplines.json",
  professions: "professions.json",
  careLinks: "care-links.json",
  guidelines: "guidelines.json",
  sources: "sources.json",
  recommendations: "recommendations.json",
  myths: "myths.json",
  statistics: "statistics.json",
  synonyms: "synonyms.json",
  precautions: "precautions.json",
};

/** One thing wrong with the data, precise enough to fix: file, record id and field. */
export interface Problem {
  file: string;
  recordId: string | null;
  field: string | null;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = [problem.recordId, problem.field].filter(Boolean).join(" → ");
  return `${problem.file}${where ? `: ${where}` : ""}: ${problem.message}`;
}
