/** Test helpers over the real Neo4j: load the real seed files, and fingerprint the whole graph. */
import { formatProblem } from "../../src/model/seed-set";
import type { Database } from "../../src/neo4j/database";
import { readSeedFiles } from "../../src/write-model/seed-files";
import { validateSeed } from "../../src/write-model/seed.rules";
import { loadSeed, type LoadResult } from "../../src/write-model/seed.service";

/** Loads seed/data into the test graph (a no-op when it is already current). */
export async function seedTestGraph(db: Database, directory?: string): Promise<LoadResult> {
  const raw = readSeedFiles(directory);
  const { set, problems } = validateSeed(raw.parts);
  if (!set || raw.problems.length > 0) {
    throw new Error(`seed files invalid:\n${[...raw.problems, ...problems].map(formatProblem).join("\n")}`);
  }
  return loadSeed(db, set, { checksum: raw.checksum });
}

// Every node and relationship with all properties, in a stable order: equal strings mean equal graphs.
const FINGERPRINT = /* cypher */ `
  CALL () {
    MATCH (n)
    WITH n ORDER BY coalesce(n.id, '') , labels(n)
    RETURN collect([labels(n), properties(n)]) AS nodes
  }
  CALL () {
    MATCH (a)-[r]->(b)
    WITH a, r, b ORDER BY coalesce(a.id, ''), type(r), coalesce(b.id, '')
    RETURN collect([a.id, type(r), b.id, properties(r)]) AS relationships
  }
  RETURN nodes, relationships`;

export async function graphFingerprint(db: Database): Promise<string> {
  const rows = await db.read(FINGERPRINT);
  return JSON.stringify(rows, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : value,
  );
}

export async function countByLabel(db: Database, label: string): Promise<number> {
  const [row] = await db.read<{ count: number }>(`MATCH (n:${label}) RETURN count(n) AS count`);
  return row?.count ?? 0;
}
