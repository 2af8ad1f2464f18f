/**
 * Applies one curation operation: take the release lock, read the graph as seed records, edit, validate with
 * the seed's own rules, then write the difference and record the change — all in one write transaction.
 */
import { randomUUID } from "node:crypto";
import { createHash } from "node:crypto";
import type { Principal } from "../auth/principal";
import { BadUserInputError, WriteConflictError } from "../errors";
import type { Problem, SeedSet } from "../model/seed-set";
import type { Database } from "../neo4j/database";
import { totalChanges } from "../neo4j/database";
import { planGraph } from "../write-model/graph-plan";
import { validateSeed } from "../write-model/seed.rules";
import { SeedWriter } from "../write-model/seed.repository";
import { syncDifference } from "../write-model/seed.service";
import { CurationRepository, CurationWriter } from "./curation.repository";
import { ExportRepository, readerOf } from "./export.repository";
import type { Operation } from "./operations";
import { WriteQueue } from "./write-queue";
import { exportSeedSet, seedFileTexts } from "./seed-export";

export interface AppliedChange {
  changeId: string | null;
  entityId: string;
  version: number;
  changed: boolean;
  removedIds: string[];
}

export function checksumOf(set: SeedSet): string {
  const hash = createHash("sha256");
  for (const [file, text] of Object.entries(seedFileTexts(set)))
    hash.update(file).update("\0").update(text).update("\0");
  return hash.digest("hex");
}

function validationError(problems: Problem[], entityId: string): BadUserInputError {
  const fieldErrors = problems.map((problem) => ({
    field: problem.recordId === entityId && problem.field ? `input.${problem.field}` : null,
    record: problem.recordId,
    message: problem.message,
  }));
  const first = fieldErrors[0]!;
  const error = new BadUserInputError(
    `Invalid change: ${fieldErrors.map((e) => `${e.field ?? e.record}: ${e.message}`).join("; ")}`,
    first.field ?? undefined,
  );
  error.extensions.fieldErrors = fieldErrors;
  return error;
}

export interface CurationHooks {
  /** Fault injection for tests: runs inside the transaction after the graph is synced, before the audit. */
  afterSync?: () => void;
}

export class CurationService {
  constructor(
    private readonly db: Database,
    private readonly hooks: CurationHooks = {},
    private readonly queue: WriteQueue = new WriteQueue(),
  ) {}

  apply(operation: Operation, principal: Principal): Promise<AppliedChange> {
    return this.queue.run(() => this.applyNow(operation, principal));
  }

  /**
   * Reads the release version, then in one write transaction: takes the release lock (increment, then check
   * nobody wrote since the read), reads the graph under that lock, edits and validates it, writes the
   * difference and records the change. A loser of the check gets WRITE_CONFLICT; a write that changes
   * nothing is rolled back, so the version moves only with the data.
   */
  private async applyNow(operation: Operation, principal: Principal): Promise<AppliedChange> {
    const expectedVersion = await new CurationRepository(this.db).releaseVersion();
    try {
      return await this.db.writeTransaction(async (tx) => {
        const writer = new CurationWriter(tx);
        const version = await writer.takeReleaseLock();
        if (version !== expectedVersion + 1) throw new WriteConflictError();
        const set = await exportSeedSet(new ExportRepository(readerOf(tx)));
        const current = planGraph(set);
        const result = operation.apply(set);
        const { problems } = validateSeed(set as unknown as Record<keyof SeedSet, unknown>);
        if (problems.length > 0) throw validationError(problems, operation.entityId);
        const lockChanges = totalChanges(tx.counters);
        await syncDifference(new SeedWriter(tx), current, planGraph(set));
        if (totalChanges(tx.counters) === lockChanges) throw new NothingChanged();
        this.hooks.afterSync?.();
        await writer.finishRelease(checksumOf(set));
        const changeId = `change:${randomUUID()}`;
        await writer.recordChange({
          id: changeId,
          actor: principal.name,
          method: principal.method,
          operation: operation.name,
          entityId: operation.entityId,
          before: result.before,
          after: result.after,
          version,
        });
        return {
          changeId,
          entityId: operation.entityId,
          version,
          changed: true,
          removedIds: result.removedIds,
        };
      });
    } catch (error) {
      if (!(error instanceof NothingChanged)) throw error;
      const unchanged = { changeId: null, entityId: operation.entityId, changed: false, removedIds: [] };
      return { ...unchanged, version: expectedVersion };
    }
  }
}

/** Thrown inside the transaction to roll back the version increment of a write that changed nothing. */
class NothingChanged extends Error {}
