/**
 * Connects Apollo's view of a request (operation, errors, round trips) to its RequestInfo. Keyed by the
 * context's per-request Database view: Apollo hands plugins a shallow copy of the context, not the object itself.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { RequestContext } from "../context";
import type { Logger } from "../logger";
import type { RequestInfo } from "./request-info";

export class RequestTracker {
  private readonly infos = new WeakMap<object, RequestInfo>();

  attach<T extends Pick<RequestContext, "db">>(context: T, info: RequestInfo): T {
    this.infos.set(context.db, info);
    return context;
  }

  plugin(): ApolloServerPlugin<RequestContext> {
    const infos = this.infos;
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, response, operation, operationName }) {
            const info = infos.get(contextValue.db);
            if (!info) return;
            info.operationName = operation ? (operationName ?? "anonymous") : null;
            info.roundTrips = contextValue.db.roundTrips;
            if (response.body.kind === "single") info.errorCodes = codesOf(response.body.singleResult.errors);
          },
        };
      },
    };
  }
}

function codesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  return (errors ?? []).map(({ extensions }) =>
    typeof extensions?.code === "string" ? extensions.code : "UNKNOWN",
  );
}

const QUIET_ROUTES = new Set(["/health", "/ready", "/metrics"]);

/** One line per request; probes and scrapes (frequent, and 503 while Neo4j is down) at debug. Never the query text, variables or headers. */
export function logRequest(logger: Logger, info: RequestInfo, status: number): void {
  const entry = {
    reqId: info.id,
    method: info.method,
    route: info.route,
    status,
    durationMs: Math.round((performance.now() - info.startedAt) * 100) / 100,
    ...(info.operationName !== null ? { operation: info.operationName, roundTrips: info.roundTrips } : {}),
    ...(info.errorCodes.length > 0 ? { errorCodes: [...new Set(info.errorCodes)] } : {}),
  };
  if (QUIET_ROUTES.has(info.route)) logger.debug(entry, "request");
  else if (status >= 500) logger.warn(entry, "request failed");
  else logger.info(entry, "request");
}
