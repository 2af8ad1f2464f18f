/** Look-ahead on the operation: whether a resolver's result will be asked for a field, so costly reads can be skipped. */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

/** True when the current field's selection asks for the field at `path` (through fragments too). */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => selectsIn(node.selectionSet, info, path));
}

function selectsIn(
  set: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  path: readonly string[],
): boolean {
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  return fieldNodesIn(set, info, head!).some((field) => selectsIn(field.selectionSet, info, rest));
}

/**
 * True when a parent's read can answer the field `name` of the current field's selection for its resolver: it is
 * selected, and every selection of it (through fragments) has one response name, no arguments and no directives,
 * so graphql-js merges them into one field whose resolver asks exactly what the parent read. With `path`, the field
 * is that far below the current one (e.g. ["edges", "node"] for a connection's items).
 */
export function foldable(info: GraphQLResolveInfo, name: string, path: readonly string[] = []): boolean {
  const parents = path.reduce<readonly FieldNode[]>(
    (nodes, step) => nodes.flatMap((node) => fieldNodesIn(node.selectionSet, info, step)),
    info.fieldNodes,
  );
  const nodes = parents.flatMap((node) => fieldNodesIn(node.selectionSet, info, name));
  if (nodes.length === 0) return false;
  const responseName = nodes[0]!.alias?.value ?? name;
  return nodes.every(
    (node) =>
      (node.alias?.value ?? name) === responseName &&
      (node.arguments?.length ?? 0) === 0 &&
      (node.directives?.length ?? 0) === 0,
  );
}

/** The selections of the field `name` in a selection set, through inline and named fragments. */
function fieldNodesIn(
  set: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  name: string,
): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === "Field") return selection.name.value === name ? [selection] : [];
    const fragment = selection.kind === "InlineFragment" ? selection : info.fragments[selection.name.value];
    return fieldNodesIn(fragment?.selectionSet, info, name);
  });
}
