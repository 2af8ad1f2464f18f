/**
 * npm run bench [-- --quick]: PainGraph against @neo4j/graphql, its own N+1 baseline, the raw-Cypher floor and a
 * static Apollo floor, over the same Neo4j and data, interleaved; writes bench/results/*.json and BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDataset, type OpenDataset } from "./datasets";
import { measureCell, type Contender } from "./measure";
import type { ResultRow, Soak } from "./results";
import { loadAverage, machineInfo, rssMb } from "./procfs";
import { writeMarkdown } from "./report";
import { ROOT, startSystem, type RunningSystem } from "./systems";
import {
  canonicalAnswer,
  payloadOf,
  questions,
  requestBody,
  supports,
  type Normalisers,
  type Question,
  type System,
  type WorkloadName,
} from "./workloads";
import { runLoad } from "./load";

const ALL_WORKLOADS: WorkloadName[] = ["W1", "W2", "W3", "W4", "W5", "W6"];
const ALL_SYSTEMS: System[] = [
  "paingraph",
  "paingraph-uncached",
  "paingraph-before",
  "neo4j-graphql",
  "naive",
  "cypher-floor",
  "static",
];
// paingraph-before runs only with --baseline.
const DEFAULT_SYSTEMS = ALL_SYSTEMS.filter((system) => system !== "paingraph-before");

export interface Options {
  quick: boolean;
  datasets: string[];
  /** Concurrencies per dataset. */
  concurrency: Record<string, number[]>;
  /** Workloads per dataset. */
  workloads: Record<string, WorkloadName[]>;
  systems: System[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  soakSeconds: number;
  /** Use this Neo4j for the `seed` dataset and start nothing (e.g. the test Neo4j). */
  neo4jUri?: string;
  /** An earlier build of PainGraph, run as `paingraph-before` beside the current one. */
  baselineDir?: string;
  out: string;
  markdown: string | null;
  command: string;
}

export function parseOptions(argv: string[]): Options {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  };
  const list = <T extends string>(name: string) => value(name)?.split(",").filter(Boolean) as T[] | undefined;
  const quick = flag("quick");
  const datasets =
    list<string>("datasets") ?? (quick ? ["seed"] : ["seed", "synthetic-1e4", "synthetic-1e5"]);
  const only = list<WorkloadName>("workloads");
  const conc = list<string>("concurrency")?.map(Number);
  const full: Record<string, number[]> = { seed: [32, 8, 1], "synthetic-1e4": [32], "synthetic-1e5": [32] };
  const fullWorkloads: Record<string, WorkloadName[]> = {
    seed: ALL_WORKLOADS,
    "synthetic-1e4": ["W1", "W2"],
    "synthetic-1e5": ALL_WORKLOADS,
  };
  return {
    quick,
    datasets,
    concurrency: Object.fromEntries(datasets.map((d) => [d, conc ?? (quick ? [8] : (full[d] ?? [32]))])),
    workloads: Object.fromEntries(
      datasets.map((d) => [d, only ?? (quick ? ALL_WORKLOADS : (fullWorkloads[d] ?? ALL_WORKLOADS))]),
    ),
    systems: [
      ...(list<System>("systems") ?? DEFAULT_SYSTEMS),
      ...(value("baseline") && !list<System>("systems")?.includes("paingraph-before")
        ? (["paingraph-before"] as System[])
        : []),
    ],
    baselineDir: value("baseline") ? path.resolve(value("baseline")!) : undefined,
    seconds: Number(value("seconds") ?? (quick ? 2 : 7)),
    rounds: Number(value("rounds") ?? (quick ? 1 : 2)),
    warmupSeconds: Number(value("warmup") ?? (quick ? 1 : 2)),
    soakSeconds: Number(value("soak") ?? (quick ? 0 : 300)),
    neo4jUri: value("neo4j-uri"),
    // A quick run is a smoke: its JSON goes to the ignored bench/.data, the committed results stay the full run's.
    out: path.resolve(
      value("out") ?? path.join(ROOT, quick ? "bench/.data/quick.json" : "bench/results/latest.json"),
    ),
    markdown:
      flag("no-markdown") || (quick && !value("markdown"))
        ? null
        : path.resolve(value("markdown") ?? path.join(ROOT, "BENCHMARKS.md")),
    command: describeCommand(argv),
  };
}

/**
 * The command as results record it: a baseline folder is named by the commit it was built from (a folder path
 * means nothing on another machine), and files outside the project by their name only.
 */
function describeCommand(argv: string[]): string {
  const shown = argv.map((arg, i) => {
    if (argv[i - 1] === "--baseline") return `<build of ${commitOf(arg) ?? "an earlier commit"}>`;
    return path.isAbsolute(arg) && !arg.startsWith(ROOT) ? `…/${path.basename(arg)}` : arg;
  });
  return `npm run bench${shown.length ? ` -- ${shown.join(" ")}` : ""}`;
}

function commitOf(dir: string): string | null {
  try {
    return execFileSync("git", ["-C", dir, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export function normalisers(): Normalisers {
  const codes = require(path.join(ROOT, "dist/src/model/codes")) as any;
  const lucene = require(path.join(ROOT, "dist/src/search/lucene")) as any;
  return {
    icd10Key: codes.icd10Key,
    toLuceneQuery: lucene.toLuceneQuery,
    exactCodeKey: (text: string) => {
      const trimmed = text.trim();
      if (/^\d{6,18}$/.test(trimmed)) return trimmed;
      const key = codes.icd10Key(trimmed) as string;
      return codes.isWellFormedIcd10cm(key.length > 3 ? `${key.slice(0, 3)}.${key.slice(3)}` : key)
        ? key
        : null;
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return response.text();
}

async function trips(url: string): Promise<number> {
  return ((await (await fetch(`${url}/__roundtrips`)).json()) as { count: number }).count;
}

interface Probe {
  /** Canonical data and the exact body, per system and question key. */
  answers: Map<string, { body: string; canonical: string }>;
  roundTrips: Map<string, number | null>;
  sameData: Map<string, boolean>;
}

/** Asks every question once per system: records the exact body, checks the data equals PainGraph's, counts round trips. */
async function probe(
  dataset: OpenDataset,
  running: Map<System, RunningSystem>,
  probes: Map<System, RunningSystem>,
  all: Question[],
  normalise: Normalisers,
  log: (line: string) => void,
): Promise<Probe> {
  const result: Probe = { answers: new Map(), roundTrips: new Map(), sameData: new Map() };
  for (const [system, server] of running) {
    for (const question of all) {
      if (!supports(system, question.workload)) continue;
      const body = await post(server.url, requestBody(system, question, normalise));
      const canonical = canonicalAnswer(system, question, body);
      const key = `${system}|${question.key}`;
      if (canonical instanceof Error)
        throw new Error(`${system} failed ${question.key} on ${dataset.name}: ${canonical.message}`);
      result.answers.set(key, { body, canonical });
      // The current build's answer is the reference (the cached server's, else the executing one's).
      const ours = (
        result.answers.get(`paingraph|${question.key}`) ??
        result.answers.get(`paingraph-uncached|${question.key}`)
      )?.canonical;
      const same = ours === undefined || ours === canonical;
      result.sameData.set(key, same);
      if (!same)
        log(
          system === "paingraph-before"
            ? `  ~ paingraph-before ${question.key}: the earlier build answers differently (${canonical.length} vs ${ours!.length} chars); under load it is held to its own answer`
            : `  ! ${system} ${question.key}: data differs from PainGraph's (${canonical.length} vs ${ours!.length} chars)`,
        );
      // Round trips: our counter through the non-production probe servers; the bench servers count their own.
      let count: number | null = null;
      // The cached server's probe bypasses the cache (debug requests execute), so it serves both.
      const probeServer = probes.get(system === "paingraph-uncached" ? "paingraph" : system);
      if (probeServer) {
        const debug = JSON.parse(
          await post(probeServer.url, requestBody(system, question, normalise), { "x-paingraph-debug": "1" }),
        ) as {
          extensions?: { queryStats?: { cypherRoundTrips?: number } };
        };
        count = debug.extensions?.queryStats?.cypherRoundTrips ?? null;
      } else if (system === "static") count = 0;
      else {
        const before = await trips(server.url);
        await post(server.url, requestBody(system, question, normalise));
        count = (await trips(server.url)) - before;
      }
      result.roundTrips.set(key, count);
    }
  }
  return result;
}

function contenders(
  workload: WorkloadName,
  dataset: OpenDataset,
  systems: System[],
  running: Map<System, RunningSystem>,
  found: Probe,
  normalise: Normalisers,
): Contender[] {
  const asked = questions(workload, dataset.params);
  return systems
    .filter((system) => running.has(system) && supports(system, workload))
    .map((system) => {
      const server = running.get(system)!;
      const trips = asked.map((q) => found.roundTrips.get(`${system}|${q.key}`));
      return {
        system,
        url: server.url,
        pid: server.pid,
        roundTripsPerRequest: trips.every((t) => typeof t === "number")
          ? (trips as number[]).reduce((a, b) => a + b, 0) / trips.length
          : null,
        requests: asked.map((question) => {
          const answer = found.answers.get(`${system}|${question.key}`)!;
          return {
            body: requestBody(system, question, normalise),
            expectedBody: answer.body,
            matches: (body: string) => canonicalAnswer(system, question, body) === answer.canonical,
          };
        }),
      };
    });
}

async function soak(
  server: RunningSystem,
  requests: Contender["requests"],
  seconds: number,
  dataset: string,
): Promise<Soak> {
  const series: number[] = [];
  const sampler = setInterval(() => series.push(Math.round((rssMb(server.pid) ?? 0) * 10) / 10), 5000);
  const result = await runLoad(server.url, requests, 32, seconds);
  clearInterval(sampler);
  const half = series.slice(Math.floor(series.length / 2));
  const n = half.length;
  const meanX = (n - 1) / 2;
  const meanY = half.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const num = half.reduce((sum, y, x) => sum + (x - meanX) * (y - meanY), 0);
  const den = half.reduce((sum, _y, x) => sum + (x - meanX) ** 2, 0);
  return {
    dataset,
    workload: "W5",
    concurrency: 32,
    seconds,
    requestsPerSec: Math.round((result.ok * 1000) / result.durationMs),
    errors: result.errors,
    rssSeriesMb: series,
    peakRssMb: Math.max(0, ...series),
    driftMbPerMinute: den > 0 ? Math.round((num / den) * 12 * 100) / 100 : 0,
    ...(result.firstError ? { firstError: result.firstError } : {}),
  };
}

export async function runBenchmark(options: Options, log: (line: string) => void = console.log) {
  const started = Date.now();
  const normalise = normalisers();
  const rows: ResultRow[] = [];
  const soaks: Soak[] = [];
  const datasets: Array<{ name: string; uri: string; neo4jPid: number | null; params: unknown }> = [];
  const loadStart = loadAverage();
  // Rows are saved after every cell, so an interrupted run still leaves what it measured.
  const build = (complete: boolean) => ({
    machine: {
      ...machineInfo(),
      loadAverageAtStart: loadStart,
      loadAverageAtEnd: loadAverage(),
      neo4j: "Neo4j Community 5.26 (embedded JVM, one per data folder)",
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      command: options.command,
      /** False while the run is still going (or if it was interrupted): the rows so far. */
      complete,
      settings: {
        seconds: options.seconds,
        rounds: options.rounds,
        warmupSeconds: options.warmupSeconds,
        quick: options.quick,
      },
    },
    datasets,
    results: rows,
    soak: soaks,
  });
  const save = (complete: boolean) => {
    const report = build(complete);
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    if (options.markdown) writeMarkdown(options.markdown, report);
    return report;
  };
  for (const name of options.datasets) {
    log(`\n=== dataset ${name} ===`);
    const dataset = await openDataset(name, name === "seed" ? options.neo4jUri : undefined);
    datasets.push({ name, uri: dataset.uri, neo4jPid: dataset.neo4jPid, params: dataset.params });
    const running = new Map<System, RunningSystem>();
    const probes = new Map<System, RunningSystem>();
    try {
      const workloads = options.workloads[name]!;
      const asked = [
        ...new Map(workloads.flatMap((w) => questions(w, dataset.params)).map((q) => [q.key, q])).values(),
      ];
      const base = {
        neo4jUri: dataset.uri,
        neo4jPassword: dataset.neo4jPassword,
        baselineDir: options.baselineDir,
      };
      const dynamic = options.systems.filter((s) => s !== "static");
      await Promise.all(dynamic.map(async (s) => running.set(s, await startSystem(s, base, `${s}-${name}`))));
      // Production hides the round-trip counter: a development twin of each PainGraph build reads it. The
      // cached server's twin also serves paingraph-uncached (debug requests execute).
      const probed = { paingraph: ["paingraph", "paingraph-uncached"], naive: ["naive"] } as const;
      for (const [system, servedFor] of Object.entries(probed) as Array<[System, readonly System[]]>) {
        if (servedFor.some((s) => running.has(s)))
          probes.set(
            system,
            await startSystem(
              system,
              { ...base, env: { NODE_ENV: "development" } },
              `${system}-probe-${name}`,
            ),
          );
      }
      if (running.has("paingraph-before"))
        probes.set(
          "paingraph-before",
          await startSystem(
            "paingraph-before",
            { ...base, env: { NODE_ENV: "development" } },
            `paingraph-before-probe-${name}`,
          ),
        );
      if (options.systems.includes("static")) {
        // The static floor answers with PainGraph's own data for each question.
        const reference = running.get("paingraph") ?? running.get("paingraph-uncached");
        if (!reference)
          throw new Error("static replays PainGraph's answers: run paingraph or paingraph-uncached too");
        const payloads: Record<string, unknown> = {};
        for (const question of asked) {
          payloads[question.key] = payloadOf(
            await post(reference.url, requestBody("paingraph", question, normalise)),
          );
        }
        const payloadFile = path.join(ROOT, "bench/.data", `static-${name}.json`);
        fs.mkdirSync(path.dirname(payloadFile), { recursive: true });
        fs.writeFileSync(payloadFile, JSON.stringify(payloads));
        running.set(
          "static",
          await startSystem("static", { ...base, staticPayloads: payloadFile }, `static-${name}`),
        );
      }
      const ordered = new Map(ALL_SYSTEMS.filter((s) => running.has(s)).map((s) => [s, running.get(s)!]));
      const found = await probe(dataset, ordered, probes, asked, normalise, log);
      await Promise.all([...probes.values()].map((p) => p.stop()));
      probes.clear();
      for (const concurrency of options.concurrency[name]!) {
        for (const workload of workloads) {
          log(`\n${workload} on ${name}, concurrency ${concurrency}`);
          const cell = await measureCell(
            {
              workload,
              dataset: name,
              concurrency,
              seconds: options.seconds,
              rounds: options.rounds,
              warmupSeconds: options.warmupSeconds,
              neo4jPid: dataset.neo4jPid,
            },
            contenders(workload, dataset, options.systems, ordered, found, normalise),
            log,
          );
          for (const row of cell) {
            const sameData = questions(workload, dataset.params).every(
              (q) => found.sameData.get(`${row.system}|${q.key}`) !== false,
            );
            rows.push({ ...row, ...(sameData ? {} : { sameData: false }) } as ResultRow);
          }
          save(false);
        }
      }
      if (options.soakSeconds > 0 && name === "seed" && running.has("paingraph")) {
        log(`\nsoak: paingraph (a fresh process), W5 at concurrency 32 for ${options.soakSeconds} s`);
        const [ours] = contenders("W5", dataset, ["paingraph"], ordered, found, normalise);
        // A process of its own: the figure is this run's memory, not the high-water mark the cells before
        // it left in the process that served them (V8 returns freed heap to the OS only slowly).
        const fresh = await startSystem("paingraph", base, `paingraph-soak-${name}`);
        const result = await soak(fresh, ours!.requests, options.soakSeconds, name).finally(() =>
          fresh.stop(),
        );
        log(
          `  peak RSS ${result.peakRssMb} MB, drift ${result.driftMbPerMinute} MB/min, ${result.requestsPerSec} req/s, errors ${result.errors}${result.firstError ? ` (${result.firstError.slice(0, 200)})` : ""}`,
        );
        soaks.push(result);
        save(false);
      }
    } finally {
      await Promise.all([...running.values(), ...probes.values()].map((s) => s.stop()));
      await dataset.close();
    }
  }
  const report = save(true);
  log(
    `\nwrote ${path.relative(process.cwd(), options.out)}${options.markdown ? ` and ${path.relative(process.cwd(), options.markdown)}` : ""}`,
  );
  return report;
}

export type Report = Awaited<ReturnType<typeof runBenchmark>>;

if (require.main === module) {
  runBenchmark(parseOptions(process.argv.slice(2))).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exit(1);
    },
  );
}
