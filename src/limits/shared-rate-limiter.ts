/**
 * One rate limit across every replica: rate-limiter-flexible's Redis limiter when the shared tier answers,
 * the in-process token bucket while it does not (counted in /metrics). Redis counts `burst` requests per
 * window of burst / perMinute minutes, so the sustained rate is RATE_LIMIT_PER_MINUTE on every replica
 * together.
 */
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitConfig } from "../config";
import type { SharedTier } from "../redis/shared-tier";
import { type RateLimitDecision, RateLimiter } from "./rate-limiter";

export interface ClientLimiter {
  take(client: string): Promise<RateLimitDecision>;
}

export function inProcessLimiter(config: RateLimitConfig): ClientLimiter {
  const local = new RateLimiter(config);
  return { take: async (client) => local.take(client) };
}

export function sharedLimiter(
  config: RateLimitConfig,
  tier: SharedTier,
  onFallback: () => void,
): ClientLimiter {
  const local = new RateLimiter(config);
  const windowSeconds = Math.max(1, Math.round((config.burst * 60) / config.perMinute));
  const shared = new RateLimiterRedis({
    storeClient: tier.commands,
    // Counters of another limit (a changed setting, another deployment) are not this limit's.
    keyPrefix: `paingraph:ratelimit:${config.burst}:${windowSeconds}`,
    points: config.burst,
    duration: windowSeconds,
  });
  const decision = (allowed: boolean, result: RateLimiterRes): RateLimitDecision => {
    const resetSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    return {
      allowed,
      retryAfterSeconds: allowed ? 0 : resetSeconds,
      limit: config.burst,
      remaining: Math.max(0, result.remainingPoints),
      resetSeconds,
    };
  };
  return {
    async take(client) {
      if (tier.available()) {
        try {
          return decision(true, await shared.consume(client, 1));
        } catch (outcome) {
          if (outcome instanceof RateLimiterRes) return decision(false, outcome);
        }
      }
      onFallback();
      return local.take(client);
    },
  };
}
