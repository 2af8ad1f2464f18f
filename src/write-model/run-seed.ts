/** Reads, validates and loads the seed files; shared by `npm run seed` and `npm start`. */
import type { Config } from "../config";
import { formatProblem } from "../model/seed-set";
import { connectNeo4j } from "../neo4j/connection";
import { DEFAULT_SEED_DIR, readSeedFiles } from "./seed-files";
import { validateSeed } from "./seed.rules";
import { SeedRepository } from "./seed.repository";
import { loadSeed, type LoadResult } from "./seed.service";

export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The seed files have ${problems.length} problem(s); nothing was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "SeedValidationError";
  }
}

/** The graph holds curated writes the files do not: loading would silently undo them. */
export class UnexportedChangesError extends Error {
  constructor(readonly changes: Array<{ entityId: string; operation: string; actor: string }>) {
    super(
      `The graph has ${changes.length} curated change(s) not exported to seed/data:\n` +
        changes.map((change) => `  - ${change.operation} ${change.entityId} by ${change.actor}`).join("\n") +
        "\nRun `npm run export` and commit the files, or pass --discard-curated to overwrite them.",
    );
    this.name = "UnexportedChangesError";
  }
}

export interface SeedOptions {
  directory?: string;
  /** Load even though curated writes were not exported; they are overwritten (the audit trail keeps them). */
  discardCurated?: boolean;
}

export async function runSeed(config: Pick<Config, "neo4j">, options: SeedOptions = {}): Promise<LoadResult> {
  const raw = readSeedFiles(options.directory ?? DEFAULT_SEED_DIR);
  const { set, problems } =
    raw.problems.length > 0 ? { set: null, problems: raw.problems } : validateSeed(raw.parts);
  if (!set) throw new SeedValidationError(problems.map(formatProblem));
  const connection = connectNeo4j(config.neo4j);
  try {
    const repository = new SeedRepository(connection.database);
    const release = await repository.findRelease();
    if (release?.unexported && release.checksum !== raw.checksum && !options.discardCurated) {
      throw new UnexportedChangesError(await repository.findPendingChanges());
    }
    return await loadSeed(connection.database, set, { checksum: raw.checksum });
  } finally {
    await connection.close();
  }
}
