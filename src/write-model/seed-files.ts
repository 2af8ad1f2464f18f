/** Reads the seed files from seed/data: parsed JSON per part, and a SHA-256 over their exact bytes. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config";
import { SEED_FILES, type Problem, type SeedPart } from "../model/seed-set";

export const DEFAULT_SEED_DIR = path.join(PROJECT_ROOT, "seed", "data");

export interface RawSeed {
  parts: Record<SeedPart, unknown>;
  checksum: string;
  problems: Problem[];
}

export function readSeedFiles(directory: string = DEFAULT_SEED_DIR): RawSeed {
  const hash = createHash("sha256");
  const problems: Problem[] = [];
  const parts = {} as Record<SeedPart, unknown>;
  for (const [part, file] of Object.entries(SEED_FILES) as Array<[SeedPart, string]>) {
    const fullPath = path.join(directory, file);
    let text: string;
    try {
      text = fs.readFileSync(fullPath, "utf8");
    } catch {
      problems.push({ file, recordId: null, field: null, message: `cannot read ${fullPath}` });
      parts[part] = [];
      continue;
    }
    hash.update(file).update("\0").update(text).update("\0");
    try {
      parts[part] = JSON.parse(text) as unknown;
    } catch (error) {
      problems.push({
        file,
        recordId: null,
        field: null,
        message: `invalid JSON: ${(error as Error).message}`,
      });
      parts[part] = [];
    }
  }
  return { parts, checksum: hash.digest("hex"), problems };
}
