/** Mutation inputs. Their values are checked by the seed's own rules (src/model), so curation and seed agree. */
import { Field, ID, InputType, Int } from "type-graphql";
import {
  ConditionCategory,
  ConfirmationStatus,
  Direction,
  DocumentType,
  GradingScheme,
  Jurisdiction,
  LinkBasis,
  Phase,
  RecommendationKind,
} from "../model/enums";

@InputType("PrevalenceInput", { description: "A cited prevalence figure." })
export class PrevalenceInput {
  @Field({ description: "The figure and its scope." })
  text!: string;
  @Field(() => [ID], { description: "Sources or guidelines that state it." })
  sourceIds!: string[];
  @Field(() => ConfirmationStatus, { description: "V or V2." })
  status!: ConfirmationStatus;
}

@InputType("ConditionInput", {
  description: "Condition fields; on update, omitted fields keep their values.",
})
export class ConditionInput {
  @Field(() => ID, { description: "condition:<slug>; on update, the condition to change." })
  id!: string;
  @Field(() => String, { nullable: true, description: "Reference row (C01…)." })
  refId?: string | null;
  @Field({ nullable: true, description: "Clinical name." })
  name?: string;
  @Field(() => [String], { nullable: true, description: "Lay terms." })
  aliases?: string[];
  @Field({ nullable: true, description: "Plain-words description." })
  description?: string;
  @Field(() => ConditionCategory, { nullable: true, description: "ACUTE, CHRONIC or EITHER." })
  category?: ConditionCategory;
  @Field(() => [String], {
    nullable: true,
    description: "ICD-10-CM codes (each identifies one condition only).",
  })
  icd10Codes?: string[];
  @Field(() => [String], { nullable: true, description: "SNOMED CT ids." })
  snomedCodes?: string[];
  @Field(() => [ID], { nullable: true, description: "Condition groups." })
  groupIds?: string[];
  @Field(() => PrevalenceInput, { nullable: true, description: "Cited prevalence, or null." })
  prevalence?: PrevalenceInput | null;
  @Field(() => ConfirmationStatus, { nullable: true, description: "V or V2." })
  status?: ConfirmationStatus;
}

@InputType("TreatmentInput", {
  description: "Treatment fields; on update, omitted fields keep their values.",
})
export class TreatmentInput {
  @Field(() => ID, { description: "treatment:<slug>; on update, the treatment to change." })
  id!: string;
  @Field(() => String, { nullable: true, description: "Reference row (T01…)." })
  refId?: string | null;
  @Field({ nullable: true, description: "Name." })
  name?: string;
  @Field(() => [String], { nullable: true, description: "Other names." })
  aliases?: string[];
  @Field({ nullable: true, description: "What it is." })
  description?: string;
  @Field(() => [String], { nullable: true, description: "Examples." })
  examples?: string[];
  @Field({ nullable: true, description: "True for opioids." })
  opioid?: boolean;
  @Field(() => Int, { nullable: true, description: "Least invasive form, 0–3." })
  invasivenessMin?: number;
  @Field(() => Int, { nullable: true, description: "Most invasive form, 0–3." })
  invasivenessMax?: number;
  @Field(() => [ID], { nullable: true, description: "Modalities." })
  modalityIds?: string[];
  @Field({ nullable: true, description: "True for a class of treatments." })
  isClass?: boolean;
  @Field(() => [ID], { nullable: true, description: "Classes it belongs to." })
  memberOfIds?: string[];
}

@InputType("GuidelineInput", {
  description: "Guideline fields; on update, omitted fields keep their values.",
})
export class GuidelineInput {
  @Field(() => ID, { description: "guideline:<slug>; on update, the guideline to change." })
  id!: string;
  @Field({ nullable: true, description: "Reference id (e.g. ACP2017)." })
  refId?: string;
  @Field({ nullable: true, description: "Full title." })
  title?: string;
  @Field({ nullable: true, description: "Issuing body." })
  publisher?: string;
  @Field(() => Int, { nullable: true, description: "Year." })
  year?: number;
  @Field(() => String, { nullable: true, description: "URL." })
  url?: string | null;
  @Field(() => String, { nullable: true, description: "DOI (10.xxxx/…)." })
  doi?: string | null;
  @Field({ nullable: true, description: "Grading system, verbatim." })
  gradingSystem?: string;
  @Field(() => GradingScheme, {
    nullable: true,
    description: "Grading family (decides the strength mapping).",
  })
  gradingScheme?: GradingScheme;
  @Field(() => DocumentType, { nullable: true, description: "Document type." })
  documentType?: DocumentType;
  @Field(() => Jurisdiction, { nullable: true, description: "Jurisdiction." })
  jurisdiction?: Jurisdiction;
  @Field(() => ID, { nullable: true, description: "The guideline that supersedes it." })
  supersededById?: string | null;
  @Field(() => ConfirmationStatus, { nullable: true, description: "V or V2." })
  status?: ConfirmationStatus;
}

@InputType("RecommendationInput", {
  description: "Recommendation fields; on update, omitted fields keep their values.",
})
export class RecommendationInput {
  @Field(() => ID, { description: "recommendation:<slug>; on update, the recommendation to change." })
  id!: string;
  @Field({ nullable: true, description: "Reference row (R001…)." })
  refRow?: string;
  @Field(() => ConfirmationStatus, { nullable: true, description: "V or V2." })
  refStatus?: ConfirmationStatus;
  @Field(() => ID, { nullable: true, description: "The guideline it cites (required on create)." })
  guidelineId?: string;
  @Field(() => ID, { nullable: true, description: "The treatment or class." })
  treatmentId?: string;
  @Field(() => ID, { nullable: true, description: "The condition." })
  conditionId?: string;
  @Field(() => Direction, { nullable: true, description: "FOR, AGAINST or NEUTRAL." })
  direction?: Direction;
  @Field({ nullable: true, description: "The guideline's grade, verbatim." })
  rawGrade?: string;
  @Field(() => RecommendationKind, { nullable: true, description: "Kind of statement." })
  kind?: RecommendationKind;
  @Field(() => Int, { nullable: true, description: "Line of therapy, where stated." })
  lineOfTherapy?: number | null;
  @Field(() => String, { nullable: true, description: "The guideline's wording about sequence." })
  lineNote?: string | null;
  @Field(() => [Phase], { nullable: true, description: "Phases in scope." })
  phases?: Phase[];
  @Field(() => String, { nullable: true, description: "Population restriction." })
  population?: string | null;
  @Field(() => [String], { nullable: true, description: "Prerequisites." })
  prerequisites?: string[];
  @Field({ nullable: true, description: "Only as part of a package." })
  adjunctOnly?: boolean;
  @Field({ nullable: true, description: "Plain-English statement." })
  statement?: string;
}

@InputType("DeliveryInput", { description: "A provider delivering a treatment, and why." })
export class DeliveryInput {
  @Field(() => ID, { description: "The discipline or profession." })
  providerId!: string;
  @Field(() => ID, { description: "The treatment." })
  treatmentId!: string;
  @Field(() => LinkBasis, { description: "CITED (give sourceIds) or CONVENTION." })
  basis!: LinkBasis;
  @Field(() => [ID], { defaultValue: [], description: "Sources for a CITED link." })
  sourceIds!: string[];
  @Field(() => String, { nullable: true, description: "A qualifying note." })
  note?: string | null;
}
