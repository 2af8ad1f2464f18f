/**
 * One record type per node label, as the repositories return it: the stored properties (the seed record's
 * fields, minus what became relationships, plus what the graph plan derives) and the GraphQL type name.
 * Resolvers take these as their roots, so a property read is checked by the compiler, not cast.
 */
import type {
  CareProviderRecord,
  ConditionGroupRecord,
  ConditionRecord,
  GuidelineRecord,
  ModalityRecord,
  MythRecord,
  RecommendationRecord,
  SourceRecord,
  StatisticRecord,
  TreatmentRecord,
} from "../model/records";
import type { PrecautionRecord } from "../model/precaution.records";
import type { ConfirmationStatus, Strength, SynonymKind } from "../model/enums";

/** Every stored node: its id, its position in its seed file, and the GraphQL type its label names. */
interface Stored<Typename extends string> {
  id: string;
  __typename: Typename;
  position?: number;
}

/** Curated synonyms, stored on conditions and treatments as parallel lists (see write-model/graph-plan.ts). */
export interface SynonymProperties {
  synonymTerms?: string[];
  synonymKinds?: SynonymKind[];
  synonymSources?: string[];
  synonymReasons?: string[];
}

export interface ConditionNode
  extends
    Stored<"Condition">,
    Omit<ConditionRecord, "id" | "groupIds" | "prevalence" | "overuseThresholds">,
    SynonymProperties {
  /** The ICHD-3 thresholds as one JSON text: nested records cannot be node properties. */
  overuseThresholdsJson?: string;
  prevalenceText?: string;
  prevalenceStatus?: ConfirmationStatus;
}

export interface ConditionGroupNode extends Stored<"ConditionGroup">, Omit<ConditionGroupRecord, "id"> {}

export interface ModalityNode extends Stored<"Modality">, Omit<ModalityRecord, "id"> {}

export interface TreatmentNode
  extends
    Stored<"Treatment">,
    Omit<TreatmentRecord, "id" | "modalityIds" | "memberOfIds">,
    SynonymProperties {}

export interface DisciplineNode extends Stored<"Discipline">, Omit<CareProviderRecord, "id" | "sourceIds"> {}

export interface ProfessionNode extends Stored<"Profession">, Omit<CareProviderRecord, "id" | "sourceIds"> {}

export interface GuidelineNode extends Stored<"Guideline">, Omit<GuidelineRecord, "id" | "supersededById"> {}

export interface SourceNode extends Stored<"Source">, Omit<SourceRecord, "id"> {}

export interface RecommendationNode
  extends
    Stored<"Recommendation">,
    Omit<RecommendationRecord, "id" | "guidelineId" | "treatmentId" | "conditionId"> {
  gradingSystem: string;
  strength: Strength;
}

export interface MythNode extends Stored<"Myth">, Omit<MythRecord, "id" | "facts"> {}

export interface StatisticNode extends Stored<"Statistic">, Omit<StatisticRecord, "id" | "sourceId"> {}

/** A cited safety statement: its factor groups travel as one JSON text (nested lists cannot be node properties). */
export interface PrecautionNode
  extends Stored<"Precaution">, Omit<PrecautionRecord, "id" | "factorGroups" | "year" | "note"> {
  year: number | null;
  note: string | null;
  factorGroupsJson: string;
}

/** A node the API does not expose as a type of its own (a myth's fact, a code). */
export interface UnexposedNode {
  id: string;
  __typename: null;
  [property: string]: unknown;
}

export type DisciplineOrProfessionNode = DisciplineNode | ProfessionNode;
export type CitableNode = GuidelineNode | SourceNode;
