/** The article's groups and the modalities, as whole lists, with their members. */
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citable } from "../evidence/citable.type";
import type { EntityRecord } from "../graph/entity.model";
import { ConditionGroup } from "./condition-group.type";
import { Condition, Prevalence } from "./condition.type";
import { Modality } from "./modality.type";
import { Treatment } from "./treatment.type";

@Resolver(() => ConditionGroup)
export class ConditionGroupResolver {
  @Query(() => [ConditionGroup], { description: "The source article's seven umbrella groups, in its order." })
  conditionGroups(@Ctx() { repositories }: RequestContext) {
    return repositories.catalog.list("conditionGroups");
  }

  @FieldResolver(() => [Condition], { description: "The concrete conditions in this group." })
  conditions(@Root() group: EntityRecord, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("conditionsOfGroup").load(group.id);
  }
}

@Resolver(() => Modality)
export class ModalityResolver {
  @Query(() => [Modality], { description: "Treatment modalities, the source article's four first." })
  modalities(@Ctx() { repositories }: RequestContext) {
    return repositories.catalog.list("modalities");
  }

  @FieldResolver(() => [Treatment], { description: "The treatments of this modality." })
  treatments(@Root() modality: EntityRecord, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("treatmentsOfModality").load(modality.id);
  }
}

@Resolver(() => Prevalence)
export class PrevalenceResolver {
  @FieldResolver(() => [Citable], { description: "The sources of the figure." })
  sources(@Root() prevalence: { conditionId: string }, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("citationsOf").load(prevalence.conditionId);
  }
}
