/** The founding overview's groups and the modalities, as whole lists, with their members. */
import { Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citable } from "../evidence/citable.type";
import type { ConditionGroupNode, ModalityNode } from "../graph/node.records";
import { ConditionGroup } from "./condition-group.type";
import { Condition, Prevalence } from "./condition.type";
import { Modality } from "./modality.type";
import { Treatment } from "./treatment.type";

@Resolver(() => ConditionGroup)
export class ConditionGroupResolver {
  @Query(() => [ConditionGroup], {
    description: "The founding overview's seven umbrella groups, in its order.",
  })
  conditionGroups(@Ctx() { repositories }: RequestContext) {
    return repositories.catalog.list("conditionGroups");
  }

  @FieldResolver(() => [Condition], { description: "The concrete conditions in this group." })
  conditions(@Root() group: ConditionGroupNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("conditionsOfGroup").load(group.id);
  }

  @FieldResolver(() => Int, { description: "Position of the group in the founding overview (1–7)." })
  overviewOrder(@Root() group: ConditionGroup): number {
    return group.articleOrder;
  }
}

@Resolver(() => Modality)
export class ModalityResolver {
  @Query(() => [Modality], { description: "Treatment modalities, the founding overview's four first." })
  modalities(@Ctx() { repositories }: RequestContext) {
    return repositories.catalog.list("modalities");
  }

  @FieldResolver(() => [Treatment], { description: "The treatments of this modality." })
  treatments(@Root() modality: ModalityNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("treatmentsOfModality").load(modality.id);
  }

  @FieldResolver(() => [String], {
    description: "The examples PainGraph's founding overview gives for this modality (docs/data-model.md).",
  })
  overviewExamples(@Root() modality: Modality): string[] {
    return modality.articleExamples;
  }

  @FieldResolver({
    description: "True when PainGraph's founding overview names this modality (docs/data-model.md).",
  })
  namedInFoundingOverview(@Root() modality: Modality): boolean {
    return modality.fromArticle;
  }
}

@Resolver(() => Prevalence)
export class PrevalenceResolver {
  @FieldResolver(() => [Citable], { description: "The sources of the figure." })
  sources(@Root() prevalence: { conditionId: string }, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("citationsOf").load(prevalence.conditionId);
  }
}
