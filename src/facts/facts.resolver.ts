/**
 * Myths with their cited facts, and population statistics with their sources.
 * Folder facts/: myths and statistics, read through the graph slice's loaders; resolvers import loaders and below.
 */
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citable } from "../evidence/citable.type";
import type { MythNode, StatisticNode, UnexposedNode } from "../graph/node.records";
import { Myth, MythFact, Statistic } from "./myth.type";

@Resolver(() => Myth)
export class MythResolver {
  @Query(() => [Myth], {
    description: "The founding overview's myths about pain specialists, with corrections.",
  })
  myths(@Ctx() { repositories }: RequestContext) {
    return repositories.catalog.list("myths");
  }

  @FieldResolver(() => [MythFact], { description: "The cited facts behind the correction, in order." })
  facts(@Root() myth: MythNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("factsOfMyth").load(myth.id);
  }
}

@Resolver(() => MythFact)
export class MythFactResolver {
  @FieldResolver(() => [Citable], { description: "The sources of this fact." })
  sources(@Root() fact: UnexposedNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("citationsOf").load(fact.id);
  }
}

@Resolver(() => Statistic)
export class StatisticResolver {
  @Query(() => [Statistic], {
    description: "CDC / NCHS statistics about chronic pain in U.S. adults, newest first.",
  })
  statistics(@Ctx() { repositories }: RequestContext) {
    return repositories.catalog.list("statistics");
  }

  @FieldResolver(() => Citable, { nullable: true, description: "The source of the figure." })
  async source(@Root() statistic: StatisticNode, @Ctx() { loaders }: RequestContext) {
    const [source] = await loaders.graph.related("citationsOf").load(statistic.id);
    return source ?? null;
  }
}
