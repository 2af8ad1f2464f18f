/**
 * Query cost (graphql-query-complexity): every field costs 1 plus its selection, multiplied for lists — by the
 * field's `first` argument (or its default) where it has one, else by the list's measured size (LIST_SIZES) or
 * LIST_FACTOR. Heavy fields add their own work (HEAVY_FIELD_COSTS). Checked before execution; an operation that
 * passes then takes rate-limit tokens by its cost (operationTokens).
 * Folder limits/ (server layer): what one request may ask; imports only the schema and below.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  type DocumentNode,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  isListType,
} from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { LimitCode, LimitExceededError } from "../errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../pagination/page";
import type { RateLimitDecision } from "../request-info";
import { HEAVY_FIELD_COSTS, LIST_SIZES, operationTokens } from "./field-costs";

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
  const key = `${type.name}.${field.name}`;
  const work = HEAVY_FIELD_COSTS[key]?.(args) ?? 0;
  const perPage = pageMultiplier(field, args);
  if (perPage !== null) return work + perPage * (1 + childComplexity);
  // A connection's edges are already multiplied by the connection field's `first`.
  const isList = isListType(getNullableType(field.type));
  const multiplier = isList && !type.name.endsWith("Connection") ? (LIST_SIZES[key] ?? LIST_FACTOR) : 1;
  return work + multiplier * (1 + childComplexity);
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

/** The context's hook for taking more rate-limit tokens (src/context.ts); absent where no limiter runs. */
interface TokenCharging {
  chargeTokens?: (tokens: number) => Promise<RateLimitDecision>;
}

/** A costly operation found the caller's buckets without the tokens it is priced at. */
export class CostRateLimitedError extends GraphQLError {
  constructor(cost: number, tokens: number, retryAfterSeconds: number) {
    super(
      `This operation's cost (${cost}) takes ${tokens} rate-limit tokens, more than you have left; retry in ${retryAfterSeconds} s or ask for less.`,
      {
        extensions: {
          code: LimitCode.RATE_LIMITED,
          cost,
          tokens,
          retryAfterSeconds,
          http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
        },
      },
    );
  }
}

export function complexityPlugin<TContext extends BaseContext & TokenCharging>(
  maxCost: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const cost = queryCost(schema, document, request.variables, operationName ?? undefined);
          if (cost !== null && cost <= maxCost) {
            // The door took one token; a heavier operation takes the rest of its price now.
            const tokens = operationTokens(cost);
            const decision = tokens > 1 ? await contextValue.chargeTokens?.(tokens - 1) : undefined;
            if (decision && !decision.allowed)
              throw new CostRateLimitedError(cost, tokens, decision.retryAfterSeconds);
            return;
          }
          if (cost === null) return;
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
