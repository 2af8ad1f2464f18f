/** dataExport: the whole graph in the seed files' format, with the release version it was read at. */
import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import { Role } from "../auth/principal";
import type { RequestContext } from "../context";
import { DataExport } from "./curation.type";
import { exportSeedSet, seedFileTexts } from "./seed-export";

@Resolver(() => DataExport)
export class DataExportResolver {
  @Authorized(Role.CURATOR)
  @Query(() => DataExport, {
    description:
      "The whole graph in the seed files' format (CURATOR: it reads the whole graph). Everyone else downloads " +
      "the same data, for free, from GET /downloads/paingraph-latest.json.",
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
