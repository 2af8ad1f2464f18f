/**
 * Loads a validated SeedSet into Neo4j in one write transaction: all or nothing, idempotent, in sync.
 * Folder write-model/ (repositories layer): the graph plan, rules and writer shared by the seed and curation; imports model/, search-index and neo4j/ only.
 */
import { totalChanges, type Database, type WriteCounters } from "../neo4j/database";
import type { SeedSet } from "../model/seed-set";
import { NODE_LABELS, planGraph, RELATIONSHIP_TYPES, type GraphPlan } from "./graph-plan";
import { type PendingChange, SeedRepository, SeedWriter } from "./seed.repository";

/** A seed load is a batch job: on a cold or busy Neo4j it may need longer than a request's transaction timeout. */
export const SEED_TRANSACTION_TIMEOUT_MS = 120_000;

/** The graph holds curated writes the files do not: loading would silently undo them. */
export class UnexportedChangesError extends Error {
  constructor(readonly changes: PendingChange[]) {
    super(
      `The graph has ${changes.length} curated change(s) not exported to seed/data:\n` +
        changes.map((change) => `  - ${change.operation} ${change.entityId} by ${change.actor}`).join("\n") +
        "\nRun `npm run export` and commit the files, or pass --discard-curated to overwrite them.",
    );
    this.name = "UnexportedChangesError";
  }
}

/** The database holds nodes but no PainGraph marker: loading would write into (and prune) someone else's data. */
export class ForeignDatabaseError extends Error {
  constructor() {
    super(
      "This Neo4j database holds nodes but no PainGraph marker (a DataRelease node): it was not seeded by " +
        "PainGraph, and nothing was written. Point NEO4J_URI/NEO4J_DATABASE at an empty database of its own, or " +
        "pass --adopt to load into it anyway (only nodes PainGraph writes are ever deleted).",
    );
    this.name = "ForeignDatabaseError";
  }
}

export interface LoadOptions {
  /** Load into a database that holds nodes but no PainGraph marker (it gets the marker). */
  adopt?: boolean;
  checksum: string;
  /** Load even though curated writes were not exported; they are overwritten (the audit trail keeps them). */
  discardCurated?: boolean;
  /** Fault injection for tests: called before each statement of the transaction. */
  beforeStatement?: (index: number) => void;
}

export interface LoadResult {
  /** The release version after the load. */
  version: number;
  /** False when the graph already matched the files: nothing was written. */
  changed: boolean;
  counters: WriteCounters;
}

export async function loadSeed(db: Database, set: SeedSet, options: LoadOptions): Promise<LoadResult> {
  const repository = new SeedRepository(db);
  // Before anything is written, constraints included.
  if (!options.adopt && (await repository.isForeign())) throw new ForeignDatabaseError();
  await repository.ensureSchema();
  const plan = planGraph(set);
  return db.writeTransaction(
    async (tx) => {
      // Checked under the release lock, in this transaction: a curated write cannot slip in after the check.
      const locker = new SeedWriter(tx);
      const release = await locker.lockRelease();
      if (release?.unexported && release.checksum !== options.checksum && !options.discardCurated)
        throw new UnexportedChangesError(await locker.findPendingChanges());
      const lockCounters = { ...tx.counters };
      let statements = 0;
      const writer = new SeedWriter({
        run: (cypher, params) => {
          options.beforeStatement?.(statements++);
          return tx.run(cypher, params);
        },
        get counters() {
          return tx.counters;
        },
      });
      await syncGraph(writer, plan);
      const changed = totalChanges(tx.counters) > totalChanges(lockCounters) || release === null;
      let version = release?.version ?? 0;
      if (changed) {
        version = await writer.bumpRelease(options.checksum, false);
        if (release?.unexported) await writer.settlePendingChanges();
      } else if (release && release.checksum !== options.checksum)
        await writer.setReleaseChecksum(options.checksum);
      return { version, changed, counters: countersSince(lockCounters, tx.counters) };
    },
    { timeoutMs: SEED_TRANSACTION_TIMEOUT_MS },
  );
}

function countersSince(start: WriteCounters, end: WriteCounters): WriteCounters {
  const keys = Object.keys(end) as Array<keyof WriteCounters>;
  return Object.fromEntries(keys.map((key) => [key, end[key] - start[key]])) as unknown as WriteCounters;
}

/** Deletes what the files no longer hold, then creates or updates what they do. */
export async function syncGraph(writer: SeedWriter, plan: GraphPlan): Promise<void> {
  for (const type of RELATIONSHIP_TYPES) {
    const keys = plan.relationships[type].map((row) => `${row.from}>${row.to}`);
    await writer.deleteRelationshipsNotIn(type, keys);
  }
  for (const label of NODE_LABELS) {
    await writer.deleteNodesNotIn(
      label,
      plan.nodes[label].map((row) => row.id),
    );
  }
  for (const label of NODE_LABELS) await writer.upsertNodes(label, plan.nodes[label]);
  for (const type of RELATIONSHIP_TYPES) await writer.upsertRelationships(type, plan.relationships[type]);
}

const endKey = (row: { from: string; to: string }) => `${row.from}>${row.to}`;

/** What differs between two plans of the same graph: rows to write (new or changed) and rows to delete. */
function changedRows<T extends { hash: string }>(before: T[], after: T[], keyOf: (row: T) => string) {
  const previous = new Map(before.map((row) => [keyOf(row), row.hash]));
  const next = new Set(after.map(keyOf));
  return {
    write: after.filter((row) => previous.get(keyOf(row)) !== row.hash),
    remove: before.filter((row) => !next.has(keyOf(row))),
  };
}

/**
 * Writes only the difference between the graph as it is (planned from what was read) and as it should be:
 * a curation edit touches a handful of rows, not the whole graph.
 */
export async function syncDifference(writer: SeedWriter, before: GraphPlan, after: GraphPlan): Promise<void> {
  for (const type of RELATIONSHIP_TYPES) {
    const { remove } = changedRows(before.relationships[type], after.relationships[type], endKey);
    await writer.deleteRelationshipsByEnds(
      type,
      remove.map(({ from, to }) => ({ from, to })),
    );
  }
  for (const label of NODE_LABELS) {
    const { remove } = changedRows(before.nodes[label], after.nodes[label], (row) => row.id);
    await writer.deleteNodesByIds(
      label,
      remove.map((row) => row.id),
    );
  }
  for (const label of NODE_LABELS) {
    await writer.upsertNodes(
      label,
      changedRows(before.nodes[label], after.nodes[label], (row) => row.id).write,
    );
  }
  for (const type of RELATIONSHIP_TYPES) {
    await writer.upsertRelationships(
      type,
      changedRows(before.relationships[type], after.relationships[type], endKey).write,
    );
  }
}
