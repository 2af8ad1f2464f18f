/** Nodes as the repositories return them: their stored properties plus the GraphQL type name. */
import type {
  ConditionGroupNode,
  ConditionNode,
  DisciplineNode,
  DisciplineOrProfessionNode,
  GuidelineNode,
  ModalityNode,
  MythNode,
  PrecautionNode,
  ProfessionNode,
  RecommendationNode,
  SourceNode,
  StatisticNode,
  TreatmentNode,
  UnexposedNode,
} from "./node.records";

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

/** Any node, told apart by `__typename` (its label, which is also its GraphQL type name). */
export type EntityRecord =
  | ConditionNode
  | ConditionGroupNode
  | TreatmentNode
  | ModalityNode
  | DisciplineNode
  | ProfessionNode
  | GuidelineNode
  | SourceNode
  | RecommendationNode
  | MythNode
  | StatisticNode
  | PrecautionNode
  | UnexposedNode;

/** The record of one label: `NodeOf<"Condition">` is a ConditionNode. */
export type NodeOf<Typename extends NodeTypename> = Extract<EntityRecord, { __typename: Typename }>;

export function toEntity(props: Record<string, unknown>, label: string | null): EntityRecord {
  const typename = (NODE_TYPENAMES as readonly string[]).includes(label ?? "")
    ? (label as NodeTypename)
    : null;
  // The one place a stored node becomes a typed record: the label decides which, and the seed rules decided
  // what a node of that label holds.
  return { ...props, __typename: typename } as EntityRecord;
}

/** Narrows a node to the record of its label, or fails loudly when a query returned another kind. */
export function nodeOf<Typename extends NodeTypename>(
  typenames: readonly Typename[],
  record: EntityRecord,
): NodeOf<Typename> {
  if (!(typenames as readonly (string | null)[]).includes(record.__typename)) {
    const got = record.__typename ?? "an unexposed node";
    throw new Error(`expected a ${typenames.join(" or ")}, got ${got} (${record.id})`);
  }
  return record as NodeOf<Typename>;
}

/**
 * A care link (provider DELIVERS treatment, MANAGES condition, WORKS_WITH provider) and why it exists.
 * Each end is either the loaded node or, for the end the query started from, just its id.
 */
export interface CareLinkRecord {
  provider: DisciplineOrProfessionNode | string;
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

/** The GraphQL type of a record a resolver returned, for unions and interfaces (undefined when it has none). */
export function typenameOf(value: object): string | undefined {
  return "__typename" in value && typeof value.__typename === "string" ? value.__typename : undefined;
}
