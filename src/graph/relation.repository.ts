/**
 * Batched one-hop traversals, one constant Cypher statement per relation. Each returns, for every key, the
 * related nodes (or care links) in a stable order, so a loader can answer a whole level in one round trip.
 */
import type { Database } from "../neo4j/database";
import { inKeyOrder, type CareLinkRecord, type EntityRecord } from "./entity.model";
import { entityFromRow, entityProjection, nodeFromRow } from "./entity.repository";
import { ALL, type LinksRead, type Projection } from "./projection";

const related = (match: string, variable: string, order: string) => /* cypher */ `
  UNWIND $ids AS key
  OPTIONAL MATCH ${match}
  WITH key, ${variable} ORDER BY ${order}
  RETURN key, collect(${entityProjection(variable)}) AS items`;

export const NODE_RELATIONS = {
  groupsOfCondition: related(
    "(:Condition {id: key})-[:IN_GROUP]->(m:ConditionGroup)",
    "m",
    "m.articleOrder, m.id",
  ),
  conditionsOfGroup: related("(:ConditionGroup {id: key})<-[:IN_GROUP]-(m:Condition)", "m", "m.name, m.id"),
  modalitiesOfTreatment: related("(:Treatment {id: key})-[:HAS_MODALITY]->(m:Modality)", "m", "m.name, m.id"),
  treatmentsOfModality: related("(:Modality {id: key})<-[:HAS_MODALITY]-(m:Treatment)", "m", "m.name, m.id"),
  classesOfTreatment: related("(:Treatment {id: key})-[:MEMBER_OF]->(m:Treatment)", "m", "m.name, m.id"),
  membersOfClass: related("(:Treatment {id: key})<-[:MEMBER_OF]-(m:Treatment)", "m", "m.name, m.id"),
  successorsOfGuideline: related(
    "(:Guideline {id: key})-[:SUPERSEDED_BY]->(m:Guideline)",
    "m",
    "m.year, m.id",
  ),
  predecessorsOfGuideline: related(
    "(:Guideline {id: key})<-[:SUPERSEDED_BY]-(m:Guideline)",
    "m",
    "m.year, m.id",
  ),
  citationsOf: related("(:Entity {id: key})-[:CITES]->(m:Entity)", "m", "m.year DESC, m.id"),
  factsOfMyth: related("(:Myth {id: key})-[:HAS_FACT]->(m:MythFact)", "m", "m.position"),
} as const;
export type NodeRelation = keyof typeof NODE_RELATIONS;

/** A care link's stored properties. */
const LINK_PROPERTIES = ["basis", "note", "sourceIds"] as const;

/** The columns of a link a selection reads (ALL: every property); `basis` always, the list's filter needs it. */
const linkColumns = (projection: Projection) =>
  LINK_PROPERTIES.filter((name) => name === "basis" || projection === ALL || projection.includes(name))
    .map((name) => `${name}: link.${name}`)
    .join(", ");

/** One link's row: the far end `other` with the projection's properties, the link with linkProjection's columns. */
const linkRow = (projection: Projection, linkProjection: Projection) => `{
    other: ${entityProjection("other", projection)},
    ${linkColumns(linkProjection)}
  }`;

/**
 * `anchor` is the node the key names; `other` is the far end, with the projection's properties (all by default);
 * of the link, the properties of `linkProjection` (a note or its sources only when selected).
 */
const links = (
  match: string,
  projection: Projection = ALL,
  linkProjection: Projection = ALL,
) => /* cypher */ `
  UNWIND $ids AS key
  OPTIONAL MATCH ${match}
  WITH key, anchor, link, other ORDER BY other.name, other.id
  RETURN key, collect(${linkRow(projection, linkProjection)}) AS items`;

const link = (anchor: "target" | "provider", match: string) => ({ anchor, match, cypher: links(match) });

/** Which end of the link the anchor is: decides whether `other` is the provider or the target. */
export const LINK_RELATIONS = {
  deliveriesOfTreatment: link("target", "(other:Entity)-[link:DELIVERS]->(anchor:Treatment {id: key})"),
  managementsOfCondition: link("target", "(other:Entity)-[link:MANAGES]->(anchor:Condition {id: key})"),
  deliveriesOfProvider: link("provider", "(anchor:Entity {id: key})-[link:DELIVERS]->(other:Treatment)"),
  managementsOfProvider: link("provider", "(anchor:Entity {id: key})-[link:MANAGES]->(other:Condition)"),
  collaborationsOfProvider: link("provider", "(anchor:Entity {id: key})-[link:WORKS_WITH]-(other:Entity)"),
} as const;
export type LinkRelation = keyof typeof LINK_RELATIONS;

/**
 * For a parent statement holding a list of treatment nodes in `treatments`: `CALL (treatments) { … }` giving, as
 * `deliveries`, one `{key, items}` per treatment with the rows deliveriesOfTreatment reads for it (linksFromRows
 * turns them into care links). How a parent folds its treatments' care links into its own read.
 */
export const deliveriesOfTreatments = (treatments: string, read: LinksRead) => /* cypher */ `
  CALL (${treatments}) {
    UNWIND ${treatments} AS anchor
    CALL (anchor) {
      OPTIONAL MATCH (other:Entity)-[link:DELIVERS]->(anchor)
      WITH link, other ORDER BY other.name, other.id
      RETURN collect(${linkRow(read.provider, read.link)}) AS links
    }
    RETURN collect({key: anchor.id, items: links}) AS deliveries
  }`;

/** A care link row as the link statements return it: the far end, and the link's properties asked. */
export interface LinkRow {
  other: Record<string, unknown> | null;
  basis: string;
  note?: string | null;
  sourceIds?: string[] | null;
}

/** The care links of `key` from its rows (of LINK_RELATIONS[relation] or a fold of it), the far end loaded. */
export function linksFromRows(
  relation: LinkRelation,
  key: string,
  items: readonly LinkRow[],
): CareLinkRecord[] {
  const { anchor } = LINK_RELATIONS[relation];
  const toLink = (item: LinkRow): CareLinkRecord => {
    const ends =
      anchor === "target"
        ? { provider: nodeFromRow("Discipline", "Profession")(item.other!), target: key }
        : { provider: key, target: entityFromRow(item.other!) };
    return { ...ends, basis: item.basis, note: item.note ?? null, sourceIds: item.sourceIds ?? [] };
  };
  return items.filter((item) => item.other?.id != null).map(toLink);
}

export class RelationRepository {
  constructor(private readonly db: Database) {}

  /** For each id, the related nodes in the relation's order; an empty list where there are none. */
  async findRelated(relation: NodeRelation, ids: readonly string[]): Promise<EntityRecord[][]> {
    const rows = await this.db.read<{ key: string; items: Array<Record<string, unknown>> }>(
      NODE_RELATIONS[relation],
      { ids },
    );
    return inKeyOrder(
      ids,
      rows.map((row) => ({
        key: row.key,
        value: row.items.filter((item) => item.id != null).map(entityFromRow),
      })),
      [],
    );
  }

  /** For each id, its care links, with the far end loaded and the key's own end as its id. */
  async findLinks(
    relation: LinkRelation,
    ids: readonly string[],
    projection: Projection = ALL,
    linkProjection: Projection = ALL,
  ): Promise<CareLinkRecord[][]> {
    const { match, cypher } = LINK_RELATIONS[relation];
    const rows = await this.db.read<{ key: string; items: LinkRow[] }>(
      projection === ALL && linkProjection === ALL ? cypher : links(match, projection, linkProjection),
      { ids },
    );
    return inKeyOrder(
      ids,
      rows.map((row) => ({ key: row.key, value: linksFromRows(relation, row.key, row.items) })),
      [],
    );
  }
}
