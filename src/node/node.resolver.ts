/**
 * node(id): any entity by its globally unique id.
 * Folder node/: the Relay-style node(id) look-up over the graph slice; resolvers import loaders and below.
 */
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { loadNode } from "./load-node";
import { Node } from "./node.type";

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "Any node by id, whatever its type; null when there is none.",
  })
  node(
    @Arg("id", () => ID, { description: "A node id such as treatment:tramadol." }) id: string,
    @Ctx() { loaders }: RequestContext,
  ) {
    return loadNode(loaders, id);
  }
}
