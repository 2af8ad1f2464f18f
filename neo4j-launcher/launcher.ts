/**
 * Starts, stops and reports on an embedded Neo4j Community (a JVM of its own) for one port and data folder.
 * Separate ports and folders are the isolation between instances: Community Edition has one user database.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { neo4jPasswordFile } from "../src/neo4j/credentials";
import { probePort } from "./bolt-probe";
import { ensureJars, ensureJava, launcherPaths } from "./jars";

export interface InstanceOptions {
  projectRoot: string;
  port: number;
  dataDir: string;
  log?: (message: string) => void;
  startTimeoutMs?: number;
  /** NEO4J_PASSWORD: replaces the generated password (the instance is set to it on start). */
  password?: string;
}

export interface RunningNeo4j {
  uri: string;
  port: number;
  /** The JVM's pid when this project started it, else null (another process owns that Neo4j). */
  pid: number | null;
  /** True when this call started the JVM; false when a running Neo4j was reused. */
  startedNow: boolean;
}

export interface InstanceStatus {
  port: number;
  portState: "free" | "neo4j" | "other";
  pid: number | null;
  pidAlive: boolean;
}

const READY_LINE = "PAINGRAPH_NEO4J_READY";
const ERROR_LINE = "PAINGRAPH_NEO4J_ERROR";
// Heap at most 1 GiB; the page cache (neo4j.conf) is set separately. java.nio is opened because Neo4j's
// page cache logs a fallback-mode warning without it (checked on Java 17); the other usual --add-opens are not needed.
const JVM_ARGS = [
  "-Xms256m",
  "-Xmx1g",
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Dfile.encoding=UTF-8",
];

const pidFile = (dataDir: string) => path.join(dataDir, "launcher.pid");
const logFile = (dataDir: string) => path.join(dataDir, "launcher.log");

/** Idempotent: reuses a Neo4j already answering on the port; refuses when something else holds it. */
export async function startNeo4j(options: InstanceOptions): Promise<RunningNeo4j> {
  const log = options.log ?? (() => undefined);
  const uri = `bolt://127.0.0.1:${options.port}`;
  const state = await probePort(options.port);
  if (state === "neo4j") {
    return { uri, port: options.port, pid: readPid(options.dataDir), startedNow: false };
  }
  if (state === "other") {
    throw new Error(
      `Port 127.0.0.1:${options.port} is in use by something that is not Neo4j. ` +
        "Free it, or set NEO4J_EMBEDDED_PORT to another port (or NEO4J_URI to an existing Neo4j).",
    );
  }
  ensureJava();
  const paths = launcherPaths(options.projectRoot);
  ensureJars(paths, log);
  ensurePrivateDir(options.dataDir);
  const password = options.password ?? ensurePasswordFile(options.dataDir);
  log(`Starting Neo4j on ${uri} (data in ${path.relative(options.projectRoot, options.dataDir) || "."})...`);
  const pid = await spawnAndAwaitReady(options, password, paths);
  return { uri, port: options.port, pid, startedNow: true };
}

/** The data folder, private to its owner (0700), folders made before auth was on included. */
function ensurePrivateDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
}

/** The password file: created on first start with 24 random bytes, owner-only (0600). Returns the password. */
export function ensurePasswordFile(dataDir: string): string {
  ensurePrivateDir(dataDir);
  const file = neo4jPasswordFile(dataDir);
  try {
    fs.writeFileSync(file, `${randomBytes(24).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, "utf8").split("\n")[0]!.trim();
}

async function spawnAndAwaitReady(
  options: InstanceOptions,
  password: string,
  { lib, classes, conf }: { lib: string; classes: string; conf: string },
) {
  const out = fs.openSync(logFile(options.dataDir), "w", 0o600);
  const child = spawn(
    "java",
    [
      ...JVM_ARGS,
      "-cp",
      `${classes}${path.delimiter}${path.join(lib, "*")}`,
      "dev.paingraph.neo4j.EmbeddedNeo4j",
      "--port",
      String(options.port),
      "--data",
      options.dataDir,
      "--conf",
      conf,
    ],
    // The password travels in the environment: a command line is readable by every local user.
    {
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, PAINGRAPH_NEO4J_PASSWORD: password },
    },
  );
  fs.closeSync(out);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error("Could not start java for Neo4j");
  fs.writeFileSync(pidFile(options.dataDir), JSON.stringify({ pid, port: options.port }));
  let exitCode: number | null = null;
  child.once("exit", (code) => (exitCode = code ?? -1));

  const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    const output = fs.readFileSync(logFile(options.dataDir), "utf8");
    if (output.includes(READY_LINE)) return pid;
    if (exitCode !== null) {
      fs.rmSync(pidFile(options.dataDir), { force: true });
      const reason = output.split("\n").find((line) => line.startsWith(ERROR_LINE));
      throw new Error(
        reason
          ? reason.replace(ERROR_LINE, "Neo4j did not start:")
          : `Neo4j exited with code ${exitCode}; see ${logFile(options.dataDir)}`,
      );
    }
    await sleep(200);
  }
  await stopNeo4j(options);
  throw new Error(`Neo4j did not become ready in time; see ${logFile(options.dataDir)}`);
}

/**
 * Stops the JVM this project started for that data folder (SIGTERM: a clean shutdown). A pid file can outlive
 * its process and the pid be reused, so the process is signalled only when it is our launcher on that folder.
 */
export async function stopNeo4j(
  options: Pick<InstanceOptions, "dataDir"> & { timeoutMs?: number },
): Promise<boolean> {
  const pid = readPid(options.dataDir);
  if (pid === null || !isAlive(pid) || !isOurNeo4j(pid, options.dataDir)) {
    fs.rmSync(pidFile(options.dataDir), { force: true });
    return false;
  }
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
  fs.rmSync(pidFile(options.dataDir), { force: true });
  return true;
}

export async function neo4jStatus(
  options: Pick<InstanceOptions, "port" | "dataDir">,
): Promise<InstanceStatus> {
  const pid = readPid(options.dataDir);
  return {
    port: options.port,
    portState: await probePort(options.port),
    pid,
    pidAlive: pid !== null && isAlive(pid) && isOurNeo4j(pid, options.dataDir),
  };
}

function readPid(dataDir: string): number | null {
  try {
    const { pid } = JSON.parse(fs.readFileSync(pidFile(dataDir), "utf8")) as { pid: number };
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** True when pid runs the EmbeddedNeo4j launcher on exactly this data folder. */
export function isOurNeo4j(pid: number, dataDir: string): boolean {
  const args = commandLineOf(pid);
  if (args === null) return false;
  const data = args.indexOf("--data");
  return (
    args.includes("dev.paingraph.neo4j.EmbeddedNeo4j") &&
    data >= 0 &&
    path.resolve(args[data + 1] ?? "") === path.resolve(dataDir)
  );
}

function commandLineOf(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    // No /proc (macOS): ps prints the command line, split on spaces (our arguments hold none but the folder).
    const ps = spawnSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
    return ps.status === 0 ? ps.stdout.trim().split(/\s+/) : null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
