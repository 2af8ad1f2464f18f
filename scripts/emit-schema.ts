/** npm run schema:emit — writes the sorted SDL to schema/schema.graphql (a test fails when it drifts). */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../src/config";
import { createSchema, printSortedSchema } from "../src/schema";

export const SCHEMA_FILE = path.join(PROJECT_ROOT, "schema", "schema.graphql");

createSchema().then(
  (schema) => {
    fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
    fs.writeFileSync(SCHEMA_FILE, printSortedSchema(schema));
    console.log(`Wrote ${path.relative(PROJECT_ROOT, SCHEMA_FILE)}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
