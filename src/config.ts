/** The only reader of process.env: validates every variable once into a typed, frozen config. */
import path from "node:path";

export type Profile = "development" | "production" | "test";

export interface Neo4jConfig {
  /** Where the API connects. */
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True when NEO4J_URI is unset: the project starts and owns an embedded Neo4j. */
  managed: boolean;
  /** Port and folder of the embedded Neo4j (used only when managed). */
  embeddedPort: number;
  dataDir: string;
  connectionTimeoutMs: number;
  transactionTimeoutMs: number;
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
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Collects every problem instead of stopping at the first, so one start-up shows them all. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined || value === "" ? fallback : value;
  }

  optional(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === "" ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(", ")} (got "${raw}")`);
    return fallback;
  }

  neo4jUri(name: string): string | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    if (!isNeo4jUri(raw)) {
      this.problems.push(
        `${name} must be a URI like bolt://host:7687 or neo4j+s://host (schemes bolt, neo4j, +s, +ssc) (got "${raw}")`,
      );
      return undefined;
    }
    return raw;
  }
}

function isNeo4jUri(raw: string): boolean {
  try {
    const url = new URL(raw);
    return /^(bolt|neo4j)(\+s|\+ssc)?:$/.test(url.protocol) && url.hostname !== "";
  } catch {
    return false;
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
  return {
    uri: explicitUri ?? `bolt://127.0.0.1:${embeddedPort}`,
    user: env.string("NEO4J_USER", "neo4j"),
    password: env.string("NEO4J_PASSWORD", "paingraph-local"),
    database: env.string("NEO4J_DATABASE", "neo4j"),
    managed: env.optional("NEO4J_URI") === undefined,
    embeddedPort,
    dataDir: path.resolve(PROJECT_ROOT, env.string("NEO4J_DATA_DIR", ".neo4j/data")),
    connectionTimeoutMs: env.integer("NEO4J_CONNECTION_TIMEOUT_MS", 2000, 100, 120_000),
    transactionTimeoutMs: env.integer("NEO4J_TX_TIMEOUT_MS", 10_000, 100, 600_000),
  };
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
  };
  if (env.problems.length > 0) throw new ConfigError(env.problems);
  return Object.freeze(config);
}
