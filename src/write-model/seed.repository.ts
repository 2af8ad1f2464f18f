/**
 * The seed loader's Cypher. Labels and relationship types come from the fixed tables in graph-plan.ts, never
 * from input; all values travel as $parameters.
 */
import type { Database, WriteTransaction } from "../neo4j/database";
import {
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type NodeRow,
  type RelationshipRow,
  type RelationshipType,
} from "./graph-plan";
import { CREATE_NAMES_INDEX, CREATE_SEARCH_INDEX } from "../search/search-index";

/**
 * Uniqueness of every id across all kinds (Entity), per label for fast MERGE, one code per system and key, and
 * the indexes that serve ordered lists and search.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
  ...NODE_LABELS.map(
    (label) =>
      `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  "CREATE CONSTRAINT code_system_key IF NOT EXISTS FOR (c:Code) REQUIRE (c.system, c.key) IS UNIQUE",
  "CREATE CONSTRAINT data_release_id IF NOT EXISTS FOR (r:DataRelease) REQUIRE r.id IS UNIQUE",
  // Unfiltered lists by name are read in this order (indexedPage) instead of sorting every node.
  "CREATE RANGE INDEX condition_name IF NOT EXISTS FOR (c:Condition) ON (c.name)",
  "CREATE RANGE INDEX treatment_name IF NOT EXISTS FOR (t:Treatment) ON (t.name)",
  CREATE_SEARCH_INDEX,
  CREATE_NAMES_INDEX,
];

export const AWAIT_INDEXES = "CALL db.awaitIndexes(120)";

/** Creates missing nodes and rewrites only those whose content hash changed: unchanged rows write nothing. */
export const upsertNodes = (label: NodeLabel) => /* cypher */ `
  UNWIND $rows AS row
  MERGE (n:${label} {id: row.id})
  ON CREATE SET n:Entity
  WITH n, row
  WHERE n.contentHash IS NULL OR n.contentHash <> row.hash
  SET n = row.props, n.contentHash = row.hash`;

// Only nodes the loader wrote (Entity, with its content hash): a node it did not create is never deleted.
export const deleteNodesNotIn = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${label}:Entity)
  WHERE n.contentHash IS NOT NULL AND NOT n.id IN $ids
  DETACH DELETE n`;

export const deleteNodesByIds = (label: NodeLabel) => /* cypher */ `
  UNWIND $ids AS id
  MATCH (n:${label} {id: id})
  DETACH DELETE n`;

export const deleteRelationshipsByEnds = (type: RelationshipType) => /* cypher */ `
  UNWIND $ends AS end
  MATCH (a:Entity {id: end.from})-[r:${type}]->(b:Entity {id: end.to})
  DELETE r`;

export const upsertRelationships = (type: RelationshipType) => /* cypher */ `
  UNWIND $rows AS row
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  MERGE (a)-[r:${type}]->(b)
  WITH r, row
  WHERE r.contentHash IS NULL OR r.contentHash <> row.hash
  SET r = row.props, r.contentHash = row.hash`;

export const deleteRelationshipsNotIn = (type: RelationshipType) => /* cypher */ `
  MATCH (a:Entity)-[r:${type}]->(b:Entity)
  WHERE r.contentHash IS NOT NULL AND NOT (a.id + '>' + b.id) IN $keys
  DELETE r`;

/**
 * Whose database this is. The marker is the DataRelease node every PainGraph load writes (data folders seeded
 * before the marker had a name carry it too); its audit trail (Change) is ours as well. Anything else in a
 * database without the marker belongs to someone else.
 */
export const FIND_OWNERSHIP = /* cypher */ `
  RETURN EXISTS { MATCH (:DataRelease {id: 'release'}) } AS marked,
         COUNT { MATCH (n) WHERE NOT n:Change } AS nodes`;

export const FIND_RELEASE = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  RETURN r.version AS version, r.checksum AS checksum, r.synthetic AS synthetic, coalesce(r.unexported, false) AS unexported`;

// The release lock curated writes take (curation.repository.ts), read inside the seed's own transaction: a
// curated write either committed before (and is seen as unexported) or waits until the load is done.
export const LOCK_RELEASE = /* cypher */ `
  OPTIONAL MATCH (r:DataRelease {id: 'release'})
  SET r.lockedBy = 'seed'
  REMOVE r.lockedBy
  RETURN r.version AS version, r.checksum AS checksum, r.synthetic AS synthetic, coalesce(r.unexported, false) AS unexported`;

export const FIND_PENDING_CHANGES = /* cypher */ `
  MATCH (c:Change {exported: false})
  RETURN c.entityId AS entityId, c.operation AS operation, c.actor AS actor
  ORDER BY c.version`;

// Loading the files makes them the truth again: curated changes still pending are settled (kept in the audit).
export const SETTLE_PENDING_CHANGES = /* cypher */ `
  MATCH (c:Change {exported: false})
  SET c.exported = true, c.discarded = true`;

export const BUMP_RELEASE = /* cypher */ `
  MERGE (r:DataRelease {id: 'release'})
  SET r.version = coalesce(r.version, 0) + 1,
      r.loadedAt = datetime(),
      r.checksum = $checksum,
      r.synthetic = $synthetic,
      r.unexported = false
  RETURN r.version AS version`;

export const SET_RELEASE_CHECKSUM = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  SET r.checksum = $checksum
  RETURN r.version AS version`;

export interface ReleaseState {
  version: number;
  checksum: string;
  synthetic: boolean;
  /** Curated writes happened since the last export or load. */
  unexported: boolean;
}

export type PendingChange = { entityId: string; operation: string; actor: string };

export class SeedRepository {
  constructor(private readonly db: Database) {}

  async ensureSchema(): Promise<void> {
    for (const statement of SCHEMA_STATEMENTS) await this.db.schema(statement);
    await this.db.schema(AWAIT_INDEXES);
  }

  async findRelease(): Promise<ReleaseState | null> {
    type Row = { version: number; checksum: string; synthetic: boolean | null; unexported: boolean };
    const [row] = await this.db.read<Row>(FIND_RELEASE);
    return row
      ? {
          version: row.version,
          checksum: row.checksum,
          synthetic: row.synthetic ?? false,
          unexported: row.unexported,
        }
      : null;
  }

  /** True when the database holds nodes but no PainGraph marker: someone else's data. */
  async isForeign(): Promise<boolean> {
    const [row] = await this.db.read<{ marked: boolean; nodes: number }>(FIND_OWNERSHIP);
    return !row!.marked && row!.nodes > 0;
  }

  async findPendingChanges(): Promise<PendingChange[]> {
    return this.db.read<PendingChange>(FIND_PENDING_CHANGES);
  }
}

/** The statements of one sync, run inside the caller's single write transaction. */
export class SeedWriter {
  constructor(private readonly tx: WriteTransaction) {}

  async upsertNodes(label: NodeLabel, rows: NodeRow[]): Promise<void> {
    if (rows.length > 0) await this.tx.run(upsertNodes(label), { rows });
  }

  async deleteNodesNotIn(label: NodeLabel, ids: string[]): Promise<void> {
    await this.tx.run(deleteNodesNotIn(label), { ids });
  }

  async deleteNodesByIds(label: NodeLabel, ids: string[]): Promise<void> {
    if (ids.length > 0) await this.tx.run(deleteNodesByIds(label), { ids });
  }

  async deleteRelationshipsByEnds(
    type: RelationshipType,
    ends: Array<{ from: string; to: string }>,
  ): Promise<void> {
    if (ends.length > 0) await this.tx.run(deleteRelationshipsByEnds(type), { ends });
  }

  async upsertRelationships(type: RelationshipType, rows: RelationshipRow[]): Promise<void> {
    if (rows.length > 0) await this.tx.run(upsertRelationships(type), { rows });
  }

  async deleteRelationshipsNotIn(type: RelationshipType, keys: string[]): Promise<void> {
    await this.tx.run(deleteRelationshipsNotIn(type), { keys });
  }

  async bumpRelease(checksum: string, synthetic: boolean): Promise<number> {
    const [row] = await this.tx.run<{ version: number }>(BUMP_RELEASE, { checksum, synthetic });
    return row!.version;
  }

  async setReleaseChecksum(checksum: string): Promise<void> {
    await this.tx.run(SET_RELEASE_CHECKSUM, { checksum });
  }

  /** Takes the release lock and reads the release under it; null when the graph was never seeded. */
  async lockRelease(): Promise<ReleaseState | null> {
    type Row = { version: number | null; checksum: string; synthetic: boolean | null; unexported: boolean };
    const [row] = await this.tx.run<Row>(LOCK_RELEASE);
    if (!row || row.version === null) return null;
    return {
      version: row.version,
      checksum: row.checksum,
      synthetic: row.synthetic ?? false,
      unexported: row.unexported,
    };
  }

  async findPendingChanges(): Promise<PendingChange[]> {
    return this.tx.run<PendingChange>(FIND_PENDING_CHANGES);
  }

  async settlePendingChanges(): Promise<void> {
    await this.tx.run(SETTLE_PENDING_CHANGES);
  }
}

export { RELATIONSHIP_TYPES };
