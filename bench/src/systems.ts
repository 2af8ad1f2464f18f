/** Starts each benchmarked system as a child process of its own, so CPU and RSS are measured per pid. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

/** The V8 flags `npm run serve`, `npm start` and the Dockerfile run the API with (a test keeps them equal). */
export const PRODUCTION_NODE_FLAGS = ["--max-old-space-size=192", "--max-semi-space-size=32"];

const SERVERS = path.join(__dirname, "servers");

export interface RunningSystem {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  neo4jUri: string;
  neo4jPassword: string;
  /** For `static`: the JSON file of constant payloads. */
  staticPayloads?: string;
  /** For `paingraph-before`: a folder holding an earlier build (dist/) of PainGraph, to measure a change in one run. */
  baselineDir?: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Overrides for PainGraph's environment (e.g. NODE_ENV=development for the round-trip probe). */
  env?: Record<string, string>;
}

/**
 * PainGraph's production settings for the bench: rate limiting off, batching as configured, and the
 * response cache on (production's default) or off, to measure what executing a request costs.
 */
function paingraphEnv(
  options: StartOptions,
  batchSize: number,
  responseCache = true,
): Record<string, string> {
  return {
    NODE_ENV: "production",
    PORT: "0",
    // Several servers run side by side: each one's /metrics listener takes a free port.
    METRICS_PORT: "0",
    NEO4J_URI: options.neo4jUri,
    NEO4J_PASSWORD: options.neo4jPassword,
    RATE_LIMIT_ENABLED: "false",
    LOADER_BATCH_SIZE: String(batchSize),
    ...(responseCache ? {} : { RESPONSE_CACHE_MB: "0" }),
    ...options.env,
  };
}

function command(
  name: string,
  options: StartOptions,
): { args: string[]; env: Record<string, string>; cwd: string } {
  // PainGraph runs as production runs it (PRODUCTION_NODE_FLAGS); PAINGRAPH_NODE_FLAGS replaces those flags,
  // to measure another runtime setting (e.g. PAINGRAPH_NODE_FLAGS="--max-old-space-size=160").
  const production = (process.env.PAINGRAPH_NODE_FLAGS ?? PRODUCTION_NODE_FLAGS.join(" "))
    .split(" ")
    .filter(Boolean);
  // PAINGRAPH_BASELINE_NODE_FLAGS gives paingraph-before flags of its own: with --baseline naming this same build,
  // a runtime setting is measured alone, side by side (e.g. the young generation's size, BENCHMARKS.md).
  const baseline = process.env.PAINGRAPH_BASELINE_NODE_FLAGS?.split(" ").filter(Boolean) ?? production;
  const isPainGraph = ["paingraph", "paingraph-uncached", "naive"].includes(name);
  const runtime = name === "paingraph-before" ? baseline : isPainGraph ? production : [];
  const flags = [...runtime, ...(options.nodeFlags ?? [])];
  switch (name) {
    case "paingraph":
      return {
        args: [...flags, path.join(ROOT, "dist/src/main.js")],
        env: paingraphEnv(options, 1000),
        cwd: ROOT,
      };
    case "paingraph-uncached":
      return {
        args: [...flags, path.join(ROOT, "dist/src/main.js")],
        env: paingraphEnv(options, 1000, false),
        cwd: ROOT,
      };
    case "paingraph-before":
      // The executing path of the earlier build, compared with paingraph-uncached: a change to what executing a
      // request costs must not hide behind the response cache. It runs from its own folder, as it was built.
      // PAINGRAPH_BASELINE_ENV ("NAME=value NAME=value") gives it settings of its own: with --baseline naming this
      // same build, a setting is measured alone, side by side.
      if (!options.baselineDir) throw new Error("paingraph-before needs --baseline DIR");
      return {
        args: [...flags, path.join(options.baselineDir, "dist/src/main.js")],
        env: { ...paingraphEnv(options, 1000, false), ...baselineEnv() },
        cwd: options.baselineDir,
      };
    case "naive":
      return {
        args: [...flags, path.join(ROOT, "dist/src/main.js")],
        env: paingraphEnv(options, 1, false),
        cwd: ROOT,
      };
    case "neo4j-graphql":
    case "cypher-floor":
    case "static":
      return {
        args: [...flags, path.join(SERVERS, `${name}.js`)],
        env: {
          NODE_ENV: "production",
          PORT: "0",
          NEO4J_URI: options.neo4jUri,
          NEO4J_PASSWORD: options.neo4jPassword,
          ...(options.staticPayloads ? { STATIC_PAYLOADS: options.staticPayloads } : {}),
        },
        cwd: ROOT,
      };
    default:
      throw new Error(`unknown system ${name}`);
  }
}

/** PAINGRAPH_BASELINE_ENV as a map: `HTTP_MAX_CONCURRENT_OPERATIONS=0` → {HTTP_MAX_CONCURRENT_OPERATIONS: "0"}. */
function baselineEnv(): Record<string, string> {
  const pairs = (process.env.PAINGRAPH_BASELINE_ENV ?? "").split(" ").filter(Boolean);
  return Object.fromEntries(
    pairs.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
  );
}

/** Where child output goes: a file is cheaper than a pipe the harness would have to drain under load. */
export const LOG_DIR = path.join(ROOT, "bench/.data/logs");

/** Starts the system and resolves once it listens (PainGraph logs its URL; the bench servers print READY). */
export function startSystem(name: string, options: StartOptions, label = name): Promise<RunningSystem> {
  const { args, env, cwd } = command(name, options);
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${label}.log`);
  const out = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const output = fs.readFileSync(logFile, "utf8");
      const port =
        /READY (\d+)/.exec(output)?.[1] ?? /http:\/\/127\.0\.0\.1:(\d+)\/graphql/.exec(output)?.[1];
      if (port) {
        clearInterval(poll);
        resolve({
          name: label,
          url: `http://127.0.0.1:${port}`,
          pid: child.pid!,
          stop: () => stopChild(child),
        });
      } else if (child.exitCode !== null || Date.now() - started > 60_000) {
        clearInterval(poll);
        child.kill("SIGKILL");
        reject(new Error(`${label} did not start (see ${logFile}):\n${output.slice(-2000)}`));
      }
    }, 100);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
