/**
 * The audit trail as a hash chain: each Change carries the SHA-256 of its own content and of the previous change's
 * hash, computed inside the write transaction after the release lock (writers are serialised there). Editing,
 * deleting or reordering a recorded change breaks the chain at that change. Changes recorded before the chain
 * existed carry no hash; they are counted as unchained and the chain starts after them.
 */
import { createHash } from "node:crypto";
import type { Database, WriteTransaction } from "../neo4j/database";

/** What a change's hash covers (the stored strings, not re-serialised objects; bookkeeping flags excluded). */
export type ChainedFields = {
  id: string;
  version: number;
  atMillis: number;
  actor: string;
  method: string;
  operation: string;
  entityId: string;
  before: string | null;
  after: string | null;
};

export function changeHash(fields: ChainedFields, previousHash: string | null): string {
  const content = [
    previousHash,
    fields.id,
    fields.version,
    fields.atMillis,
    fields.actor,
    fields.method,
    fields.operation,
    fields.entityId,
    fields.before,
    fields.after,
  ];
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

export const LAST_CHANGE_HASH = /* cypher */ `
  MATCH (c:Change) WHERE c.hash IS NOT NULL
  RETURN c.hash AS hash ORDER BY c.version DESC LIMIT 1`;

export const READ_CHAIN = /* cypher */ `
  MATCH (c:Change)
  RETURN c.id AS id, c.version AS version, c.at.epochMillis AS atMillis, c.actor AS actor, c.method AS method,
         c.operation AS operation, c.entityId AS entityId, c.before AS before, c.after AS after,
         c.hash AS hash, c.previousHash AS previousHash
  ORDER BY c.version, c.id`;

/** The hash the next change links to; read after the release lock, in the same transaction. */
export async function lastChangeHash(tx: WriteTransaction): Promise<string | null> {
  const [row] = await tx.run<{ hash: string }>(LAST_CHANGE_HASH);
  return row?.hash ?? null;
}

export interface ChainBreak {
  changeId: string;
  version: number;
  reason: string;
}

export interface ChainVerification {
  /** Changes whose hash was checked. */
  checked: number;
  /** Changes recorded before the chain existed (no hash), all before the first chained one. */
  unchained: number;
  /** The first change where the chain does not hold; null when it holds throughout. */
  firstBreak: ChainBreak | null;
}

type ChainRow = ChainedFields & { hash: string | null; previousHash: string | null };

export async function verifyAuditChain(db: Database): Promise<ChainVerification> {
  const rows = await db.read<ChainRow>(READ_CHAIN);
  let previous: string | null = null;
  let chained = false;
  let checked = 0;
  let unchained = 0;
  for (const row of rows) {
    const broken = (reason: string) => ({
      checked,
      unchained,
      firstBreak: { changeId: row.id, version: row.version, reason },
    });
    if (row.hash === null || row.hash === undefined) {
      if (chained) return broken("the change has no hash, though changes before it are chained");
      unchained += 1;
      continue;
    }
    chained = true;
    if ((row.previousHash ?? null) !== previous)
      return broken(
        "its previous hash does not match the change before it (a change was removed or reordered)",
      );
    if (changeHash(row, previous) !== row.hash)
      return broken("its content does not match its hash (the change was edited)");
    previous = row.hash;
    checked += 1;
  }
  return { checked, unchained, firstBreak: null };
}
