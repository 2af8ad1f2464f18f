/** The protective limits in the config: what one request may ask, how often, and how the HTTP server waits. */
import type { EnvReader } from "./env-reader";

export interface LimitsConfig {
  /** Deepest selection nesting, introspection excluded. */
  maxDepth: number;
  /** Highest estimated cost: list fields multiply their selection by first (or a fixed factor). */
  maxCost: number;
  /** Most aliases in one document. */
  maxAliases: number;
  /** Most lexical tokens in one document; the parser stops beyond it. */
  maxTokens: number;
  /** Deadline of one HTTP request, after which the client gets REQUEST_TIMEOUT and its queries stop. */
  requestTimeoutMs: number;
  /** Most database calls one request runs at once (the rest queue): no request can take the whole pool. */
  maxConcurrentQueries: number;
  /** Most GraphQL operations this replica executes at once (the rest queue, first come first served); 0: no cap. */
  maxConcurrentOperations: number;
}

export interface RateLimitConfig {
  enabled: boolean;
  /** Sustained requests per minute per client (API key, else IP). */
  perMinute: number;
  /** Requests a client may send at once before the per-minute rate applies. */
  burst: number;
  /** Take the client IP from the last X-Forwarded-For hop (only behind a proxy that sets it). */
  trustProxy: boolean;
}

/** Timeouts and connection limits of the HTTP server (slow clients must not hold connections open). */
export interface HttpServerConfig {
  /** All request headers must arrive within this (Node answers 408 and closes). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this: above a load balancer's usual 60 s idle timeout. */
  keepAliveTimeoutMs: number;
  /** Most open connections; more are refused at once. */
  maxConnections: number;
}

export function readLimits(env: EnvReader): LimitsConfig {
  return {
    maxDepth: env.integer("QUERY_MAX_DEPTH", 12, 1, 1000),
    maxCost: env.integer("QUERY_MAX_COST", 25_000, 1, 100_000_000),
    maxAliases: env.integer("QUERY_MAX_ALIASES", 30, 0, 100_000),
    maxTokens: env.integer("QUERY_MAX_TOKENS", 5000, 100, 1_000_000),
    requestTimeoutMs: env.integer("REQUEST_TIMEOUT_MS", 10_000, 1, 600_000),
    maxConcurrentQueries: env.integer("REQUEST_MAX_CONCURRENT_QUERIES", 4, 1, 50),
    maxConcurrentOperations: env.integer("HTTP_MAX_CONCURRENT_OPERATIONS", 16, 0, 100_000),
  };
}

export function readRateLimit(env: EnvReader): RateLimitConfig {
  return {
    enabled: env.boolean("RATE_LIMIT_ENABLED", true),
    perMinute: env.integer("RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000),
    burst: env.integer("RATE_LIMIT_BURST", 100, 1, 1_000_000),
    trustProxy: env.boolean("TRUST_PROXY", false),
  };
}

export function readHttpServer(env: EnvReader): HttpServerConfig {
  return {
    headersTimeoutMs: env.integer("HTTP_HEADERS_TIMEOUT_MS", 10_000, 100, 600_000),
    keepAliveTimeoutMs: env.integer("HTTP_KEEP_ALIVE_TIMEOUT_MS", 65_000, 100, 3_600_000),
    maxConnections: env.integer("HTTP_MAX_CONNECTIONS", 1024, 1, 1_000_000),
  };
}
