/**
 * Picks each replica-local or shared piece from the config: with REDIS_URL, the response cache, the APQ
 * store and the release news go through Redis; without it, the in-process LRU as before.
 */
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { decodeReleaseNews, encodeReleaseNews, type ReleaseNews } from "../cache/release.plugin";
import type { ReleaseWatcher } from "../cache/release-watcher";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { RedisKeyValueCache } from "./redis-cache";
import { SharedTier } from "./shared-tier";

export const RELEASE_CHANNEL = "paingraph:release";
/** One answer bigger than this is recomputed rather than shared. */
const MAX_SHARED_ENTRY_BYTES = 1024 * 1024;

export interface SharedCaches {
  tier: SharedTier | null;
  /** The response cache's store, or null when RESPONSE_CACHE_MB=0. */
  responses: KeyValueCache<string> | null;
  /** Where automatic persisted queries are kept (Apollo's in-process default without Redis). */
  persistedQueries: KeyValueCache<string> | null;
  /** False while the shared store is unreachable. */
  available: () => boolean;
  /** Announce a new release, and the bookmarks of the write that made it, to the other replicas. */
  announce: (news: ReleaseNews) => Promise<void>;
  /** Connects and listens for other replicas' releases. */
  start: (watcher: ReleaseWatcher) => Promise<void>;
  close: () => Promise<void>;
}

export function createSharedCaches(
  config: Readonly<Config>,
  logger: Logger,
  onAvailability: (available: boolean) => void,
): SharedCaches {
  const { maxBytes } = config.responseCache;
  if (config.redis.url === null) {
    return {
      tier: null,
      responses: maxBytes > 0 ? new InMemoryLRUCache<string>({ maxSize: maxBytes }) : null,
      persistedQueries: null,
      available: () => true,
      announce: async () => undefined,
      start: async () => undefined,
      close: async () => undefined,
    };
  }
  const tier = new SharedTier(config.redis.url, logger, { onAvailability });
  return {
    tier,
    responses:
      maxBytes > 0
        ? new RedisKeyValueCache(tier, "paingraph:response:", Math.min(maxBytes, MAX_SHARED_ENTRY_BYTES))
        : null,
    persistedQueries: new RedisKeyValueCache(tier, "paingraph:apq:", MAX_SHARED_ENTRY_BYTES),
    available: () => tier.available(),
    announce: async (news) => {
      await tier.publish(RELEASE_CHANNEL, encodeReleaseNews(news));
    },
    start: async (watcher) => {
      await tier.connect();
      // Another replica wrote: key on its release and read from its write on now (the poll stays as the fallback).
      await tier.subscribe(RELEASE_CHANNEL, (message) => {
        const news = decodeReleaseNews(message);
        if (news) void watcher.adopt(news.stamp, news.bookmarks);
      });
    },
    close: () => tier.close(),
  };
}
