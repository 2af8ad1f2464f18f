/**
 * The in-process response cache: Apollo's response-cache plugin over a byte-bounded LRU, keyed by query,
 * variables and the data release stamp. A new release changes every key, so a write invalidates by
 * construction; a mutation on this server re-reads the stamp before answering (read-your-writes), and a
 * write by another process is seen within one release poll.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { WithRequestState } from "../observability/request-info";
import type { ReleaseWatcher } from "./release-watcher";

export type CacheOutcome = "hit" | "miss" | "bypass";

export interface ResponseCacheOptions {
  watcher: ReleaseWatcher;
  maxBytes: number;
  /** Called once per query operation with how the cache served it. */
  onOutcome?: (outcome: CacheOutcome) => void;
}

type Request = GraphQLRequestContext<WithRequestState>;

export function responseCachePlugins({
  watcher,
  maxBytes,
  onOutcome,
}: ResponseCacheOptions): ApolloServerPlugin<WithRequestState>[] {
  const stampFor = ({ contextValue: { state } }: Request): string | null => {
    // Debug requests report their real Cypher round trips, so they always execute.
    state.cacheStamp = state.debug ? null : watcher.current();
    return state.cacheStamp;
  };
  const usable = async (request: Request) => request.contextValue.state.cacheStamp != null;
  // Only an answer computed entirely under the stamp it is keyed by may be stored.
  const unchanged = async (request: Request) =>
    (await usable(request)) && request.contextValue.state.cacheStamp === watcher.current();

  return [
    responseCachePlugin<WithRequestState>({
      cache: new InMemoryLRUCache<string>({ maxSize: maxBytes }),
      extraCacheKeyData: async (request) => stampFor(request),
      shouldReadFromCache: usable,
      shouldWriteToCache: unchanged,
    }),
    {
      async requestDidStart() {
        return {
          async willSendResponse(request) {
            const kind = request.operation?.operation;
            if (kind === "mutation") await watcher.refresh();
            if (kind !== "query" || request.contextValue.state.cacheStamp === undefined) return;
            const outcome: CacheOutcome = request.metrics.responseCacheHit
              ? "hit"
              : (await usable(request))
                ? "miss"
                : "bypass";
            onOutcome?.(outcome);
          },
        };
      },
    },
  ];
}
