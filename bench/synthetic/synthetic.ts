/**
 * npm run seed:synthetic -- --conditions N: builds (once) a synthetic benchmark graph into an embedded Neo4j of
 * its own (port 7689, .neo4j/synthetic-N), or into NEO4J_URI when set, and leaves it running for benchmarks.
 */
import path from "node:path";
import { loadConfig, PROJECT_ROOT, type Config } from "../../src/config";
import { connectNeo4j } from "../../src/neo4j/connection";
import { NODE_LABELS, RELATIONSHIP_TYPES } from "../../src/write-model/graph-plan";
import {
  DEFAULT_SYNTHETIC_SEED,
  MAX_SYNTHETIC_CONDITIONS,
  SYNTHETIC_GENERATOR_VERSION,
} from "./synthetic-plan";
import { buildSyntheticGraph, type SyntheticBuildResult, type SyntheticProgress } from "./synthetic.service";
import { neo4jStatus, startNeo4j, stopNeo4j } from "../../neo4j-launcher/launcher";

export const DEFAULT_SYNTHETIC_PORT = 7689;
// Bulk writes of 5,000 rows are not API requests: give each batch more time than NEO4J_TX_TIMEOUT_MS's default.
const MIN_BATCH_TIMEOUT_MS = 60_000;

export const USAGE = `usage: npm run seed:synthetic -- --conditions N [options]

  --conditions N     conditions to generate, 1 to ${MAX_SYNTHETIC_CONDITIONS} (required)
  --seed S           PRNG seed, 0 to 4294967295 (default ${DEFAULT_SYNTHETIC_SEED})
  --port P           Bolt port of the synthetic Neo4j (default ${DEFAULT_SYNTHETIC_PORT})
  --data-dir DIR     its data folder (default .neo4j/synthetic-N)
  --batch-size B     rows per write transaction, 100 to 50000 (default 5000)
  --force            rebuild even when the instance already holds this build
  --stop             stop the synthetic Neo4j afterwards (default: leave it running)
  --help             show this help

With NEO4J_URI set, the graph is written there and no Neo4j is started or stopped.`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
    this.name = "UsageError";
  }
}

export interface SyntheticArgs {
  conditions: number;
  seed: number;
  port: number;
  /** Absolute; null means the default for the size. */
  dataDir: string | null;
  batchSize: number;
  force: boolean;
  stop: boolean;
  help: boolean;
}

const FLAGS = new Set(["force", "stop", "help"]);
const INTEGERS: Record<string, readonly [min: number, max: number]> = {
  conditions: [1, MAX_SYNTHETIC_CONDITIONS],
  seed: [0, 0xffffffff],
  port: [1, 65535],
  "batch-size": [100, 50_000],
};

/** Parses `--name value`, `--name=value` and boolean flags; throws UsageError naming every problem. */
export function parseArgs(argv: readonly string[], cwd = process.cwd()): SyntheticArgs {
  const values = new Map<string, string | true>();
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]!);
    const name = match?.[1];
    if (!match || !name || (!FLAGS.has(name) && !(name in INTEGERS) && name !== "data-dir")) {
      problems.push(`unknown argument "${argv[i]}"`);
    } else if (FLAGS.has(name)) {
      if (match[2] !== undefined) problems.push(`--${name} takes no value`);
      values.set(name, true);
    } else {
      const value = match[2] ?? argv[++i];
      if (value === undefined || value === "" || value.startsWith("--"))
        problems.push(`--${name} needs a value`);
      else values.set(name, value);
    }
  }
  const integer = (name: string, fallback?: number): number => {
    const raw = values.get(name);
    const [min, max] = INTEGERS[name]!;
    if (raw === undefined || raw === true) {
      if (fallback === undefined && !values.has("help")) problems.push(`--${name} is required`);
      return fallback ?? 0;
    }
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`--${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return fallback ?? 0;
  };
  const dataDir = values.get("data-dir");
  const args: SyntheticArgs = {
    conditions: integer("conditions"),
    seed: integer("seed", DEFAULT_SYNTHETIC_SEED),
    port: integer("port", DEFAULT_SYNTHETIC_PORT),
    dataDir: typeof dataDir === "string" ? path.resolve(cwd, dataDir) : null,
    batchSize: integer("batch-size", 5_000),
    force: values.has("force"),
    stop: values.has("stop"),
    help: values.has("help"),
  };
  if (problems.length > 0 && !args.help) throw new UsageError(problems.map((p) => `error: ${p}`).join("\n"));
  return args;
}

interface Target {
  uri: string;
  /** The embedded instance's folder; null when NEO4J_URI names the server. */
  dataDir: string | null;
}

/** The synthetic instance, started (or reused when it is already running) — or NEO4J_URI's server. */
async function openTarget(config: Readonly<Config>, args: SyntheticArgs): Promise<Target> {
  if (!config.neo4j.managed) {
    console.log(`NEO4J_URI is set: writing the synthetic graph to ${config.neo4j.uri} (nothing is started).`);
    if (args.stop || args.dataDir || args.port !== DEFAULT_SYNTHETIC_PORT)
      console.log("  --port, --data-dir and --stop apply only to the embedded instance and are ignored.");
    return { uri: config.neo4j.uri, dataDir: null };
  }
  const dataDir = args.dataDir ?? path.join(PROJECT_ROOT, ".neo4j", `synthetic-${args.conditions}`);
  if (args.port === config.neo4j.embeddedPort || dataDir === config.neo4j.dataDir)
    throw new UsageError(
      `error: port ${config.neo4j.embeddedPort} and ${config.neo4j.dataDir} are the development Neo4j's; ` +
        "the synthetic graph needs an instance of its own",
    );
  const status = await neo4jStatus({ port: args.port, dataDir });
  if (status.portState === "neo4j" && !status.pidAlive)
    throw new Error(
      `Another Neo4j (not the one for ${relative(dataDir)}) answers on 127.0.0.1:${args.port}. ` +
        "Stop it (e.g. `npm run seed:synthetic -- --conditions <its N> --stop`) or pass --port.",
    );
  const running = await startNeo4j({ projectRoot: PROJECT_ROOT, port: args.port, dataDir, log: console.log });
  if (!running.startedNow) console.log(`Reusing the synthetic Neo4j already running on ${running.uri}.`);
  return { uri: running.uri, dataDir };
}

const relative = (dir: string) => {
  const inside = path.relative(PROJECT_ROOT, dir);
  return inside.startsWith("..") || path.isAbsolute(inside) ? dir : inside || ".";
};
const number = (n: number) => n.toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function progressPrinter(): (progress: SyntheticProgress) => void {
  let last = 0;
  return (p) => {
    if (Date.now() - last < 5_000) return;
    last = Date.now();
    const done =
      p.stage === "clearing" ? "" : ` ${Math.floor((100 * p.conditionsDone) / p.conditions)}% of conditions,`;
    const what =
      p.stage === "clearing"
        ? `${number(p.nodes)} earlier synthetic nodes deleted`
        : `${number(p.nodes)} nodes and ${number(p.relationships)} relationships written`;
    console.log(`  ${p.stage}:${done} ${what} (${seconds(p.elapsedMs)})`);
  };
}

function printResult(result: SyntheticBuildResult, args: SyntheticArgs): void {
  const { counts, release } = result;
  if (result.built) {
    console.log(
      `Synthetic graph built: ${number(args.conditions)} conditions (seed ${args.seed}, generator ` +
        `v${SYNTHETIC_GENERATOR_VERSION}) in ${seconds(result.elapsedMs)}; ${result.written.batches} batches` +
        (result.written.cleared > 0
          ? `, ${number(result.written.cleared)} earlier synthetic nodes cleared`
          : ""),
    );
  } else {
    console.log(
      `Already built: this instance holds synthetic release ${release.checksum} (loaded ${release.loadedAt}); ` +
        "nothing written. Pass --force to rebuild.",
    );
  }
  console.log(`  ${number(counts.totalNodes)} nodes, ${number(counts.totalRelationships)} relationships`);
  const list = (names: readonly string[], record: Record<string, number>) =>
    names
      .filter((name) => (record[name] ?? 0) > 0)
      .map((name) => `${name} ${number(record[name]!)}`)
      .join(", ");
  console.log(`  nodes: ${list(NODE_LABELS, counts.nodes)}`);
  console.log(`  relationships: ${list(RELATIONSHIP_TYPES, counts.relationships)}`);
}

/** The command that finds this same build (so it writes nothing) and then stops its instance. */
function stopCommand(args: SyntheticArgs): string {
  const options = [
    `--conditions ${args.conditions}`,
    args.seed !== DEFAULT_SYNTHETIC_SEED ? `--seed ${args.seed}` : "",
    args.port !== DEFAULT_SYNTHETIC_PORT ? `--port ${args.port}` : "",
    args.dataDir ? `--data-dir ${relative(args.dataDir)}` : "",
  ];
  return `npm run seed:synthetic -- ${options.filter(Boolean).join(" ")} --stop`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const target = await openTarget(config, args);
  try {
    const connection = connectNeo4j({
      ...config.neo4j,
      uri: target.uri,
      transactionTimeoutMs: Math.max(config.neo4j.transactionTimeoutMs, MIN_BATCH_TIMEOUT_MS),
    });
    try {
      const result = await buildSyntheticGraph(connection.database, {
        ...args,
        onProgress: progressPrinter(),
      });
      printResult(result, args);
    } finally {
      await connection.close();
    }
  } finally {
    if (target.dataDir && args.stop) {
      await stopNeo4j({ dataDir: target.dataDir });
      console.log(`Synthetic Neo4j on ${target.uri} stopped (data kept in ${relative(target.dataDir)}).`);
    }
  }
  if (target.dataDir && !args.stop)
    console.log(
      `Synthetic Neo4j running on ${target.uri} (data in ${relative(target.dataDir)}); ` +
        `stop it with \`${stopCommand(args)}\`.`,
    );
  else if (!target.dataDir) console.log(`Synthetic graph is in ${target.uri}.`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
