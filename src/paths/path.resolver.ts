/** explainPath(fromId, toId, maxHops): why two nodes are connected, hop by hop, cited where a recommendation is on the way. */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { BadUserInputError } from "../errors";
import { Recommendation } from "../evidence/recommendation.type";
import { loadNode } from "../node/load-node";
import { Node } from "../node/node.type";
import { MAX_HOPS } from "./path.repository";
import { ExplainedPath, PathHop } from "./path.type";

interface HopRecord {
  relationship: string;
  forward: boolean;
  basis: string | null;
  fromId: string;
  toId: string;
}

@Resolver(() => ExplainedPath)
export class PathResolver {
  @Query(() => [ExplainedPath], {
    description:
      "The shortest relationship paths (up to 10) between two nodes, e.g. why neurology is on the team for migraine: " +
      "neurology DELIVERS triptans ← ABOUT_TREATMENT recommendation FOR_CONDITION → migraine, with the recommendation cited.",
  })
  async explainPath(
    @Arg("fromId", () => ID, { description: "Start node id." }) fromId: string,
    @Arg("toId", () => ID, { description: "End node id." }) toId: string,
    @Arg("maxHops", () => Int, { defaultValue: 4, description: `Longest path to consider (1–${MAX_HOPS}).` })
    maxHops: number,
    @Ctx() { loaders, repositories }: RequestContext,
  ) {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) {
      throw new BadUserInputError(`"maxHops" must be from 1 to ${MAX_HOPS} (got ${maxHops})`, "maxHops");
    }
    const [from, to] = await loaders.graph.entityById.loadMany([fromId, toId]);
    if (!from || from instanceof Error)
      throw new BadUserInputError(`"fromId": no node has id "${fromId}"`, "fromId");
    if (!to || to instanceof Error) throw new BadUserInputError(`"toId": no node has id "${toId}"`, "toId");
    const paths = await repositories.paths.findShortestPaths(fromId, toId, maxHops);
    return paths.map((path) => ({
      length: path.links.length,
      hops: path.links.map((link, index): HopRecord => {
        const fromNode = path.nodeIds[index]!;
        return {
          relationship: link.type,
          forward: link.from === fromNode,
          basis: link.basis,
          fromId: fromNode,
          toId: path.nodeIds[index + 1]!,
        };
      }),
    }));
  }
}

@Resolver(() => PathHop)
export class PathHopResolver {
  @FieldResolver(() => Node, { nullable: true, description: "The node this hop starts from." })
  from(@Root() hop: HopRecord, @Ctx() { loaders }: RequestContext) {
    return loadNode(loaders, hop.fromId);
  }

  @FieldResolver(() => Node, { nullable: true, description: "The node this hop leads to." })
  to(@Root() hop: HopRecord, @Ctx() { loaders }: RequestContext) {
    return loadNode(loaders, hop.toId);
  }

  @FieldResolver(() => Recommendation, {
    nullable: true,
    description:
      "The recommendation on this hop, when one end is a recommendation: its guideline is the citation.",
  })
  async citation(@Root() hop: HopRecord, @Ctx() { loaders }: RequestContext) {
    const id = [hop.fromId, hop.toId].find((nodeId) => nodeId.startsWith("recommendation:"));
    return id ? loadNode(loaders, id) : null;
  }
}
