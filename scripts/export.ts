/** npm run export: writes the graph back into seed/data/*.json (review the diff, commit it) and marks it exported. */
import "reflect-metadata";
import path from "node:path";
import { loadConfig } from "../src/config";
import { exportRelease } from "../src/curation/export.service";
import { connectNeo4j } from "../src/neo4j/connection";
import { DEFAULT_SEED_DIR } from "../src/write-model/seed-files";

async function main(): Promise<number> {
  const directory = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_SEED_DIR;
  const connection = connectNeo4j(loadConfig().neo4j);
  try {
    const exported = await exportRelease(connection.database, directory);
    console.log(
      `Exported data release v${exported.version} to ${directory} (${exported.changes} curated change(s) now in the files).`,
    );
    if (exported.behind) console.log("A curated write landed during the export: run it again to include it.");
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
