/**
 * Fills in the request's RequestInfo from Apollo's view of it (operation name, error codes) and ends the request's
 * database view once the response is ready; and writes the one log line per request.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "../logger";
import { errorCodesOf, type RequestInfo, type WithRequestState } from "../request-info";

export function requestStatePlugin(): ApolloServerPlugin<WithRequestState> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation, operationName }) {
          const { info } = contextValue.state;
          info.operationName = operation ? (operationName ?? "anonymous") : null;
          if (response.body.kind === "single")
            info.errorCodes = errorCodesOf(response.body.singleResult.errors);
        },
      };
    },
  };
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
    // Health data: that the request carried patient factors, never which.
    ...(info.patientFactors ? { patientFactors: true } : {}),
  };
  if (QUIET_ROUTES.has(info.route)) logger.debug(entry, "request");
  else if (status >= 500) logger.warn(entry, "request failed");
  else logger.info(entry, "request");
}
