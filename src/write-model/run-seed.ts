/** Reads, validates and loads the seed files; shared by `npm run seed` and `npm start`. */
import type { Config } from "../config";
import { formatProblem } from "../model/seed-set";
import { connectNeo4j } from "../neo4j/connection";
import { DEFAULT_SEED_DIR, readSeedFiles } from "./seed-files";
import { validateSeed } from "./seed.rules";
import { loadSeed, type LoadResult } from "./seed.service";

export { ForeignDatabaseError, UnexportedChangesError } from "./seed.service";

export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The seed files have ${problems.length} problem(s); nothing was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "SeedValidationError";
  }
}

export interface SeedOptions {
  directory?: string;
  /** Load even though curated writes were not exported; they are overwritten (the audit trail keeps them). */
  discardCurated?: boolean;
  /** Load into a database that has nodes but no PainGraph marker. */
  adopt?: boolean;
}

export async function runSeed(config: Pick<Config, "neo4j">, options: SeedOptions = {}): Promise<LoadResult> {
  const raw = readSeedFiles(options.directory ?? DEFAULT_SEED_DIR);
  const { set, problems } =
    raw.problems.length > 0 ? { set: null, problems: raw.problems } : validateSeed(raw.parts);
  if (!set) throw new SeedValidationError(problems.map(formatProblem));
  const connection = connectNeo4j(config.neo4j);
  try {
    return await loadSeed(connection.database, set, {
      checksum: raw.checksum,
      discardCurated: options.discardCurated ?? false,
      adopt: options.adopt ?? false,
    });
  } finally {
    await connection.close();
  }
}
