/** The recommendation filter, shared by Condition.recommendations, Treatment.recommendations and Guideline.recommendations. */
import { Field, ID, InputType } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { foldedEnds, projectionOf } from "../graph/projection";
import { foldable } from "../graph/selection";
import { Direction, Jurisdiction, Phase, RecommendationKind, Strength } from "../model/enums";
import {
  NO_CRITERIA,
  RECOMMENDATION_ENDS,
  type RecommendationCriteria,
  type RecommendationRead,
} from "./recommendation.model";

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

/**
 * The read of a `recommendations` field `path` below the current one (e.g. ["edges", "node", "recommendations"])
 * when a parent's statement can answer it for its resolver (foldable: no filter, one response name), else null.
 * It equals the read that resolver asks its loader for, so a loader primed with it answers without a statement.
 */
export function foldedRecommendationRead(
  info: GraphQLResolveInfo,
  path: readonly string[],
): RecommendationRead | null {
  if (!foldable(info, path.at(-1)!, path.slice(0, -1))) return null;
  return {
    criteria: toCriteria(null),
    projection: projectionOf(info, path),
    ends: foldedEnds(info, RECOMMENDATION_ENDS, path),
  };
}
