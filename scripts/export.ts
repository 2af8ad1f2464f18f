/** npm run export: writes the graph back into seed/data/*.json (review the diff, commit it) and marks it exported. */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../src/config";
import { CurationRepository } from "../src/curation/curation.repository";
import { checksumOf } from "../src/curation/curation.service";
import { ExportRepository } from "../src/curation/export.repository";
import { exportSeedSet, seedFileTexts } from "../src/curation/seed-export";
import { connectNeo4j } from "../src/neo4j/connection";
import { DEFAULT_SEED_DIR } from "../src/write-model/seed-files";

async function main(): Promise<number> {
  const directory = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_SEED_DIR;
  const connection = connectNeo4j(loadConfig().neo4j);
  try {
    const set = await exportSeedSet(new ExportRepository(connection.database));
    fs.mkdirSync(directory, { recursive: true });
    for (const [file, text] of Object.entries(seedFileTexts(set)))
      fs.writeFileSync(path.join(directory, file), text);
    const marked = await new CurationRepository(connection.database).markExported(checksumOf(set));
    console.log(
      `Exported data release v${marked.version} to ${directory} (${marked.changes} curated change(s) now in the files).`,
    );
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
