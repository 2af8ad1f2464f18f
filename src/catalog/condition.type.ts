/** A concrete pain condition, with its codes and lay names. */
import type { ConditionNode } from "../graph/node.records";
import { Field, Int, ObjectType } from "type-graphql";
import { ConditionCategory, ConfirmationStatus } from "../model/enums";
import { Node } from "../node/node.type";

@ObjectType("Condition", {
  // Hot leaf type: plain fields skip type-graphql's middleware wrapper (measured in BENCHMARKS.md).
  simpleResolvers: true,
  implements: Node,
  description:
    "A concrete pain condition (e.g. fibromyalgia), with ICD-10-CM and SNOMED CT codes and lay names.",
})
export class Condition extends Node implements Partial<ConditionNode> {
  @Field({ description: "Clinical name." })
  name!: string;

  @Field({ description: "What it is, in plain words." })
  description!: string;

  @Field(() => [String], {
    description: "Lay terms and synonyms people search with (e.g. 'sciatica', 'nerve pain').",
  })
  aliases!: string[];

  @Field(() => ConditionCategory, { description: "Typically acute, chronic, or either." })
  category!: ConditionCategory;

  @Field(() => [String], {
    description: "ICD-10-CM codes that identify it (each code identifies one condition only).",
  })
  icd10Codes!: string[];

  @Field(() => [String], { description: "SNOMED CT concept ids, where the reference confirmed them." })
  snomedCodes!: string[];

  @Field(() => String, { nullable: true, description: "Row of PainGraph's curated reference (e.g. C07)." })
  refId!: string | null;

  @Field(() => ConfirmationStatus, { description: "How firmly its definition and codes were confirmed." })
  status!: ConfirmationStatus;
}

@ObjectType("OveruseThreshold", {
  description: "An ICHD-3 threshold of medication-overuse headache: how often a drug taken for how long.",
})
export class OveruseThreshold {
  @Field({ description: "The drugs it counts." })
  medication!: string;

  @Field(() => Int, { description: "Days of use per month at or above which use counts as overuse." })
  daysPerMonth!: number;

  @Field(() => Int, { description: "For more than this many months." })
  months!: number;

  @Field({ description: "The ICHD-3 criterion in plain words." })
  statement!: string;

  @Field({ description: "Row of PainGraph's patient-safety reference (e.g. P058)." })
  refRow!: string;

  @Field(() => ConfirmationStatus, { description: "How firmly the row was confirmed." })
  status!: ConfirmationStatus;
}

@ObjectType("Prevalence", { description: "How common a condition is, as a cited statement." })
export class Prevalence {
  @Field({ description: "The figure and its scope, as the source states it." })
  text!: string;

  @Field(() => ConfirmationStatus, { description: "How firmly the figure was confirmed." })
  status!: ConfirmationStatus;
}
