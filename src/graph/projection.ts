/**
 * Projection push-down: the stored properties a selection needs, so a loader asks Neo4j for those and not for
 * whole nodes (decoding whole nodes was the largest cost of executing a traversal, BENCHMARKS.md).
 *
 * Safe by construction: a field without a resolver reads the record's property of its own name, so it needs that
 * property; a field with a resolver needs what RESOLVER_READS says it reads; any other field makes the projection
 * `ALL` (every property, as before). A record read with a projection serves only the selection it came from.
 * Which fields have no resolver is recorded when the schema is built (markStoredFields), before Apollo Server wraps
 * every field's resolver for its plugins; a schema never marked always projects ALL.
 */
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { foldable, selects } from "./selection";

/** Stored properties to read besides `id` (sorted, distinct), or ALL. */
export type Projection = readonly string[] | typeof ALL;
export const ALL = null;

/**
 * Field resolvers by the stored properties of their root they read besides `id` (most ask a loader by id). A
 * resolver not listed here may read anything: selecting it reads the whole node.
 */
const RESOLVER_READS: Record<string, Record<string, readonly string[]>> = {
  Condition: { recommendations: [], treatments: [], careTeam: [], managedBy: [], groups: [] },
  Treatment: { recommendations: [], deliveredBy: [], modalities: [], conditions: [] },
  Guideline: { recommendations: [] },
  // An end read by id needs its id column (computed by every recommendation statement, never a stored property).
  Recommendation: {
    treatment: ["treatmentId"],
    condition: ["conditionId"],
    guideline: ["guidelineId"],
    phase: ["phases"],
    conflictsWith: [],
  },
  // A care link's ends come with the link's row (or by id); its sources are its stored sourceIds.
  Delivery: { provider: [], treatment: [], sources: ["sourceIds"] },
  Management: { provider: [], condition: [], sources: ["sourceIds"] },
  Collaboration: { provider: [], partner: [], sources: ["sourceIds"] },
};

/** Per schema: "Type.field" for every object field resolved by reading the record's property of its name. */
const STORED_FIELDS = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/** Records which fields read a stored property of their own name; call it on the schema as built. */
export function markStoredFields(schema: GraphQLSchema): GraphQLSchema {
  const stored = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields()))
      if (!field.resolve) stored.add(`${type.name}.${field.name}`);
  }
  STORED_FIELDS.set(schema, stored);
  return schema;
}

/** A property name as Cypher's map projection takes it (it comes from the schema, never from the request). */
const PROPERTY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Projections already worked out, by the field nodes they came from: graphql-js hands every item of a list the same
 * field-node array, so a level of 259 recommendations works its projection out once.
 */
const WORKED_OUT = new WeakMap<readonly FieldNode[], Map<string, Projection>>();

/** What the field being resolved selects, or below it along `path` (e.g. ["edges", "node"], ["provider"]). */
export function projectionOf(info: GraphQLResolveInfo, path: readonly string[] = []): Projection {
  let known = WORKED_OUT.get(info.fieldNodes);
  if (!known) WORKED_OUT.set(info.fieldNodes, (known = new Map()));
  const key = path.join(".");
  if (!known.has(key)) known.set(key, workOut(info, path));
  return known.get(key)!;
}

/**
 * The one-hop ends the items of a list are asked for, each with its projection: of `names` (fields of the item type
 * that each resolve one neighbour by id), those the selection asks for. A repository that matches those neighbours
 * anyway returns them folded into the item, which saves the level's statement (BENCHMARKS.md, lever table). With
 * `path`, the list is that field below the current one (a parent folding the list itself into its own read).
 */
export function foldedEnds<Name extends string>(
  info: GraphQLResolveInfo,
  names: readonly Name[],
  path: readonly string[] = [],
): FoldedEnds<Name> {
  let known = WORKED_OUT_ENDS.get(info.fieldNodes);
  if (!known) WORKED_OUT_ENDS.set(info.fieldNodes, (known = new Map()));
  const key = `${path.join(".")}|${names.join(",")}`;
  if (!known.has(key)) {
    const ends: Partial<Record<Name, Projection>> = {};
    for (const name of names)
      if (selects(info, [...path, name])) ends[name] = projectionOf(info, [...path, name]);
    known.set(key, ends);
  }
  return known.get(key)!;
}

/** How a care-link list is read: the projections of its provider and of the link itself. */
export interface LinksRead {
  provider: Projection;
  link: Projection;
}

/**
 * The projections a care-link list `field` at `path` below the current field will be asked with (its provider's and
 * its own, as the field's resolver works them out), when a parent's read can answer it (foldable); else undefined.
 */
export function foldedLinksRead(
  info: GraphQLResolveInfo,
  path: readonly string[],
  field: string,
): LinksRead | undefined {
  if (!foldable(info, field, path)) return undefined;
  return {
    provider: projectionOf(info, [...path, field, "provider"]),
    link: projectionOf(info, [...path, field]),
  };
}

/** foldedEnds already worked out, by the field nodes they came from (as WORKED_OUT: once per list level). */
const WORKED_OUT_ENDS = new WeakMap<readonly FieldNode[], Map<string, FoldedEnds>>();

/** Ends to fold into a list's items, by field name; an absent name is not folded. */
export type FoldedEnds<Name extends string = string> = Readonly<Partial<Record<Name, Projection>>>;

/** A loader key part: equal for equal folds. */
export function foldKey(ends: FoldedEnds): string {
  return Object.entries(ends)
    .map(([name, projection]) => `${name}:${projectionKey(projection as Projection)}`)
    .sort()
    .join(";");
}

function workOut(info: GraphQLResolveInfo, path: readonly string[]): Projection {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  let type = getNamedType(info.returnType);
  for (const name of path) {
    const field = isObjectType(type) ? type.getFields()[name] : undefined;
    if (!field) return ALL;
    const types = [type as GraphQLObjectType];
    nodes = nodes.flatMap((node) =>
      fieldsIn(node.selectionSet, info, types)
        .map((selected) => selected.field)
        .filter((selected) => selected.name.value === name),
    );
    type = getNamedType(field.type);
  }
  const stored = STORED_FIELDS.get(info.schema);
  const types = concreteTypes(type, info);
  if (!stored || types.length === 0) return ALL;
  const properties = new Set<string>();
  for (const { field, on } of nodes.flatMap((node) => fieldsIn(node.selectionSet, info, types))) {
    const name = field.name.value;
    if (name === "__typename" || name === "id") continue;
    for (const object of on) {
      const reads = readsOf(object, name, stored);
      if (reads === ALL) return ALL;
      for (const property of reads) properties.add(property);
    }
  }
  return [...properties].sort();
}

/** The properties the field `name` of `object` reads from its record (none when the type has no such field). */
function readsOf(object: GraphQLObjectType, name: string, stored: ReadonlySet<string>): Projection {
  if (!object.getFields()[name]) return [];
  if (stored.has(`${object.name}.${name}`)) return PROPERTY.test(name) ? [name] : ALL;
  return RESOLVER_READS[object.name]?.[name] ?? ALL;
}

function concreteTypes(type: GraphQLNamedType, info: GraphQLResolveInfo): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return info.schema.getPossibleTypes(type);
  return [];
}

/**
 * The fields of a selection set with the object types each applies to: through inline fragments and named
 * fragments, narrowed by their type conditions.
 */
function fieldsIn(
  set: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  on: readonly GraphQLObjectType[],
): Array<{ field: FieldNode; on: readonly GraphQLObjectType[] }> {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === "Field") return [{ field: selection, on }];
    const fragment = selection.kind === "InlineFragment" ? selection : info.fragments[selection.name.value];
    if (!fragment) return [];
    const condition = fragment.typeCondition && info.schema.getType(fragment.typeCondition.name.value);
    const narrowed = condition ? on.filter((object) => concreteTypes(condition, info).includes(object)) : on;
    return fieldsIn(fragment.selectionSet, info, narrowed);
  });
}

/** The inside of a Cypher map projection: the projection's properties (`id` always), or every property. */
export function propertiesOf(projection: Projection): string {
  if (projection === ALL) return `.*`;
  return [".id", ...projection.map((property) => `.${property}`)].join(", ");
}

/** The projection without properties a query computes itself (they are always returned). */
export function without(projection: Projection, computed: readonly string[]): Projection {
  return projection === ALL ? ALL : projection.filter((property) => !computed.includes(property));
}

/** The projection with properties the repository itself needs (a sort key for a cursor). */
export function withProperties(projection: Projection, needed: readonly string[]): Projection {
  return projection === ALL ? ALL : [...new Set([...projection, ...needed])].sort();
}

/** Every property any of the projections reads (ALL if one of them is ALL). */
export function unionOf(projections: readonly Projection[]): Projection {
  const properties = new Set<string>();
  for (const projection of projections) {
    if (projection === ALL) return ALL;
    for (const property of projection) properties.add(property);
  }
  return [...properties].sort();
}

/** A loader key part: equal for equal projections. */
export function projectionKey(projection: Projection): string {
  return projection === ALL ? "*" : projection.join(",");
}
