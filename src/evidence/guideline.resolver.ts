/** Guideline: look-up, page, its recommendations and what it supersedes or is superseded by. */
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { foldedEnds, projectionOf } from "../graph/projection";
import { GuidelineConnection } from "../catalog/connections.type";
import type { RequestContext } from "../context";
import type { GuidelineNode } from "../graph/node.records";
import { findOfType } from "../graph/typed-lookup";
import { toConnection } from "../pagination/connection";
import { decodeCursor } from "../pagination/cursor";
import { pageSize } from "../pagination/page";
import { PageArgs } from "../pagination/page.args";
import { Guideline } from "./guideline.type";
import { RecommendationFilter, toCriteria } from "./recommendation.input";
import { RECOMMENDATION_ENDS } from "./recommendation.model";
import { Recommendation } from "./recommendation.type";

@Resolver(() => Guideline)
export class GuidelineResolver {
  @Query(() => Guideline, { nullable: true, description: "A guideline by id; null when there is none." })
  guideline(
    @Arg("id", () => ID, { description: "e.g. guideline:acp-2017" }) id: string,
    @Ctx() { loaders }: RequestContext,
  ) {
    return findOfType(loaders.graph, id, "Guideline");
  }

  @Query(() => GuidelineConnection, { description: "All guidelines, newest first, keyset-paginated." })
  async guidelines(@Args() args: PageArgs, @Ctx() { repositories }: RequestContext) {
    const page = await repositories.catalog.pageGuidelines(
      pageSize(args.first),
      args.after ? decodeCursor(args.after) : null,
    );
    return toConnection(page, (row) => row.year);
  }

  @FieldResolver(() => [Recommendation], {
    description: "The statements of this guideline stored in the graph.",
  })
  recommendations(
    @Root() guideline: GuidelineNode,
    @Arg("filter", () => RecommendationFilter, { nullable: true, description: "Restrict the statements." })
    filter: RecommendationFilter | null,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loaders.evidence.recommendations(
      "guideline",
      guideline.id,
      toCriteria(filter),
      projectionOf(info),
      foldedEnds(info, RECOMMENDATION_ENDS),
    );
  }

  @FieldResolver(() => Guideline, {
    nullable: true,
    description: "The later guideline that replaces this one, if any.",
  })
  async supersededBy(@Root() guideline: GuidelineNode, @Ctx() { loaders }: RequestContext) {
    const [successor] = await loaders.graph.related("successorsOfGuideline").load(guideline.id);
    return successor ?? null;
  }

  @FieldResolver(() => [Guideline], { description: "Earlier guidelines this one replaces." })
  supersedes(@Root() guideline: GuidelineNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("predecessorsOfGuideline").load(guideline.id);
  }
}
