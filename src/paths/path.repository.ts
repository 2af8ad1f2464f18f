/** Shortest relationship paths between two nodes, for explainPath. */
import type { Database } from "../neo4j/database";

export const MAX_HOPS = 6;
export const MAX_PATHS = 10;

// The upper bound is a constant (Cypher cannot take it as a parameter); shorter limits are applied with $maxHops.
export const FIND_SHORTEST_PATHS = /* cypher */ `
  MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
  MATCH path = allShortestPaths((a)-[*..${MAX_HOPS}]-(b))
  WHERE length(path) <= $maxHops
  WITH path LIMIT ${MAX_PATHS}
  RETURN [node IN nodes(path) | node.id] AS nodeIds,
         [link IN relationships(path) | {type: type(link), from: startNode(link).id, to: endNode(link).id, basis: link.basis}] AS links`;

export interface PathLink {
  type: string;
  from: string;
  to: string;
  basis: string | null;
}

export interface PathRecord {
  nodeIds: string[];
  links: PathLink[];
}

export class PathRepository {
  constructor(private readonly db: Database) {}

  async findShortestPaths(fromId: string, toId: string, maxHops: number): Promise<PathRecord[]> {
    const rows = await this.db.read<{ nodeIds: string[]; links: PathLink[] }>(FIND_SHORTEST_PATHS, {
      fromId,
      toId,
      maxHops,
    });
    return rows.map((row) => ({ nodeIds: row.nodeIds, links: row.links }));
  }
}
