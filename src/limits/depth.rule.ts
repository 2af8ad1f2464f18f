/** Validation rule: refuses operations nested deeper than the limit (introspection is bounded by graphql-js itself). */
import {
  type ASTVisitor,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { LimitCode, LimitExceededError } from "../errors";

/**
 * Depth of the deepest field, following fragment spreads. Each fragment is measured once (memo), so nested
 * spreads cannot make this exponential; a fragment cycle (refused by another rule) counts as depth 0.
 */
export function selectionDepth(
  context: Pick<ValidationContext, "getFragment">,
  selectionSet: SelectionSetNode | undefined,
  memo: Map<string, number> = new Map(),
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // __schema and __type are limited by graphql-js's MaxIntrospectionDepthRule; __typename is a leaf.
      if (selection.name.value.startsWith("__")) continue;
      deepest = Math.max(deepest, 1 + selectionDepth(context, selection.selectionSet, memo));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(context, selection.selectionSet, memo));
    } else {
      deepest = Math.max(deepest, fragmentDepth(context, selection.name.value, memo));
    }
  }
  return deepest;
}

function fragmentDepth(
  context: Pick<ValidationContext, "getFragment">,
  name: string,
  memo: Map<string, number>,
): number {
  const known = memo.get(name);
  if (known !== undefined) return known;
  memo.set(name, 0); // entered: a cycle back to it adds nothing
  const depth = selectionDepth(context, context.getFragment(name)?.selectionSet, memo);
  memo.set(name, depth);
  return depth;
}

export function maxDepthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const depth = selectionDepth(context, operation.selectionSet);
      if (depth > maxDepth) {
        context.reportError(
          new LimitExceededError(
            LimitCode.QUERY_TOO_DEEP,
            `The query is nested ${depth} levels deep; at most ${maxDepth} are allowed.`,
            { maxDepth, depth },
          ),
        );
      }
    },
  });
}
