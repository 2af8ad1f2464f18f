/** Reads any exposed node by id in one query; the basis of node(id) and every reference resolved by id. */
import type { Database } from "../neo4j/database";
import {
  inKeyOrder,
  nodeOf,
  toEntity,
  type EntityRecord,
  type NodeOf,
  type NodeTypename,
} from "./entity.model";
import { ALL, propertiesOf, type Projection } from "./projection";

/**
 * What an entity query returns: the projected properties (all by default) and the one label besides Entity. With
 * `label`, the pattern that bound the variable named it: every node the loader writes has exactly Entity and its
 * own label, so the statement need not read the node's labels.
 */
export const entityProjection = (variable: string, projection: Projection = ALL, label?: NodeTypename) =>
  `${variable} {${propertiesOf(projection)}, __label: ${label ? `'${label}'` : `[label IN labels(${variable}) WHERE label <> 'Entity'][0]`}}`;

export const findEntitiesByIds = (projection: Projection = ALL) => /* cypher */ `
  UNWIND $ids AS key
  MATCH (n:Entity {id: key})
  RETURN key, ${entityProjection("n", projection)} AS node`;

export const FIND_ENTITIES_BY_IDS = findEntitiesByIds();

export function entityFromRow(node: Record<string, unknown>): EntityRecord {
  const { __label: label, ...props } = node;
  return toEntity(props, typeof label === "string" ? label : null);
}

/** A row's node as the record of the label(s) the query matched: `nodeFromRow("Condition")`. */
export const nodeFromRow =
  <Typename extends NodeTypename>(...typenames: Typename[]) =>
  (node: Record<string, unknown>): NodeOf<Typename> =>
    nodeOf(typenames, entityFromRow(node));

export class EntityRepository {
  constructor(private readonly db: Database) {}

  /** One slot per id, in the order given; null where no node has that id. */
  async findByIds(ids: readonly string[], projection: Projection = ALL): Promise<Array<EntityRecord | null>> {
    const rows = await this.db.read<{ key: string; node: Record<string, unknown> }>(
      findEntitiesByIds(projection),
      { ids },
    );
    return inKeyOrder(
      ids,
      rows.map((row) => ({ key: row.key, value: entityFromRow(row.node) })),
      null,
    );
  }
}
