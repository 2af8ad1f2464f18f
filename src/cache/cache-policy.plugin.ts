/**
 * The response's cache policy, worked out once per request. Apollo's cache-control plugin works one out for every
 * field it resolves (a policy object and a closure per field: 5–10 % of a traversal's CPU, BENCHMARKS.md); our
 * schema sets no @cacheControl hints, so its rules come to this, which is what this plugin applies:
 * - an operation that resolves a field of the schema may be cached publicly for `defaultMaxAge` seconds;
 * - one that needed a role (the auth checker marks `state.privateAnswer`) is for its caller only: never stored by the
 *   response cache nor by any shared cache on the way (`private, no-store`);
 * - introspection alone, errors and refused requests are never cached (`no-store`).
 * The response cache (@apollo/server-plugin-response-cache) stores and restores this policy with each answer.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import type { WithRequestState } from "../request-info";

const UNCACHEABLE = "no-store";
const PRIVATE = "private, no-store";

export function cachePolicyPlugin(defaultMaxAge: number): ApolloServerPlugin<WithRequestState> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart(request) {
          return {
            async executionDidEnd() {
              if (request.contextValue.state.privateAnswer)
                request.overallCachePolicy.restrict({ maxAge: 0, scope: "PRIVATE" });
              else if (resolvesSchemaField(request.document, request.operation))
                request.overallCachePolicy.restrict({ maxAge: defaultMaxAge });
            },
          };
        },
        // As Apollo's plugin: a header set before this one is kept; an answer with errors is never cached.
        async willSendResponse({ response, overallCachePolicy }) {
          if (response.http.headers.has("cache-control")) return;
          const policy = overallCachePolicy.policyIfCacheable();
          const single = response.body.kind === "single" ? response.body.singleResult : null;
          response.http.headers.set(
            "cache-control",
            overallCachePolicy.scope === "PRIVATE"
              ? PRIVATE
              : policy && single && !single.errors
                ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}`
                : UNCACHEABLE,
          );
        },
      };
    },
  };
}

/** True when the operation selects a root field other than introspection's (`__typename`, `__schema`, `__type`). */
function resolvesSchemaField(
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
): boolean {
  if (!operation) return false;
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const selects = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return !selection.name.value.startsWith("__");
      if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return false;
      return selects(fragment.selectionSet, new Set(seen).add(fragment.name.value));
    });
  return selects(operation.selectionSet, new Set());
}
