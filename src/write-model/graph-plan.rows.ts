/** The rows a graph plan is made of: labels, relationship types, and node and relationship rows with content hashes. */
import { createHash } from "node:crypto";

export const NODE_LABELS = [
  "ConditionGroup",
  "Condition",
  "Code",
  "Modality",
  "Treatment",
  "Discipline",
  "Profession",
  "Guideline",
  "Source",
  "Recommendation",
  "Myth",
  "MythFact",
  "Statistic",
  "Precaution",
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  "IN_GROUP",
  "IDENTIFIES",
  "HAS_MODALITY",
  "MEMBER_OF",
  "DELIVERS",
  "MANAGES",
  "WORKS_WITH",
  "CITES",
  "SUPERSEDED_BY",
  "ABOUT_TREATMENT",
  "FOR_CONDITION",
  "HAS_FACT",
  "KIND_OF",
  "CONCERNS",
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export type Props = Record<string, string | number | boolean | string[] | null>;
export interface NodeRow {
  id: string;
  props: Props;
  hash: string;
}
export interface RelationshipRow {
  from: string;
  to: string;
  props: Props;
  hash: string;
}

export interface GraphPlan {
  nodes: Record<NodeLabel, NodeRow[]>;
  relationships: Record<RelationshipType, RelationshipRow[]>;
}

/** Bumped when the way records are written changes (e.g. integer typing), so every record is rewritten once. */
const PLAN_VERSION = "3";

export function hashOf(value: unknown): string {
  return createHash("sha256")
    .update(PLAN_VERSION)
    .update(JSON.stringify(value))
    .digest("base64url")
    .slice(0, 22);
}

export function node(props: Props & { id: string }): NodeRow {
  const clean = Object.fromEntries(
    Object.entries(props).filter(([, value]) => value !== null && value !== undefined),
  );
  return { id: props.id, props: clean as Props, hash: hashOf(clean) };
}

// Relationships are numbered in the order the files list them, so an export can write the files back in that order.
let relationshipSequence = 0;

export function restartRelationshipNumbering(): void {
  relationshipSequence = 0;
}

export function rel(from: string, to: string, props: Props = {}): RelationshipRow {
  const numbered = { ...props, position: relationshipSequence++ };
  const clean = Object.fromEntries(
    Object.entries(numbered).filter(([, value]) => value !== null && value !== undefined),
  );
  return { from, to, props: clean as Props, hash: hashOf(clean) };
}
