/** The recommendation filter, shared by Condition.recommendations, Treatment.recommendations and Guideline.recommendations. */
import { Field, ID, InputType } from "type-graphql";
import { Direction, Jurisdiction, Phase, RecommendationKind, Strength } from "../model/enums";
import { NO_CRITERIA, type RecommendationCriteria } from "./recommendation.model";

@InputType("RecommendationFilter", { description: "Restrict recommendations; every given field must match." })
export class RecommendationFilter {
  @Field(() => [Direction], { nullable: true, description: "Only these directions." })
  directions?: Direction[] | null;

  @Field(() => Strength, {
    nullable: true,
    description: "At least this strength (STRONG > CONDITIONAL > UNGRADED).",
  })
  minStrength?: Strength | null;

  @Field(() => [RecommendationKind], { nullable: true, description: "Only these kinds." })
  kinds?: RecommendationKind[] | null;

  @Field(() => Phase, {
    nullable: true,
    description: "Only statements that apply in this phase (ANY-scoped ones always do).",
  })
  phase?: Phase | null;

  @Field(() => [ID], { nullable: true, description: "Only statements of these guidelines." })
  guidelineIds?: string[] | null;

  @Field(() => [Jurisdiction], {
    nullable: true,
    description: "Only statements of guidelines from these jurisdictions.",
  })
  jurisdictions?: Jurisdiction[] | null;

  @Field({
    defaultValue: true,
    description: "Include statements of superseded guidelines (marked superseded: true).",
  })
  includeSuperseded!: boolean;
}

const AT_LEAST: Record<Strength, Strength[]> = {
  [Strength.STRONG]: [Strength.STRONG],
  [Strength.CONDITIONAL]: [Strength.STRONG, Strength.CONDITIONAL],
  [Strength.UNGRADED]: [Strength.STRONG, Strength.CONDITIONAL, Strength.UNGRADED],
};

export function toCriteria(filter: RecommendationFilter | null | undefined): RecommendationCriteria {
  if (!filter) return NO_CRITERIA;
  return {
    directions: filter.directions ?? null,
    strengths: filter.minStrength ? AT_LEAST[filter.minStrength] : null,
    kinds: filter.kinds ?? null,
    phase: filter.phase ?? null,
    guidelineIds: filter.guidelineIds ?? null,
    jurisdictions: filter.jurisdictions ?? null,
    includeSuperseded: filter.includeSuperseded ?? true,
  };
}
