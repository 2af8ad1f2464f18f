/**
 * An answer that needed a role (the authChecker marked it PRIVATE) is never stored by the response cache nor
 * by any shared cache on the way: `Cache-Control: private, no-store`.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";

export function privateAnswersPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(request) {
          if (request.overallCachePolicy.scope === "PRIVATE")
            request.response.http.headers.set("cache-control", "private, no-store");
        },
      };
    },
  };
}
