/** dataExport: the whole graph in the seed files' format, with the release version it was read at. */
import { Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { DataExport } from "./curation.type";
import { exportSeedSet, seedFileTexts } from "./seed-export";

@Resolver(() => DataExport)
export class DataExportResolver {
  @Query(() => DataExport, {
    description: "The whole graph in the seed files' format (public: the data is public).",
  })
  async dataExport(@Ctx() { repositories }: RequestContext) {
    const set = await exportSeedSet(repositories.dataExport);
    const version = await repositories.curation.releaseVersion();
    return {
      version,
      files: Object.entries(seedFileTexts(set)).map(([name, content]) => ({ name, content })),
    };
  }
}
