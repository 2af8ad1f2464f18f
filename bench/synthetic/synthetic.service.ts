/**
 * Builds the synthetic benchmark graph once: a build with the same size, seed and generator version is kept;
 * otherwise earlier synthetic data is cleared and the plan is written in batches, one write transaction each.
 * The release marker is written last, so an interrupted build is never mistaken for a finished one.
 */
import type { Database } from "../../src/neo4j/database";
import { SeedRepository, SeedWriter } from "../../src/write-model/seed.repository";
import { syntheticBatches, syntheticChecksum, type SyntheticBatch } from "./synthetic-plan";
import {
  CLEAR_ORDER,
  SyntheticRepository,
  type GraphCounts,
  type SyntheticRelease,
} from "./synthetic.repository";

export interface SyntheticBuildOptions {
  conditions: number;
  seed: number;
  /** Rebuild even when the graph already holds this very build. */
  force?: boolean;
  /** Rows per write transaction. */
  batchSize?: number;
  onProgress?: (progress: SyntheticProgress) => void;
}

export interface SyntheticProgress {
  stage: "clearing" | "writing";
  /** Nodes deleted so far (clearing) or rows written so far (writing). */
  nodes: number;
  relationships: number;
  conditionsDone: number;
  conditions: number;
  elapsedMs: number;
}

export interface SyntheticBuildResult {
  /** False when the graph already held this build: nothing was written. */
  built: boolean;
  release: SyntheticRelease;
  /** Rows written by this run (zero when kept). */
  written: { nodes: number; relationships: number; batches: number; cleared: number };
  counts: GraphCounts;
  elapsedMs: number;
}

/** Raised, before anything is written, for a graph holding curated data (its release or any non-synthetic node). */
export class CuratedGraphError extends Error {
  constructor(detail: string) {
    super(
      `This Neo4j holds the curated PainGraph data (${detail}); the synthetic graph is built only into an ` +
        "instance of its own. Point --port/--data-dir (or NEO4J_URI) at another instance.",
    );
    this.name = "CuratedGraphError";
  }
}

export async function buildSyntheticGraph(
  db: Database,
  options: SyntheticBuildOptions,
): Promise<SyntheticBuildResult> {
  const started = Date.now();
  const repository = new SyntheticRepository(db);
  const checksum = syntheticChecksum(options);
  // Before the reuse check, so a kept graph gains indexes added since it was built.
  await new SeedRepository(db).ensureSchema();
  const existing = await repository.findRelease();
  const written = { nodes: 0, relationships: 0, batches: 0, cleared: 0 };
  if (existing?.synthetic && existing.checksum === checksum && !options.force) {
    return { built: false, release: existing, written, counts: await repository.counts(), elapsedMs: 0 };
  }
  if (existing && !existing.synthetic) throw new CuratedGraphError(`data release v${existing.version}`);
  const curated = await repository.findCuratedEntity();
  if (curated) throw new CuratedGraphError(`node ${curated}`);

  const report = (progress: Omit<SyntheticProgress, "conditions" | "elapsedMs">) =>
    options.onProgress?.({ ...progress, conditions: options.conditions, elapsedMs: Date.now() - started });
  await repository.deleteRelease();
  written.cleared = await clearSynthetic(repository, options.batchSize ?? 5_000, (nodes) =>
    report({ stage: "clearing", nodes, relationships: 0, conditionsDone: 0 }),
  );
  for (const batch of syntheticBatches(options, options.batchSize ?? 5_000)) {
    await writeBatch(db, batch);
    written[batch.kind === "nodes" ? "nodes" : "relationships"] += batch.rows.length;
    written.batches++;
    report({ stage: "writing", ...written, conditionsDone: batch.conditionsDone });
  }
  const release = await repository.writeRelease(checksum, options.conditions);
  return {
    built: true,
    release,
    written,
    counts: await repository.counts(),
    elapsedMs: Date.now() - started,
  };
}

async function clearSynthetic(
  repository: SyntheticRepository,
  limit: number,
  onBatch: (deleted: number) => void,
): Promise<number> {
  let total = 0;
  for (const label of CLEAR_ORDER) {
    for (let deleted = limit; deleted === limit;) {
      deleted = await repository.deleteSyntheticBatch(label, limit);
      total += deleted;
      if (deleted > 0) onBatch(total);
    }
  }
  return total;
}

/** One batch, one transaction; a relationship whose ends are missing fails the build instead of vanishing. */
async function writeBatch(db: Database, batch: SyntheticBatch): Promise<void> {
  await db.writeTransaction(async (tx) => {
    const writer = new SeedWriter(tx);
    if (batch.kind === "nodes") await writer.upsertNodes(batch.label, batch.rows);
    else await writer.upsertRelationships(batch.type, batch.rows);
    const created = batch.kind === "nodes" ? tx.counters.nodesCreated : tx.counters.relationshipsCreated;
    if (created !== batch.rows.length) {
      const what = batch.kind === "nodes" ? batch.label : batch.type;
      throw new Error(
        `${what} batch created ${created} of ${batch.rows.length} rows: the plan is inconsistent`,
      );
    }
  });
}
