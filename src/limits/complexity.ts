/**
 * Query cost (graphql-query-complexity): every field costs 1 plus its selection, multiplied for lists — by the
 * field's `first` argument (or its default) where it has one, else by LIST_FACTOR. Checked before execution.
 * Folder limits/ (server layer): what one request may ask; imports only the schema and below.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  type DocumentNode,
  getNullableType,
  type GraphQLField,
  type GraphQLSchema,
  isListType,
} from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { LimitCode, LimitExceededError } from "../errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../pagination/page";

/** What a list field without a `first` argument is assumed to return (most such lists here are short). */
export const LIST_FACTOR = 10;

/** The field's page size: `first` as given (at most MAX_PAGE_SIZE: beyond it the resolver refuses anyway). */
function pageMultiplier(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  const first = field.args.find((arg) => arg.name === "first");
  if (!first) return null;
  const given = args.first;
  const value = typeof given === "number" ? given : (first.defaultValue as number | undefined);
  return Math.min(Math.max(typeof value === "number" ? value : DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}

export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection is bounded by graphql-js's own MaxIntrospectionDepthRule and the schema's size.
  if (type.name.startsWith("__") || field.name.startsWith("__")) return 0;
  const perPage = pageMultiplier(field, args);
  if (perPage !== null) return perPage * (1 + childComplexity);
  // A connection's edges are already multiplied by the connection field's `first`.
  const isList = isListType(getNullableType(field.type));
  const multiplier = isList && !type.name.endsWith("Connection") ? LIST_FACTOR : 1;
  return multiplier * (1 + childComplexity);
};

/** The operation's estimated cost, or null when its variables are invalid (execution reports that). */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number | null {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [costEstimator] });
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) return Infinity;
    return null;
  }
}

export function complexityPlugin<TContext extends BaseContext>(
  maxCost: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const cost = queryCost(schema, document, request.variables, operationName ?? undefined);
          if (cost === null || cost <= maxCost) return;
          const shown = Number.isFinite(cost) ? String(cost) : "too many fields";
          throw new LimitExceededError(
            LimitCode.QUERY_TOO_COMPLEX,
            `The query's estimated cost is ${shown}; at most ${maxCost} is allowed. Ask for smaller pages (first) or fewer nested lists.`,
            { maxCost, ...(Number.isFinite(cost) ? { cost } : {}) },
          );
        },
      };
    },
  };
}
