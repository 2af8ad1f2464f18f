/**
 * Apollo's KeyValueCache over the shared tier: the response cache and automatic persisted queries of every
 * replica live in one Redis. While Redis is away a read is a miss and a write is dropped, never an error.
 */
import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import type { SharedTier } from "./shared-tier";

export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly tier: SharedTier,
    private readonly prefix: string,
    /** Entries larger than this are not stored (one huge answer must not evict thousands). */
    private readonly maxEntryBytes: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    if (!this.tier.available()) return undefined;
    try {
      return (await this.tier.commands.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!this.tier.available() || Buffer.byteLength(value) > this.maxEntryBytes) return;
    try {
      const ttl = options?.ttl;
      if (typeof ttl === "number" && ttl > 0)
        await this.tier.commands.set(this.prefix + key, value, "EX", Math.ceil(ttl));
      else await this.tier.commands.set(this.prefix + key, value);
    } catch {
      // Dropped: the next request computes the answer again.
    }
  }

  async delete(key: string): Promise<boolean | void> {
    if (!this.tier.available()) return;
    try {
      await this.tier.commands.del(this.prefix + key);
    } catch {
      // Entries expire or are evicted by Redis anyway.
    }
  }
}
