/**
 * What curation adds to a request: the audit trail and export repositories and the write service (one queue per server).
 * The main file of curation/: its resolvers read these from the context; its repositories import only neo4j/, model/ and the foundation.
 */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { CurationRepository } from "./curation.repository";
import { CurationService } from "./curation.service";
import { ExportRepository } from "./export.repository";

export const curationSlice = defineSlice({
  repositories: (db: Database) => ({
    curation: new CurationRepository(db),
    dataExport: new ExportRepository(db),
  }),
  services: (db, _repositories, shared) => ({ curation: new CurationService(db, {}, shared.writeQueue) }),
});
