/** The result of recommendTreatments around its items: conditions, weights, aged guidelines, disclaimer. */
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Condition } from "../catalog/condition.type";
import { Phase, TreatmentIntent } from "../model/enums";
import { ExcludedTreatment, RankedTreatment } from "./recommend.type";

@ObjectType("AgedGuideline", { description: "A guideline more than ten years old, and its age." })
export class AgedGuideline {
  @Field(() => ID, { description: "The guideline's id." })
  guidelineId!: string;

  @Field(() => Int, { description: "Its publication year." })
  year!: number;

  @Field(() => Int, { description: "asOfYear − year." })
  ageYears!: number;

  @Field(() => Int, { description: "The year of the data release the age is counted from." })
  asOfYear!: number;
}

@ObjectType("RankingWeights", { description: "The weights a ranking used, one per factor." })
export class RankingWeights {
  @Field(() => Float, { description: "STRENGTH weight." })
  strength!: number;
  @Field(() => Float, { description: "BALANCE weight." })
  balance!: number;
  @Field(() => Float, { description: "BREADTH weight." })
  breadth!: number;
  @Field(() => Float, { description: "LINE_OF_THERAPY weight." })
  lineOfTherapy!: number;
  @Field(() => Float, { description: "EVIDENCE_QUALITY weight." })
  evidenceQuality!: number;
  @Field(() => Float, { description: "COVERAGE weight." })
  coverage!: number;
  @Field(() => Float, { description: "OPIOID_SPARING weight." })
  opioidSparing!: number;
  @Field(() => Float, { description: "LEAST_INVASIVE weight." })
  leastInvasive!: number;
}

@ObjectType("RequestedCondition", {
  description: "A condition the ranking was computed for, and the phase used.",
})
export class RequestedCondition {
  @Field(() => Condition, { description: "The condition." })
  condition!: Condition;

  @Field(() => Phase, { description: "The phase its statements had to apply to." })
  phase!: Phase;
}

@ObjectType("RecommendationResult", {
  description: "Ranked treatments for one or more conditions, with reasons, citations and a disclaimer.",
})
export class RecommendationResult {
  @Field(() => [RequestedCondition], {
    description: "The conditions ranked for, with the phase used for each.",
  })
  conditions!: RequestedCondition[];

  @Field(() => [RankedTreatment], { description: "The ranked treatments, best first." })
  items!: RankedTreatment[];

  @Field(() => [ExcludedTreatment], {
    description: "Treatments left out, each with its reason (e.g. not recommended).",
  })
  excluded!: ExcludedTreatment[];

  @Field(() => RankingWeights, { description: "The weights used." })
  weightsUsed!: RankingWeights;

  @Field({
    description: "Plain-language disclaimer to show with the ranking: information, not medical advice.",
  })
  disclaimer!: string;

  @Field(() => TreatmentIntent, {
    nullable: true,
    description:
      "The intent used for the request's attack disorders (ACUTE by default); null when it has none.",
  })
  intentUsed!: TreatmentIntent | null;

  @Field(() => [String], {
    description: "Plain-language notes on choices made for the request (e.g. the default intent).",
  })
  notes!: string[];

  @Field(() => [AgedGuideline], {
    description:
      "Guidelines more than ten years old among the listed items' statements, with their age counted from the " +
      "data release's date (not the clock). Still in force, but read with their age in mind.",
  })
  agedGuidelines!: AgedGuideline[];
}
