/**
 * The response cache: Apollo's response-cache plugin over a byte-bounded in-process LRU, or over Redis shared
 * by every replica (REDIS_URL), keyed by query, variables and the data release stamp. A new release changes
 * every key, so a write invalidates by construction; a mutation re-reads the stamp before answering
 * (read-your-writes, release.plugin.ts), and other replicas hear of it through Redis or within one poll.
 * Folder cache/ (server layer): the response cache and release watcher; reads RequestState, not the context.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { WithRequestState } from "../request-info";
import { hasPatientFactors } from "./patient-privacy.plugin";
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

type Request = GraphQLRequestContext<WithRequestState>;

export function responseCachePlugins({
  watcher,
  cache,
  available = () => true,
  onOutcome,
}: ResponseCacheOptions): ApolloServerPlugin<WithRequestState>[] {
  const stampFor = (request: Request): string | null => {
    const { state } = request.contextValue;
    // Debug requests report their real Cypher round trips, so they always execute; patient factors are never cached.
    state.cacheStamp = state.debug || !available() || hasPatientFactors(request) ? null : watcher.current();
    return state.cacheStamp;
  };
  const usable = async (request: Request) =>
    !hasPatientFactors(request) && request.contextValue.state.cacheStamp != null;
  // Only an answer computed entirely under the stamp it is keyed by may be stored.
  const unchanged = async (request: Request) =>
    (await usable(request)) && request.contextValue.state.cacheStamp === watcher.current();

  return [
    responseCachePlugin<WithRequestState>({
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
