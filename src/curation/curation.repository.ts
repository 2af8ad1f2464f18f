/** The curation writes besides the graph sync: the release bump (optimistic), the audit trail, export marks. */
import type { Database, WriteTransaction } from "../neo4j/database";
import { keysetPage } from "../pagination/keyset";
import type { Keyset } from "../pagination/cursor";
import type { Page } from "../pagination/page";
import { readPage } from "../pagination/read-page";

export const READ_RELEASE_VERSION = /* cypher */ `
  OPTIONAL MATCH (r:DataRelease {id: 'release'})
  RETURN coalesce(r.version, 0) AS version`;

// Succeeds only if nobody else wrote since the caller read the graph: replicas cannot overwrite each other.
export const BUMP_CURATED_RELEASE = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  WHERE r.version = $expectedVersion
  SET r.version = r.version + 1, r.loadedAt = datetime(), r.checksum = $checksum, r.unexported = true
  RETURN r.version AS version`;

export const RECORD_CHANGE = /* cypher */ `
  CREATE (c:Change {
    id: $id, at: datetime(), actor: $actor, method: $method, operation: $operation,
    entityId: $entityId, before: $before, after: $after, version: $version, exported: false
  })`;

export const MARK_EXPORTED = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  SET r.unexported = false, r.checksum = $checksum
  WITH r
  OPTIONAL MATCH (c:Change {exported: false})
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

  async markExported(checksum: string): Promise<{ version: number; changes: number }> {
    const [row] = await this.db.write<{ version: number; changes: number }>(MARK_EXPORTED, { checksum });
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

  /** The new version, or null when another writer bumped the release first. */
  async bumpRelease(expectedVersion: number, checksum: string): Promise<number | null> {
    const [row] = await this.tx.run<{ version: number }>(BUMP_CURATED_RELEASE, { expectedVersion, checksum });
    return row?.version ?? null;
  }

  async recordChange(change: ChangeInput): Promise<void> {
    await this.tx.run(RECORD_CHANGE, {
      ...change,
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
    });
  }
}
