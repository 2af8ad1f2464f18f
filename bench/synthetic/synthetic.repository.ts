/**
 * The synthetic builder's own Cypher: its release marker, the guard against curated data, clearing an earlier
 * synthetic build in batches, and graph counts. Labels and types come from the fixed tables in graph-plan.ts.
 */
import type { Database } from "../../src/neo4j/database";
import {
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
} from "../../src/write-model/graph-plan";

export const FIND_SYNTHETIC_RELEASE = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  RETURN r.version AS version, r.checksum AS checksum, coalesce(r.synthetic, false) AS synthetic,
         r.conditions AS conditions, r.loadedAt AS loadedAt`;

export const FIND_CURATED_ENTITY = /* cypher */ `
  MATCH (n:Entity)
  WHERE n.synthetic IS NULL OR n.synthetic <> true
  RETURN n.id AS id
  LIMIT 1`;

export const DELETE_RELEASE = /* cypher */ `
  MATCH (r:DataRelease {id: 'release'})
  DELETE r`;

/** One batch of an earlier synthetic build; callers repeat it until it deletes nothing. */
export const deleteSyntheticBatch = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${label})
  WHERE n.synthetic = true
  WITH n LIMIT toInteger($limit)
  DETACH DELETE n
  RETURN count(*) AS deleted`;

export const WRITE_SYNTHETIC_RELEASE = /* cypher */ `
  MERGE (r:DataRelease {id: 'release'})
  SET r = {id: 'release', version: 1, checksum: $checksum, synthetic: true, conditions: toInteger($conditions)},
      r.loadedAt = datetime()
  RETURN r.version AS version, r.checksum AS checksum, r.synthetic AS synthetic,
         r.conditions AS conditions, r.loadedAt AS loadedAt`;

// COUNT {} over one label or one relationship type is answered from the count store: constant time.
export const COUNT_GRAPH = /* cypher */ `
  RETURN {${NODE_LABELS.map((label) => `${label}: COUNT { (:${label}) }`).join(", ")}} AS nodes,
         {${RELATIONSHIP_TYPES.map((type) => `${type}: COUNT { ()-[:${type}]->() }`).join(", ")}} AS relationships,
         COUNT { () } AS totalNodes,
         COUNT { ()-->() } AS totalRelationships`;

/** Deletion order: the many leaves first, so no batch detaches a hub with hundreds of thousands of links. */
export const CLEAR_ORDER: readonly NodeLabel[] = [
  "Recommendation",
  "Code",
  "Condition",
  ...NODE_LABELS.filter((label) => !["Recommendation", "Code", "Condition"].includes(label)),
];

export interface SyntheticRelease {
  version: number;
  checksum: string;
  synthetic: boolean;
  conditions: number | null;
  loadedAt: string;
}

export interface GraphCounts {
  nodes: Record<NodeLabel, number>;
  relationships: Record<RelationshipType, number>;
  totalNodes: number;
  totalRelationships: number;
}

export class SyntheticRepository {
  constructor(private readonly db: Database) {}

  async findRelease(): Promise<SyntheticRelease | null> {
    const [row] = await this.db.read<Record<string, unknown> & SyntheticRelease>(FIND_SYNTHETIC_RELEASE);
    return row ? { ...row, conditions: row.conditions ?? null } : null;
  }

  /** The id of some node that is not synthetic (curated data), or null when there is none. */
  async findCuratedEntity(): Promise<string | null> {
    const [row] = await this.db.read<{ id: string | null }>(FIND_CURATED_ENTITY);
    return row ? (row.id ?? "(a node without id)") : null;
  }

  async deleteRelease(): Promise<void> {
    await this.db.write(DELETE_RELEASE);
  }

  /** Deletes at most limit synthetic nodes of that label (and their relationships); returns how many. */
  async deleteSyntheticBatch(label: NodeLabel, limit: number): Promise<number> {
    const [row] = await this.db.write<{ deleted: number }>(deleteSyntheticBatch(label), { limit });
    return row?.deleted ?? 0;
  }

  async writeRelease(checksum: string, conditions: number): Promise<SyntheticRelease> {
    const [row] = await this.db.write<Record<string, unknown> & SyntheticRelease>(WRITE_SYNTHETIC_RELEASE, {
      checksum,
      conditions,
    });
    return row!;
  }

  async counts(): Promise<GraphCounts> {
    const [row] = await this.db.read<Record<string, unknown> & GraphCounts>(COUNT_GRAPH);
    return row!;
  }
}
