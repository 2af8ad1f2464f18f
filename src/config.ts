/** The only reader of process.env: validates every variable once into a typed, frozen config. */
import path from "node:path";
import { type AuthConfig, readAuth } from "./config-auth";
import {
  type HttpServerConfig,
  type LimitsConfig,
  type RateLimitConfig,
  readHttpServer,
  readLimits,
  readRateLimit,
} from "./config-limits";
import { type Env, EnvReader } from "./env-reader";

export { type ApiKeyEntry, type AuthConfig, type JwtSettings, parseApiKeys } from "./config-auth";
export type { HttpServerConfig, LimitsConfig, RateLimitConfig } from "./config-limits";

export type Profile = "development" | "production" | "test";

export interface Neo4jConfig {
  /** Where the API connects. */
  uri: string;
  user: string;
  /** NEO4J_PASSWORD when set; otherwise the password is read from passwordFile when connecting. */
  password?: string;
  /** NEO4J_PASSWORD_FILE, else the embedded instance's own password file (null: NEO4J_URI without one). */
  passwordFile: string | null;
  database: string;
  /** True when NEO4J_URI is unset: the project starts and owns an embedded Neo4j. */
  managed: boolean;
  /** Port and folder of the embedded Neo4j (used only when managed). */
  embeddedPort: number;
  dataDir: string;
  connectionTimeoutMs: number;
  transactionTimeoutMs: number;
  /** How long the driver keeps retrying a failed transaction (its first retry waits about 1 s). */
  maxRetryTimeMs: number;
}

export interface Config {
  profile: Profile;
  host: string;
  port: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** JSON logs (production) or one readable line per event. */
  jsonLogs: boolean;
  introspection: boolean;
  sandbox: boolean;
  includeStacktrace: boolean;
  /** Honour the x-paingraph-debug header (query stats in the response extensions). */
  debugHeader: boolean;
  bodyLimitBytes: number;
  /** Most keys a DataLoader sends in one query; 1 disables batching (the benchmarks' N+1 baseline). */
  loaderBatchSize: number;
  neo4j: Neo4jConfig;
  /** Curator credentials: API keys (hashes only) and JWT verification settings (null: tokens disabled). */
  auth: AuthConfig;
  /** Protective limits on what one request may ask (docs/operations.md, "Limits and reliability"). */
  limits: LimitsConfig;
  rateLimit: RateLimitConfig;
  /** Origins allowed to read responses cross-origin; "*" allows every origin (the data is public). */
  corsOrigins: "*" | readonly string[];
  /** max-age of Cache-Control on successful query responses (GET ones are cacheable); 0 sends no-store. */
  httpCacheMaxAgeSeconds: number;
  responseCache: ResponseCacheConfig;
  /** The shared tier (README, "Scaling out"): response cache, APQ, rate limits and release news in Redis. */
  redis: RedisConfig;
  /** Answer only the operations of schema/safelist.json (PERSISTED_QUERIES_ONLY; src/limits/safelist.ts). */
  persistedQueriesOnly: boolean;
  /** Serve GET /metrics (Prometheus text format). */
  metrics: boolean;
  /**
   * In production /metrics has a listener of its own on this port, bound to HOST, and is not served on the public
   * port (null outside production: /metrics is then on the API's own port, for local use).
   */
  metricsPort: number | null;
  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  shutdownTimeoutMs: number;
  http: HttpServerConfig;
}

/** The in-process response cache (docs/operations.md, "Response cache"). */
export interface ResponseCacheConfig {
  /** Most bytes of cached responses held in memory; 0 turns the cache off. */
  maxBytes: number;
  /** How often the data release is re-read, bounding how long another process's write can go unseen. */
  releasePollMs: number;
}

export interface RedisConfig {
  /** redis:// or rediss:// URL; null keeps everything in-process (one replica). */
  url: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const PROFILES = ["development", "production", "test"] as const;

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The repository root, whether running from src/ (ts-jest) or dist/src/ (built). */
export const PROJECT_ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..",
);

function readNeo4j(env: EnvReader): Neo4jConfig {
  const explicitUri = env.neo4jUri("NEO4J_URI");
  const embeddedPort = env.integer("NEO4J_EMBEDDED_PORT", 7687, 1, 65535);
  const managed = env.optional("NEO4J_URI") === undefined;
  const dataDir = path.resolve(PROJECT_ROOT, env.string("NEO4J_DATA_DIR", ".neo4j/data"));
  const passwordFile = env.optional("NEO4J_PASSWORD_FILE");
  const password = env.optional("NEO4J_PASSWORD");
  return {
    uri: explicitUri ?? `bolt://127.0.0.1:${embeddedPort}`,
    user: env.string("NEO4J_USER", "neo4j"),
    ...(password === undefined ? {} : { password }),
    passwordFile: passwordFile
      ? path.resolve(PROJECT_ROOT, passwordFile)
      : managed
        ? neo4jPasswordFile(dataDir)
        : null,
    database: env.string("NEO4J_DATABASE", "neo4j"),
    managed,
    embeddedPort,
    dataDir,
    connectionTimeoutMs: env.integer("NEO4J_CONNECTION_TIMEOUT_MS", 2000, 100, 120_000),
    transactionTimeoutMs: env.integer("NEO4J_TX_TIMEOUT_MS", 10_000, 100, 600_000),
    // Kept short so that, with Neo4j down, a request fails within 2 s (one retry) instead of hanging.
    maxRetryTimeMs: env.integer("NEO4J_MAX_RETRY_TIME_MS", 500, 0, 60_000),
  };
}

/** "*" or a comma-separated list of origins such as https://clinic.example (scheme, host, optional port). */
function readOrigins(env: EnvReader, name: string): "*" | readonly string[] {
  const raw = env.string(name, "*").trim();
  if (raw === "*") return "*";
  const origins = raw
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "");
  const bad = origins.filter((origin) => !isOrigin(origin));
  if (origins.length === 0 || bad.length > 0) {
    env.problems.push(
      `${name} must be * or a comma-separated list of origins like https://site.example (got "${raw}")`,
    );
  }
  return Object.freeze(origins);
}

function isOrigin(raw: string): boolean {
  try {
    const url = new URL(raw);
    return /^https?:$/.test(url.protocol) && url.origin === raw;
  } catch {
    return false;
  }
}

function readRedis(env: EnvReader): RedisConfig {
  const url = env.optional("REDIS_URL") ?? null;
  if (url !== null && !/^rediss?:\/\/[^\s]+$/.test(url))
    env.problems.push(
      `REDIS_URL must be a redis:// or rediss:// URL (got "${url.replace(/:[^:@/]*@/, ":***@")}")`,
    );
  return { url };
}

/** Validates the environment once; throws ConfigError listing every bad variable. */
export function loadConfig(rawEnv: Env = process.env): Readonly<Config> {
  const env = new EnvReader(rawEnv);
  const host = env.string("HOST", "127.0.0.1");
  // NODE_ENV=production always wins, and any HOST other than loopback runs as production whatever NODE_ENV says:
  // development features (stack traces, the debug header, /metrics on the API port) stay on a developer's machine.
  const requested = env.oneOf("NODE_ENV", PROFILES, "development");
  const profile: Profile = isLoopbackHost(host) ? requested : "production";
  const production = profile === "production";
  const config: Config = {
    profile,
    host,
    port: env.integer("PORT", 4000, 0, 65535),
    logLevel: env.oneOf("LOG_LEVEL", LOG_LEVELS, profile === "test" ? "warn" : "info"),
    jsonLogs: env.boolean("LOG_JSON", production),
    introspection: env.boolean("INTROSPECTION", true),
    sandbox: env.boolean("SANDBOX", true),
    // The production profile never shows stack traces or honours the debug header, whatever else is set.
    includeStacktrace: !production && env.boolean("INCLUDE_STACKTRACE", true),
    debugHeader: !production && env.boolean("DEBUG_HEADER", true),
    bodyLimitBytes: env.integer("BODY_LIMIT_BYTES", 102_400, 1024, 10_485_760),
    loaderBatchSize: env.integer("LOADER_BATCH_SIZE", 1000, 1, 100_000),
    neo4j: readNeo4j(env),
    auth: readAuth(env),
    limits: readLimits(env),
    rateLimit: readRateLimit(env),
    corsOrigins: readOrigins(env, "CORS_ORIGINS"),
    httpCacheMaxAgeSeconds: env.integer("HTTP_CACHE_MAX_AGE_SECONDS", 60, 0, 86_400),
    responseCache: {
      maxBytes: env.integer("RESPONSE_CACHE_MB", 32, 0, 4096) * 1024 * 1024,
      releasePollMs: env.integer("RESPONSE_CACHE_RELEASE_POLL_MS", 1000, 50, 600_000),
    },
    redis: readRedis(env),
    persistedQueriesOnly: env.boolean("PERSISTED_QUERIES_ONLY", false),
    metrics: env.boolean("METRICS", true),
    metricsPort: production ? env.integer("METRICS_PORT", 9464, 0, 65535) : null,
    shutdownTimeoutMs: env.integer("SHUTDOWN_TIMEOUT_MS", 15_000, 0, 600_000),
    http: readHttpServer(env),
  };
  if (env.problems.length > 0) throw new ConfigError(env.problems);
  return Object.freeze(config);
}

export const PASSWORD_FILE_NAME = "neo4j-password";

/** The password file of an embedded instance's data folder (config decides the default; the launcher writes it). */
export function neo4jPasswordFile(dataDir: string): string {
  return path.join(dataDir, PASSWORD_FILE_NAME);
}
