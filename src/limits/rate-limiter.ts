/**
 * An in-memory token bucket per client: `burst` requests at once, refilled at `perMinute`. One process only —
 * at scale the gateway limits too (docs/operations.md, "Limits and reliability").
 */
import type { RateLimitDecision } from "../request-info";

export type { RateLimitDecision };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface RateLimiterOptions {
  perMinute: number;
  burst: number;
  /** Most clients tracked at once; the least recently seen are forgotten beyond it (they start full again). */
  maxClients?: number;
  now?: () => number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.perMs = options.perMinute / 60_000;
    this.maxClients = options.maxClients ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes `tokens` from the client's bucket when it holds that many; otherwise takes none. */
  take(client: string, tokens = 1): RateLimitDecision {
    const now = this.now();
    const bucket = this.refilled(client, now);
    // Re-inserting keeps the map in least-recently-seen order for eviction.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    const allowed = bucket.tokens >= tokens;
    if (allowed) bucket.tokens -= tokens;
    return {
      allowed,
      retryAfterSeconds: allowed
        ? 0
        : Math.max(1, Math.ceil((Math.min(tokens, this.options.burst) - bucket.tokens) / this.perMs / 1000)),
      limit: this.options.burst,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((this.options.burst - bucket.tokens) / this.perMs / 1000),
    };
  }

  /** Clients currently tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(client: string, now: number): Bucket {
    const bucket = this.buckets.get(client);
    if (!bucket) {
      this.evictIfFull();
      return { tokens: this.options.burst, updatedAt: now };
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + elapsed * this.perMs);
    bucket.updatedAt = now;
    return bucket;
  }

  private evictIfFull(): void {
    while (this.buckets.size >= this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}
