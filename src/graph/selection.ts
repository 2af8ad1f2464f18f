/** Look-ahead on the operation: whether a resolver's result will be asked for a field, so costly reads can be skipped. */
import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";

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
  if (!set) return false;
  const [head, ...rest] = path;
  return set.selections.some((selection) => {
    if (selection.kind === "Field")
      return selection.name.value === head && selectsIn(selection.selectionSet, info, rest);
    const fragment = selection.kind === "InlineFragment" ? selection : info.fragments[selection.name.value];
    return selectsIn(fragment?.selectionSet, info, path);
  });
}
