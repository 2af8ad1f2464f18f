/** Adds extensions.queryStats (Cypher round trips, duration) to responses of requests that asked for them. */
import type { ApolloServerPlugin } from "@apollo/server";
import type { WithRequestState } from "../request-info";

export function queryStatsPlugin(): ApolloServerPlugin<WithRequestState> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: { state }, response }) {
          if (!state.debug || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            queryStats: {
              cypherRoundTrips: state.info.roundTrips,
              durationMs: Math.round((performance.now() - state.info.startedAt) * 100) / 100,
            },
          };
        },
      };
    },
  };
}
