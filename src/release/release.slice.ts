/** What the data release adds to a request: the release repository (version, stamp, checksum). */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { DataReleaseRepository } from "./data-release.repository";

export const releaseSlice = defineSlice({
  repositories: (db: Database) => ({ dataRelease: new DataReleaseRepository(db) }),
});
