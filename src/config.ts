/** The only reader of process.env: validates every variable once into a typed, frozen config. */
import path from "node:path";
import { type Env, EnvReader } from "./env-reader";

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
  auth: { apiKeys: readonly ApiKeyEntry[]; jwt: JwtSettings | null };
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
  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  shutdownTimeoutMs: number;
  http: HttpServerConfig;
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

export interface RateLimitConfig {
  enabled: boolean;
  /** Sustained requests per minute per client (API key, else IP). */
  perMinute: number;
  /** Requests a client may send at once before the per-minute rate applies. */
  burst: number;
  /** Take the client IP from the last X-Forwarded-For hop (only behind a proxy that sets it). */
  trustProxy: boolean;
}

/** A curator API key as configured: a name and the SHA-256 of the key (the key itself is never stored). */
export interface ApiKeyEntry {
  name: string;
  sha256: Buffer;
}

/** How bearer tokens are verified (HS256 shared secret). */
export interface JwtSettings {
  secret: Uint8Array;
  issuer: string;
  audience: string;
  rolesClaim: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const PROFILES = ["development", "production", "test"] as const;
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

function readLimits(env: EnvReader): LimitsConfig {
  return {
    maxDepth: env.integer("QUERY_MAX_DEPTH", 12, 1, 1000),
    maxCost: env.integer("QUERY_MAX_COST", 25_000, 1, 100_000_000),
    maxAliases: env.integer("QUERY_MAX_ALIASES", 30, 0, 100_000),
    maxTokens: env.integer("QUERY_MAX_TOKENS", 5000, 100, 1_000_000),
    requestTimeoutMs: env.integer("REQUEST_TIMEOUT_MS", 10_000, 1, 600_000),
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

/** Parses "name:hex,name2:hex"; returns problems instead of throwing so config can list them all. */
export function parseApiKeys(text: string): { entries: ApiKeyEntry[]; problems: string[] } {
  const entries: ApiKeyEntry[] = [];
  const problems: string[] = [];
  for (const item of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z0-9._-]{1,64}):([0-9a-f]{64})$/.exec(item);
    if (match) entries.push({ name: match[1]!, sha256: Buffer.from(match[2]!, "hex") });
    else
      problems.push(
        `CURATOR_API_KEYS entries must look like name:<64 hex chars of SHA-256> (got "${item.slice(0, 12)}…")`,
      );
  }
  return { entries, problems };
}

function readAuth(env: EnvReader): Config["auth"] {
  const { entries, problems } = parseApiKeys(env.string("CURATOR_API_KEYS", ""));
  env.problems.push(...problems);
  const secret = env.optional("JWT_SECRET");
  if (secret !== undefined && secret.length < 32)
    env.problems.push("JWT_SECRET must be at least 32 characters");
  const jwt = secret
    ? {
        secret: new TextEncoder().encode(secret),
        issuer: env.string("JWT_ISSUER", "paingraph"),
        audience: env.string("JWT_AUDIENCE", "paingraph-api"),
        rolesClaim: env.string("JWT_ROLES_CLAIM", "roles"),
      }
    : null;
  return { apiKeys: entries, jwt };
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
  const profile = env.oneOf("NODE_ENV", PROFILES, "development");
  const production = profile === "production";
  const config: Config = {
    profile,
    host: env.string("HOST", "127.0.0.1"),
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
    rateLimit: {
      enabled: env.boolean("RATE_LIMIT_ENABLED", true),
      perMinute: env.integer("RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000),
      burst: env.integer("RATE_LIMIT_BURST", 100, 1, 1_000_000),
      trustProxy: env.boolean("TRUST_PROXY", false),
    },
    corsOrigins: readOrigins(env, "CORS_ORIGINS"),
    httpCacheMaxAgeSeconds: env.integer("HTTP_CACHE_MAX_AGE_SECONDS", 60, 0, 86_400),
    responseCache: {
      maxBytes: env.integer("RESPONSE_CACHE_MB", 32, 0, 4096) * 1024 * 1024,
      releasePollMs: env.integer("RESPONSE_CACHE_RELEASE_POLL_MS", 1000, 50, 600_000),
    },
    redis: readRedis(env),
    persistedQueriesOnly: env.boolean("PERSISTED_QUERIES_ONLY", false),
    metrics: env.boolean("METRICS", true),
    shutdownTimeoutMs: env.integer("SHUTDOWN_TIMEOUT_MS", 15_000, 0, 600_000),
    http: {
      headersTimeoutMs: env.integer("HTTP_HEADERS_TIMEOUT_MS", 10_000, 100, 600_000),
      keepAliveTimeoutMs: env.integer("HTTP_KEEP_ALIVE_TIMEOUT_MS", 65_000, 100, 3_600_000),
      maxConnections: env.integer("HTTP_MAX_CONNECTIONS", 1024, 1, 1_000_000),
    },
  };
  if (env.problems.length > 0) throw new ConfigError(env.problems);
  return Object.freeze(config);
}

export const PASSWORD_FILE_NAME = "neo4j-password";

/** The password file of an embedded instance's data folder (config decides the default; the launcher writes it). */
export function neo4jPasswordFile(dataDir: string): string {
  return path.join(dataDir, PASSWORD_FILE_NAME);
}
