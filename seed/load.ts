/**
 * npm run seed [-- --discard-curated] [-- --adopt]: validate seed/data/*.json, then load it into Neo4j in one
 * transaction (or report every problem). Refuses to overwrite curated writes that were not exported unless told to
 * discard them, and to load into a database with nodes but no PainGraph marker unless told to adopt it.
 */
import "reflect-metadata";
import { loadConfig } from "../src/config";
import { runSeed, SeedValidationError } from "../src/write-model/run-seed";

async function main(): Promise<number> {
  const config = loadConfig();
  const started = Date.now();
  const result = await runSeed(config, {
    discardCurated: process.argv.includes("--discard-curated"),
    adopt: process.argv.includes("--adopt"),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    result.changed
      ? `Seed loaded: data release v${result.version} (${JSON.stringify(result.counters)}) in ${seconds} s`
      : `Graph already matches the seed files: release v${result.version} kept, nothing written (${seconds} s)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof SeedValidationError || error instanceof Error ? error.message : String(error),
    );
    process.exit(1);
  },
);
