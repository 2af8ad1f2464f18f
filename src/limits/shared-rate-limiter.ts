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

/** Takes `tokens` (1 for a request at the door, more for a costly operation) from a client's bucket. */
export interface ClientLimiter {
  take(client: string, tokens?: number): Promise<RateLimitDecision>;
}

export function inProcessLimiter(config: RateLimitConfig): ClientLimiter {
  const local = new RateLimiter(config);
  return { take: async (client, tokens = 1) => local.take(client, tokens) };
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
    async take(client, tokens = 1) {
      if (tier.available()) {
        try {
          return decision(true, await shared.consume(client, tokens));
        } catch (outcome) {
          if (outcome instanceof RateLimiterRes) {
            // Redis counted the refused tokens too; give them back, so a refusal takes nothing (as in process).
            await shared.reward(client, tokens).catch(() => undefined);
            return decision(false, outcome);
          }
        }
      }
      onFallback();
      return local.take(client, tokens);
    },
  };
}
