/** Reads the seed files directly, so API tests compare answers with the data instead of hard-coding them. */
import fs from "node:fs";
import path from "node:path";
import type { SeedSet } from "../../src/model/seed-set";
import { SEED_FILES } from "../../src/model/seed-set";

const DIR = path.resolve(__dirname, "../../seed/data");

export function seedData(): SeedSet {
  return Object.fromEntries(
    Object.entries(SEED_FILES).map(([part, file]) => [
      part,
      JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")),
    ]),
  ) as unknown as SeedSet;
}
