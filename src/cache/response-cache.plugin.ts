/**
 * The response cache: Apollo's response-cache plugin over a byte-bounded in-process LRU, or over Redis shared
 * by every replica (REDIS_URL), keyed by query, variables and the data release stamp. A new release changes
 * every key, so a write invalidates by construction; a mutation re-reads the stamp before answering
 * (read-your-writes, release.plugin.ts), and other replicas hear of it through Redis or within one poll.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { RequestContext } from "../context";
import type { ReleaseWatcher } from "./release-watcher";

export type CacheOutcome = "hit" | "miss" | "bypass";

export interface ResponseCacheOptions {
  watcher: ReleaseWatcher;
  /** The in-process LRU, or Redis shared by every replica. */
  cache: KeyValueCache<string>;
  /** False while the cache's store is unreachable: requests bypass it (and are counted so). */
  available?: () => boolean;
  /** Called once per query operation with how the cache served it. */
  onOutcome?: (outcome: CacheOutcome) => void;
}

type Request = GraphQLRequestContext<RequestContext>;

export function responseCachePlugins({
  watcher,
  cache,
  available = () => true,
  onOutcome,
}: ResponseCacheOptions): ApolloServerPlugin<RequestContext>[] {
  // The stamp each request's key was built with; null when the request may not use the cache.
  const keyedStamp = new WeakMap<RequestContext, string | null>();
  const stampFor = (request: Request): string | null => {
    // Debug requests report their real Cypher round trips, so they always execute.
    const stamp = request.contextValue.debug || !available() ? null : watcher.current();
    keyedStamp.set(request.contextValue, stamp);
    return stamp;
  };
  const usable = async (request: Request) => keyedStamp.get(request.contextValue) != null;
  // Only an answer computed entirely under the stamp it is keyed by may be stored.
  const unchanged = async (request: Request) =>
    (await usable(request)) && keyedStamp.get(request.contextValue) === watcher.current();

  return [
    responseCachePlugin<RequestContext>({
      cache,
      extraCacheKeyData: async (request) => stampFor(request),
      shouldReadFromCache: usable,
      shouldWriteToCache: unchanged,
    }),
    {
      async requestDidStart() {
        return {
          async willSendResponse(request) {
            const kind = request.operation?.operation;
            if (kind !== "query" || !keyedStamp.has(request.contextValue)) return;
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
