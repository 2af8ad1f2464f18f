/**
 * `npm run export`: a consistent snapshot of the curated graph written to the seed files, and the changes
 * it holds marked exported — only those, so a write landing during the export stays pending for the next.
 */
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../neo4j/database";
import type { SeedSet } from "../model/seed-set";
import { CurationRepository, CurationWriter } from "./curation.repository";
import { checksumOf } from "./curation.service";
import { ExportRepository, readerOf } from "./export.repository";
import { exportSeedSet, seedFileTexts } from "./seed-export";

export interface ExportedRelease {
  /** The release version the files hold. */
  version: number;
  /** Curated changes now marked exported. */
  changes: number;
  /** True when a curated write landed after the snapshot: export again to include it. */
  behind: boolean;
}

/** The graph and its version read under the release lock: no curated write can land between the reads. */
export async function readSnapshot(db: Database): Promise<{ version: number; set: SeedSet }> {
  return db.writeTransaction(async (tx) => {
    const version = (await new CurationWriter(tx).holdReleaseLock("export")) ?? 0;
    return { version, set: await exportSeedSet(new ExportRepository(readerOf(tx))) };
  });
}

/** Each file goes to a temporary name in the same folder, then is renamed over the old one (atomic). */
export function writeFilesAtomically(directory: string, files: Record<string, string>): void {
  fs.mkdirSync(directory, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(directory, file);
    const temporary = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, target);
  }
}

export async function exportRelease(db: Database, directory: string): Promise<ExportedRelease> {
  const { version, set } = await readSnapshot(db);
  writeFilesAtomically(directory, seedFileTexts(set));
  const marked = await new CurationRepository(db).markExported(version, checksumOf(set));
  return { version, changes: marked.changes, behind: marked.version !== version };
}
