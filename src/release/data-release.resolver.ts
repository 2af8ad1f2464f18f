/** Root field for the data release; thin: it hands the work to the repository. */
import { Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { DataRelease } from "./data-release.type";

@Resolver(() => DataRelease)
export class DataReleaseResolver {
  @Query(() => DataRelease, {
    nullable: true,
    description: "The data release being served, with live counts; null before the graph is first seeded.",
  })
  dataRelease(@Ctx() { repositories }: RequestContext): Promise<DataRelease | null> {
    return repositories.dataRelease.findCurrent();
  }
}
