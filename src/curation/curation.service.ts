/**
 * Applies one curation operation: read the graph as seed records, edit, validate with the seed's own rules,
 * then write the difference, bump the release and record the change — all in one write transaction.
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
import { ExportRepository } from "./export.repository";
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

  private async applyNow(operation: Operation, principal: Principal): Promise<AppliedChange> {
    const repository = new CurationRepository(this.db);
    const expectedVersion = await repository.releaseVersion();
    const set = await exportSeedSet(new ExportRepository(this.db));
    const current = planGraph(set);
    const result = operation.apply(set);
    const { problems } = validateSeed(set as unknown as Record<keyof SeedSet, unknown>);
    if (problems.length > 0) throw validationError(problems, operation.entityId);
    const plan = planGraph(set);
    return this.db.writeTransaction(async (tx) => {
      await syncDifference(new SeedWriter(tx), current, plan);
      if (totalChanges(tx.counters) === 0) {
        return {
          changeId: null,
          entityId: operation.entityId,
          version: expectedVersion,
          changed: false,
          removedIds: [],
        };
      }
      this.hooks.afterSync?.();
      const writer = new CurationWriter(tx);
      const version = await writer.bumpRelease(expectedVersion, checksumOf(set));
      if (version === null) {
        throw new WriteConflictError();
      }
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
  }
}
