/** Recommendation: what it is about, whom it cites, what it conflicts with. */
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { projectionOf } from "../graph/projection";
import { Condition } from "../catalog/condition.type";
import { Treatment } from "../catalog/treatment.type";
import type { RequestContext } from "../context";
import { Phase } from "../model/enums";
import { Guideline } from "./guideline.type";
import { NO_CRITERIA, type RecommendationRecord } from "./recommendation.model";
import { Recommendation } from "./recommendation.type";

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => Recommendation, {
    nullable: true,
    description: "A recommendation by id; null when there is none.",
  })
  async recommendation(
    @Arg("id", () => ID, { description: "e.g. recommendation:r066-exercise-fibromyalgia" }) id: string,
    @Ctx() { loaders }: RequestContext,
  ) {
    const [found] = await loaders.evidence.recommendations("recommendation", id, NO_CRITERIA);
    return found ?? null;
  }

  @FieldResolver(() => [ID], {
    description:
      "Treatments it must follow (after their failure, or as their adjunct), as the statement names them.",
  })
  followsTreatmentIds(@Root() rec: RecommendationRecord): string[] {
    return rec.followsTreatmentIds ?? [];
  }

  @FieldResolver(() => Boolean, {
    description: "True when it applies only after non-opioid therapy (CDC 2022 Recs 1 and 2).",
  })
  followsNonOpioids(@Root() rec: RecommendationRecord): boolean {
    return rec.followsNonOpioids === true;
  }

  @FieldResolver(() => [ID], {
    description:
      "Members of the treated class the statement leaves out (ACR 2019: opioids other than tramadol).",
  })
  excludedMemberIds(@Root() rec: RecommendationRecord): string[] {
    return rec.excludedMemberIds ?? [];
  }

  @FieldResolver(() => Treatment, { description: "The treatment (or class) the statement is about." })
  treatment(
    @Root() recommendation: RecommendationRecord,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return (
      recommendation.ends?.treatment ?? loaders.graph.entity(recommendation.treatmentId, projectionOf(info))
    );
  }

  @FieldResolver(() => Condition, { description: "The condition the statement is about." })
  condition(
    @Root() recommendation: RecommendationRecord,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return (
      recommendation.ends?.condition ?? loaders.graph.entity(recommendation.conditionId, projectionOf(info))
    );
  }

  @FieldResolver(() => Guideline, {
    description: "The guideline that makes the statement: every recommendation cites one.",
  })
  guideline(
    @Root() recommendation: RecommendationRecord,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return (
      recommendation.ends?.guideline ?? loaders.graph.entity(recommendation.guidelineId, projectionOf(info))
    );
  }

  @FieldResolver(() => Phase, {
    description:
      "The scope as one value: the phase when the statement names exactly one, otherwise ANY (see phases).",
  })
  phase(@Root() recommendation: RecommendationRecord): Phase {
    return recommendation.phases.length === 1 ? recommendation.phases[0]! : Phase.ANY;
  }

  @FieldResolver(() => [Recommendation], {
    description:
      "Statements that conflict with this one: same treatment and condition, opposite direction (FOR vs AGAINST), " +
      "overlapping phases.",
  })
  conflictsWith(@Root() recommendation: RecommendationRecord, @Ctx() { loaders }: RequestContext) {
    return loaders.evidence.conflictsByRecommendation.load(recommendation.id);
  }
}
