/** The curation writes besides the graph sync: the release lock and bump, the audit trail, export marks. */
import { changeHash, lastChangeHash } from "./audit-chain";
import type { Database, WriteTransaction } from "../neo4j/database";
import { keysetPage } from "../pagination/keyset";
import type { Keyset } from "../pagination/cursor";
import type { Page } from "../pagination/page";
import { readPage } from "../pagination/read-page";

export const READ_RELEASE_VERSION = /* cypher */ `
  OPTIONAL MATCH (r:DataRelease {id: 'release'})
  RETURN coalesce(r.version, 0) AS version`;

/**
 * The release lock, "increment then check": the first statement of every curated write raises the release
 * version, which takes Neo4j's write lock on the release node until the transaction ends, so writers on every
 * replica queue here; the caller then checks the new version is the one after the version it read.
 */
export const TAKE_RELEASE_LOCK = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  SET r.version = r.version + 1
  RETURN r.version AS version`;

// Takes the same lock without a new version (export): set and remove a marker property, the Neo4j idiom.
export const HOLD_RELEASE_LOCK = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  SET r.lockedBy = $holder
  REMOVE r.lockedBy
  RETURN r.version AS version`;

export const FINISH_CURATED_RELEASE = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  SET r.loadedAt = datetime(), r.checksum = $checksum, r.unexported = true`;

export const RECORD_CHANGE = /* cypher */ `
  CREATE (c:Change {
    id: $id, at: datetime({epochMillis: $atMillis}), actor: $actor, method: $method, operation: $operation,
    entityId: $entityId, before: $before, after: $after, version: $version, exported: false,
    previousHash: $previousHash, hash: $hash
  })`;

// Marks only what the export held: a write committed after the export read (a higher version) stays pending.
export const MARK_EXPORTED = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  FOREACH (_ IN CASE WHEN r.version = $version THEN [1] ELSE [] END |
    SET r.unexported = false, r.checksum = $checksum)
  WITH r
  OPTIONAL MATCH (c:Change {exported: false})
  WHERE c.version <= $version
  SET c.exported = true
  RETURN r.version AS version, count(c) AS changes`;

const CHANGE_FILTER = /* cypher */ `
  ($since IS NULL OR c.at >= datetime($since)) AND ($entityId IS NULL OR c.entityId = $entityId)`;

export const FIND_CHANGE = /* cypher */ `
  MATCH (c:Change {id: $id})
  RETURN c {.*, at: toString(c.at)} AS change`;

export const PAGE_CHANGES = keysetPage({
  match: "(c:Change)",
  variable: "c",
  filter: CHANGE_FILTER,
  sortExpression: "c.version",
  direction: "ASC",
  projection: "c {.*, at: toString(c.at)}",
});

export interface ChangeRecord {
  id: string;
  at: string;
  actor: string;
  method: string;
  operation: string;
  entityId: string;
  before: string | null;
  after: string | null;
  version: number;
  [key: string]: unknown;
}

export interface ChangeInput {
  id: string;
  actor: string;
  method: string;
  operation: string;
  entityId: string;
  before: unknown;
  after: unknown;
  version: number;
}

export class CurationRepository {
  constructor(private readonly db: Database) {}

  async releaseVersion(): Promise<number> {
    const [row] = await this.db.read<{ version: number }>(READ_RELEASE_VERSION);
    return row?.version ?? 0;
  }

  async findChange(id: string): Promise<ChangeRecord | null> {
    const [row] = await this.db.read<{ change: ChangeRecord }>(FIND_CHANGE, { id });
    return row?.change ?? null;
  }

  /** Marks the changes up to the exported version; the release is settled only if nothing came after. */
  async markExported(version: number, checksum: string): Promise<{ version: number; changes: number }> {
    const [row] = await this.db.write<{ version: number; changes: number }>(MARK_EXPORTED, {
      version,
      checksum,
    });
    return row ?? { version: 0, changes: 0 };
  }

  pageChanges(
    filter: { since: string | null; entityId: string | null },
    first: number,
    after: Keyset | null,
  ): Promise<Page<ChangeRecord>> {
    return readPage(
      this.db,
      { cypher: PAGE_CHANGES, params: filter, first, after },
      (row: ChangeRecord) => row,
    );
  }
}

/** The statements a curation transaction adds to the sync, inside the same transaction. */
export class CurationWriter {
  constructor(private readonly tx: WriteTransaction) {}

  /**
   * Takes the release lock (held until the transaction ends) and returns the new version, or null when
   * there is no release yet. Callers check it is one past the version they read (releaseVersion()).
   */
  async takeReleaseLock(): Promise<number | null> {
    const [row] = await this.tx.run<{ version: number }>(TAKE_RELEASE_LOCK);
    return row?.version ?? null;
  }

  /** Takes the release lock without changing the version (a consistent read); null when there is no release. */
  async holdReleaseLock(holder: string): Promise<number | null> {
    const [row] = await this.tx.run<{ version: number }>(HOLD_RELEASE_LOCK, { holder });
    return row?.version ?? null;
  }

  async finishRelease(checksum: string): Promise<void> {
    await this.tx.run(FINISH_CURATED_RELEASE, { checksum });
  }

  /** Records the change linked into the audit chain; call after takeReleaseLock (writers are serialised). */
  async recordChange(change: ChangeInput): Promise<void> {
    const fields = {
      ...change,
      atMillis: Date.now(),
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
    };
    const previousHash = await lastChangeHash(this.tx);
    await this.tx.run(RECORD_CHANGE, { ...fields, previousHash, hash: changeHash(fields, previousHash) });
  }
}
