/** Adds extensions.queryStats (Cypher round trips, duration) to responses of requests that asked for them. */
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";

export function queryStatsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.debug || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            queryStats: {
              cypherRoundTrips: contextValue.db.roundTrips,
              durationMs: Math.round((performance.now() - contextValue.startedAt) * 100) / 100,
            },
          };
        },
      };
    },
  };
}
