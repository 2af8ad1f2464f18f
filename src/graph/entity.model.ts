/** Nodes as the repositories return them: their stored properties plus the GraphQL type name. */

export const NODE_TYPENAMES = [
  "Condition",
  "ConditionGroup",
  "Treatment",
  "Modality",
  "Discipline",
  "Profession",
  "Guideline",
  "Source",
  "Recommendation",
  "Myth",
  "Statistic",
  "Precaution",
] as const;
export type NodeTypename = (typeof NODE_TYPENAMES)[number];

export interface EntityRecord {
  id: string;
  /** The node's label, which is also its GraphQL type name; null for nodes the API does not expose. */
  __typename: NodeTypename | null;
  [property: string]: unknown;
}

export function toEntity(props: Record<string, unknown>, label: string | null): EntityRecord {
  const typename = (NODE_TYPENAMES as readonly string[]).includes(label ?? "")
    ? (label as NodeTypename)
    : null;
  return { ...(props as { id: string }), __typename: typename };
}

/**
 * A care link (provider DELIVERS treatment, MANAGES condition, WORKS_WITH provider) and why it exists.
 * Each end is either the loaded node or, for the end the query started from, just its id.
 */
export interface CareLinkRecord {
  provider: EntityRecord | string;
  target: EntityRecord | string;
  basis: string;
  note: string | null;
  sourceIds: string[];
}

/** Puts rows into key order, one slot per key: the DataLoader batch contract. */
export function inKeyOrder<T>(
  keys: readonly string[],
  rows: ReadonlyArray<{ key: string; value: T }>,
  missing: T,
): T[] {
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  return keys.map((key) => byKey.get(key) ?? missing);
}
