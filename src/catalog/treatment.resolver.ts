/** Treatment: root look-ups and pages, and its traversals (each through a per-request loader). */
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { foldedEnds, projectionOf } from "../graph/projection";
import type { RequestContext } from "../context";
import { BadUserInputError } from "../errors";
import { Recommendation } from "../evidence/recommendation.type";
import { RecommendationFilter, toCriteria } from "../evidence/recommendation.input";
import { RECOMMENDATION_ENDS } from "../evidence/recommendation.model";
import type { TreatmentNode } from "../graph/node.records";
import { findOfType } from "../graph/typed-lookup";
import { Direction } from "../model/enums";
import { toConnection } from "../pagination/connection";
import { decodeCursor } from "../pagination/cursor";
import { pageSize } from "../pagination/page";
import type { TreatmentCriteria } from "./catalog.model";
import { Delivery } from "./care-link.type";
import { TreatmentConnection } from "./connections.type";
import { Condition } from "./condition.type";
import { Modality } from "./modality.type";
import { TreatmentOrderField, TreatmentsArgs } from "./treatment.input";
import { Treatment } from "./treatment.type";

function toTreatmentCriteria(args: TreatmentsArgs): TreatmentCriteria {
  const filter = args.filter ?? {};
  const max = filter.maxInvasiveness;
  if (max !== null && max !== undefined && (max < 0 || max > 3)) {
    throw new BadUserInputError('"filter.maxInvasiveness" must be from 0 to 3', "filter.maxInvasiveness");
  }
  return {
    modalityId: filter.modalityId ?? null,
    opioid: filter.opioid ?? null,
    maxInvasiveness: max ?? null,
    deliveredBy: filter.deliveredBy ?? null,
    recommendedFor: filter.recommendedFor ?? null,
    name: filter.name?.trim().toLowerCase() || null,
    isClass: filter.isClass ?? null,
  };
}

const SORT_KEY: Record<TreatmentOrderField, (row: TreatmentNode) => string | number> = {
  NAME: (row) => row.name,
  ID: (row) => row.id,
  INVASIVENESS: (row) => row.invasivenessMax,
};

@Resolver(() => Treatment)
export class TreatmentResolver {
  @Query(() => Treatment, { nullable: true, description: "A treatment by id; null when there is none." })
  treatment(
    @Arg("id", () => ID, { description: "e.g. treatment:tramadol" }) id: string,
    @Ctx() { loaders }: RequestContext,
  ) {
    return findOfType(loaders.graph, id, "Treatment");
  }

  @Query(() => TreatmentConnection, { description: "Treatments, filtered and keyset-paginated." })
  async treatments(@Args() args: TreatmentsArgs, @Ctx() { repositories }: RequestContext) {
    const field = args.orderBy?.field ?? TreatmentOrderField.NAME;
    const criteria = toTreatmentCriteria(args);
    const page = await repositories.treatments.page(criteria, {
      field,
      direction: args.orderBy?.direction ?? "ASC",
      first: pageSize(args.first),
      after: args.after ? decodeCursor(args.after) : null,
    });
    return toConnection(page, (row) => SORT_KEY[field](row));
  }

  @FieldResolver(() => [Modality], { description: "The modalities this treatment belongs to." })
  modalities(@Root() treatment: TreatmentNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("modalitiesOfTreatment").load(treatment.id);
  }

  @FieldResolver(() => [Delivery], {
    description: "Who delivers it, each link CITED or a documented CONVENTION.",
  })
  deliveredBy(
    @Root() treatment: TreatmentNode,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loaders.graph.careLinks(
      "deliveriesOfTreatment",
      treatment.id,
      projectionOf(info, ["provider"]),
      projectionOf(info),
    );
  }

  @FieldResolver(() => [Recommendation], {
    description: "Every guideline statement about this treatment, strongest first.",
  })
  recommendations(
    @Root() treatment: TreatmentNode,
    @Arg("filter", () => RecommendationFilter, { nullable: true, description: "Restrict the statements." })
    filter: RecommendationFilter | null,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loaders.evidence.recommendations(
      "treatment",
      treatment.id,
      toCriteria(filter),
      projectionOf(info),
      foldedEnds(info, RECOMMENDATION_ENDS),
    );
  }

  @FieldResolver(() => [Condition], {
    description:
      "Distinct conditions guidelines speak of with this treatment in this direction (FOR by default).",
  })
  conditions(
    @Root() treatment: TreatmentNode,
    @Arg("direction", () => Direction, {
      defaultValue: Direction.FOR,
      description: "Which statements count.",
    })
    direction: Direction,
    @Ctx() { loaders }: RequestContext,
  ) {
    return loaders.catalog.conditionsByTreatment.load(treatment.id, direction);
  }

  @FieldResolver(() => [Treatment], {
    description: "The classes this treatment belongs to (e.g. tramadol → opioids).",
  })
  memberOf(@Root() treatment: TreatmentNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("classesOfTreatment").load(treatment.id);
  }

  @FieldResolver(() => [Treatment], { description: "For a class, its member treatments; empty otherwise." })
  members(@Root() treatment: TreatmentNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("membersOfClass").load(treatment.id);
  }
}
