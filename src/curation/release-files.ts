/** The served data release as seed files, for the downloads: read without the release lock (a GET never writes). */
import type { Database } from "../neo4j/database";
import { CurationRepository } from "./curation.repository";
import { ExportRepository } from "./export.repository";
import { exportSeedSet, seedFileTexts } from "./seed-export";

export interface ReleaseFiles {
  version: number;
  files: Record<string, string>;
}

/**
 * The version is read before and after the graph; a write landing in between changes it, and the read is
 * repeated, so the files and the version always belong together.
 */
export async function readReleaseFiles(db: Database, attempts = 3): Promise<ReleaseFiles> {
  const curation = new CurationRepository(db);
  for (let attempt = 1; ; attempt += 1) {
    const before = await curation.releaseVersion();
    const set = await exportSeedSet(new ExportRepository(db));
    const after = await curation.releaseVersion();
    if (before === after || attempt >= attempts) return { version: after, files: seedFileTexts(set) };
  }
}
