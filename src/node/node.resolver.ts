/** node(id): any entity by its globally unique id. */
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { NO_CRITERIA } from "../evidence/recommendation.model";
import { Node } from "./node.type";

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "Any node by id, whatever its type; null when there is none.",
  })
  async node(
    @Arg("id", () => ID, { description: "A node id such as treatment:tramadol." }) id: string,
    @Ctx() { loaders }: RequestContext,
  ) {
    const entity = await loaders.graph.entityById.load(id);
    if (!entity?.__typename) return null;
    if (entity.__typename !== "Recommendation") return entity;
    // Recommendations are read with their guideline, treatment and condition ids, which their fields need.
    const [recommendation] = await loaders.evidence.recommendations("recommendation", id, NO_CRITERIA);
    return recommendation ?? null;
  }
}
