/**
 * npm start: the whole system. Starts the embedded Neo4j unless NEO4J_URI is set, seeds the graph when it is
 * empty or the seed files changed (a no-op otherwise), then runs the API. Stops the Neo4j it started when the
 * API exits — or when Ctrl-C / SIGTERM arrives at any point, start-up included.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { ConfigError, loadConfig, PROJECT_ROOT } from "../src/config";
import { startNeo4j, stopNeo4j } from "../neo4j-launcher/launcher";
import { runSeed, UnexportedChangesError } from "../src/write-model/run-seed";

const INTERRUPTED = 130;
let stopRequested = false;
let api: ChildProcess | null = null;

// Installed first, so that a signal during start-up still ends with the Neo4j this command started stopped.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopRequested = true;
    api?.kill(signal);
  });
}

async function main(): Promise<number> {
  const config = loadConfig();
  const { neo4j } = config;
  const instance = { projectRoot: PROJECT_ROOT, port: neo4j.embeddedPort, dataDir: neo4j.dataDir };
  let startedHere = false;
  try {
    if (neo4j.managed) {
      const running = await startNeo4j({ ...instance, log: console.log });
      startedHere = running.startedNow;
      console.log(startedHere ? `Neo4j started on ${running.uri}` : `Reusing Neo4j on ${running.uri}`);
    }
    if (stopRequested) return INTERRUPTED;
    // Idempotent: with unchanged files and graph this writes nothing, so every start can run it.
    await seedUnlessCurated(config);
    if (stopRequested) return INTERRUPTED;
    return await runApi();
  } finally {
    if (startedHere) {
      console.log("Stopping the Neo4j this command started...");
      await stopNeo4j(instance);
    }
  }
}

/** Seeds when needed; curated writes not yet exported are kept (the API starts on them) rather than overwritten. */
async function seedUnlessCurated(config: ReturnType<typeof loadConfig>): Promise<void> {
  try {
    const seeded = await runSeed(config);
    console.log(
      seeded.changed
        ? `Seeded the graph: data release v${seeded.version}`
        : `Graph is current: release v${seeded.version}`,
    );
  } catch (error) {
    if (!(error instanceof UnexportedChangesError)) throw error;
    console.warn(`${error.message}\nStarting on the curated graph without reseeding.`);
  }
}

/** Runs src/main in a child so that its signals and exit code pass straight through. */
function runApi(): Promise<number> {
  return new Promise((resolve) => {
    // execArgv: the API runs with this process's V8 flags (npm start's heap limit).
    api = spawn(process.execPath, [...process.execArgv, path.join(__dirname, "..", "src", "main.js")], {
      stdio: "inherit",
    });
    api.once("exit", (code) => resolve(code ?? 1));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
