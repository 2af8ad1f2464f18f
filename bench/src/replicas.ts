/**
 * npm run bench:replicas [-- --seconds 10 --rounds 2 --concurrency 8 --neo4j-uri bolt://…]: W5 through two
 * PainGraph replicas sharing one Redis (response cache, APQ and release news in Redis), beside one process with its
 * in-process cache, over the same Neo4j and seed data, in interleaved rounds. Reports throughput, latency, CPU per
 * request (both replicas and Redis together) and the shared cache's hit rate; writes bench/results/replicas.json.
 * Every answer is checked against the single process's.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDataset } from "./datasets";
import { percentile, runLoad, type CheckedRequest, type LoadResult } from "./load";
import { cpuMs, loadAverage, machineInfo, rssMb } from "./procfs";
import { normalisers } from "./run";
import { ROOT, startSystem, type RunningSystem } from "./systems";
import { canonicalAnswer, questions, requestBody } from "./workloads";

interface Side {
  name: string;
  servers: RunningSystem[];
  /** Other processes whose CPU the side costs (Redis). */
  helpers: number[];
}

const roundMs = (ms: number | null) => (ms === null ? null : Math.round(ms * 100) / 100);

const value = (argv: string[], name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--maxmemory",
      "64mb",
    ],
    { stdio: "ignore" },
  );
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(async () => {
      const probe = new (await import("node:net")).Socket();
      probe.once("connect", () => {
        probe.destroy();
        clearInterval(poll);
        resolve(child);
      });
      probe.once("error", () => probe.destroy());
      probe.connect(port, "127.0.0.1");
      if (Date.now() - started > 10_000) {
        clearInterval(poll);
        reject(new Error("redis-server did not start (is Debian's redis-server installed?)"));
      }
    }, 100);
  });
}

/** Production serves /metrics on METRICS_PORT only: each server here is given one of its own. */
const metricsPorts = new Map<RunningSystem, number>();

/** Sum of a counter's samples with the given label in a server's /metrics. */
async function cacheCount(server: RunningSystem, result: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPorts.get(server)}/metrics`)).text();
  const line = text
    .split("\n")
    .find((row) => row.startsWith(`paingraph_response_cache_total{result="${result}"}`));
  return line ? Number(line.split(" ").pop()) : 0;
}

async function cacheTotals(side: Side) {
  const totals = { hit: 0, miss: 0, bypass: 0 };
  for (const server of side.servers)
    for (const result of ["hit", "miss", "bypass"] as const)
      totals[result] += await cacheCount(server, result);
  return totals;
}

/** The side's connections spread evenly over its servers, as a round-robin load balancer would. */
async function loadSide(side: Side, requests: CheckedRequest[], concurrency: number, seconds: number) {
  const share = Math.max(1, Math.round(concurrency / side.servers.length));
  const results = await Promise.all(
    side.servers.map((server) => runLoad(server.url, requests, share, seconds)),
  );
  return results.reduce((all, one): LoadResult => ({
    ok: all.ok + one.ok,
    errors: all.errors + one.errors,
    durationMs: Math.max(all.durationMs, one.durationMs),
    latencies: all.latencies.concat(one.latencies),
    firstError: all.firstError ?? one.firstError,
  }));
}

async function main(argv: string[]): Promise<void> {
  const seconds = Number(value(argv, "seconds", "10"));
  const rounds = Number(value(argv, "rounds", "2"));
  const concurrency = Number(value(argv, "concurrency", "8"));
  const redisPort = Number(value(argv, "redis-port", "16390"));
  const out = path.resolve(value(argv, "out", path.join(ROOT, "bench/results/replicas.json")));
  const neo4jUri = argv.includes("--neo4j-uri") ? value(argv, "neo4j-uri", "") : undefined;
  const normalise = normalisers();
  const dataset = await openDataset("seed", neo4jUri);
  const redis = await startRedis(redisPort);
  const base = { neo4jUri: dataset.uri, neo4jPassword: dataset.neo4jPassword };
  const shared = { ...base, env: { REDIS_URL: `redis://127.0.0.1:${redisPort}` } };
  const started: RunningSystem[] = [];
  try {
    let nextMetricsPort = Number(value(argv, "metrics-port", "19460"));
    const start = async (
      options: { neo4jUri: string; neo4jPassword: string; env?: Record<string, string> },
      label: string,
    ) => {
      const metricsPort = nextMetricsPort++;
      const server = await startSystem(
        "paingraph",
        { ...options, env: { ...options.env, METRICS_PORT: String(metricsPort) } },
        label,
      );
      metricsPorts.set(server, metricsPort);
      started.push(server);
      return server;
    };
    const single: Side = {
      name: "paingraph (one process, in-process cache)",
      servers: [await start(base, "one")],
      helpers: [],
    };
    const pair: Side = {
      name: "paingraph ×2 replicas (shared Redis cache)",
      servers: [await start(shared, "replica-a"), await start(shared, "replica-b")],
      helpers: [redis.pid!],
    };
    const asked = questions("W5", dataset.params);
    const requests: CheckedRequest[] = [];
    for (const question of asked) {
      const body = requestBody("paingraph", question, normalise);
      const response = await fetch(`${single.servers[0]!.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const expectedBody = await response.text();
      const canonical = canonicalAnswer("paingraph", question, expectedBody);
      if (canonical instanceof Error) throw canonical;
      requests.push({
        body,
        expectedBody,
        matches: (answer) => canonicalAnswer("paingraph", question, answer) === canonical,
      });
    }
    const sides = [single, pair];
    for (const side of sides) await loadSide(side, requests, concurrency, 2);
    const totals = sides.map(() => ({
      ok: 0,
      errors: 0,
      ms: 0,
      cpu: 0,
      rss: 0,
      latencies: [] as number[],
      first: null as string | null,
    }));
    const before = await Promise.all(sides.map(cacheTotals));
    for (let round = 0; round < rounds; round++) {
      for (const [i, side] of sides.entries()) {
        const pids = [...side.servers.map((server) => server.pid), ...side.helpers];
        const cpu0 = pids.map(cpuMs);
        const result = await loadSide(side, requests, concurrency, seconds);
        const cpu1 = pids.map(cpuMs);
        const total = totals[i]!;
        total.cpu += cpu1.reduce<number>((sum, ms, k) => sum + (ms ?? NaN) - (cpu0[k] ?? NaN), 0);
        total.rss = Math.max(
          total.rss,
          side.servers.reduce((sum, server) => sum + (rssMb(server.pid) ?? 0), 0),
        );
        total.ok += result.ok;
        total.errors += result.errors;
        total.ms += result.durationMs;
        total.latencies.push(...result.latencies);
        total.first ??= result.firstError;
      }
    }
    const after = await Promise.all(sides.map(cacheTotals));
    const rows = sides.map((side, i) => {
      const total = totals[i]!;
      const sorted = total.latencies.sort((a, b) => a - b);
      const hits = after[i]!.hit - before[i]!.hit;
      const lookups = hits + after[i]!.miss - before[i]!.miss + after[i]!.bypass - before[i]!.bypass;
      return {
        workload: "W5",
        dataset: "seed",
        concurrency,
        system: side.name,
        processes: side.servers.length,
        requestsPerSec: Math.round((total.ok * 10_000) / total.ms) / 10,
        p50Ms: roundMs(percentile(sorted, 50)),
        p99Ms: roundMs(percentile(sorted, 99)),
        cpuMsPerRequest: Math.round((total.cpu / Math.max(1, total.ok + total.errors)) * 1000) / 1000,
        cacheHitRate: lookups > 0 ? Math.round((hits / lookups) * 10_000) / 10_000 : null,
        rssMb: Math.round(total.rss * 10) / 10,
        errors: total.errors,
        requests: total.ok,
        ...(total.first ? { firstError: total.first } : {}),
      };
    });
    for (const row of rows)
      console.log(
        `${row.system.padEnd(44)} ${String(row.requestsPerSec).padStart(8)} req/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  ` +
          `cpu ${row.cpuMsPerRequest} ms/req  hit rate ${row.cacheHitRate}  rss ${row.rssMb} MB  errors ${row.errors}`,
      );
    const report = {
      machine: {
        ...machineInfo(),
        loadAverage: loadAverage(),
        command: `npm run bench:replicas -- ${argv.join(" ")}`.trim(),
        startedAt: new Date().toISOString(),
        settings: { seconds, rounds, concurrency },
      },
      results: rows,
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await Promise.all(started.map((server) => server.stop()));
    redis.kill("SIGTERM");
    await dataset.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exit(1);
    },
  );
}
