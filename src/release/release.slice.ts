/**
 * What the data release adds to a request: the release repository (version, stamp, checksum).
 * The main file of release/: its resolvers read these from the context; its repositories import only neo4j/, model/ and the foundation.
 */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { DataReleaseRepository } from "./data-release.repository";

export const releaseSlice = defineSlice({
  repositories: (db: Database) => ({ dataRelease: new DataReleaseRepository(db) }),
});
