/** Writes the generated part of BENCHMARKS.md (between markers), leaving the hand-written analysis around it. */
import fs from "node:fs";
import type { ResultRow, Soak } from "./results";

const BEGIN = "<!-- bench:generated:begin (npm run bench rewrites this section) -->";
const END = "<!-- bench:generated:end -->";

interface ReportLike {
  machine: Record<string, unknown> & {
    command: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  results: ResultRow[];
  soak: Soak[];
}

const fmt = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? "–" : value.toFixed(digits);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || !b ? null : a / b;
const mark = (ok: boolean | null) => (ok === null ? "–" : ok ? "met" : "**missed**");

/** The targets are judged for production (response cache on) and for executing every request (cache off). */
const THROUGHPUT_SYSTEMS = ["paingraph", "paingraph-uncached"] as const;

function find(rows: ResultRow[], workload: string, dataset: string, concurrency: number, system: string) {
  return rows.find(
    (r) =>
      r.workload === workload &&
      r.dataset === dataset &&
      r.concurrency === concurrency &&
      r.system === system,
  );
}

function cells(rows: ResultRow[]) {
  const seen = new Map<string, { workload: string; dataset: string; concurrency: number }>();
  for (const r of rows) seen.set(`${r.dataset}|${r.concurrency}|${r.workload}`, r);
  return [...seen.values()];
}

function ratioTable(rows: ResultRow[]): string[] {
  const lines = [
    "| workload | dataset | conc. | paingraph req/s | ÷ neo4j-graphql | p99 paingraph / neo4j-graphql (ms) | ÷ naive | ÷ cypher-floor | ÷ static | uncached req/s | uncached ÷ neo4j-graphql | uncached ÷ cypher-floor | round trips paingraph / naive |",
    "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const { workload, dataset, concurrency } of cells(rows)) {
    const get = (system: string) => find(rows, workload, dataset, concurrency, system);
    const ours = get("paingraph");
    const ngq = get("neo4j-graphql");
    const naive = get("naive");
    const uncached = get("paingraph-uncached");
    lines.push(
      `| ${workload} | ${dataset} | ${concurrency} | ${fmt(ours?.requestsPerSec)} | ${fmt(ratio(ours?.requestsPerSec, ngq?.requestsPerSec), 2)}× | ` +
        `${fmt(ours?.p99Ms)} / ${fmt(ngq?.p99Ms)} | ${fmt(ratio(ours?.requestsPerSec, naive?.requestsPerSec), 2)}× | ` +
        `${fmt(ratio(ours?.requestsPerSec, get("cypher-floor")?.requestsPerSec), 2)}× | ${fmt(ratio(ours?.requestsPerSec, get("static")?.requestsPerSec), 2)}× | ` +
        `${fmt(uncached?.requestsPerSec)} | ${fmt(ratio(uncached?.requestsPerSec, ngq?.requestsPerSec), 2)}× | ` +
        `${fmt(ratio(uncached?.requestsPerSec, get("cypher-floor")?.requestsPerSec), 2)}× | ` +
        `${fmt(ours?.roundTripsPerRequest)} / ${fmt(naive?.roundTripsPerRequest)} |`,
    );
  }
  return lines;
}

/**
 * The run's own noise: `naive` and `paingraph-uncached` are one build and send W1 the same single statement (one
 * key, nothing to batch), so their ratio would be 1.00 on a quiet machine. A ratio between other systems that is
 * no further from 1 than this one is not a finding.
 */
export function noiseGauge(rows: ResultRow[]): string[] {
  const lines: string[] = [];
  for (const { workload, dataset, concurrency } of cells(rows)) {
    if (workload !== "W1") continue;
    const uncached = find(rows, workload, dataset, concurrency, "paingraph-uncached");
    const naive = find(rows, workload, dataset, concurrency, "naive");
    const gauge = ratio(uncached?.requestsPerSec, naive?.requestsPerSec);
    if (gauge === null) continue;
    lines.push(
      `- ${dataset}, c${concurrency}: paingraph-uncached ÷ naive = ${fmt(gauge, 2)} (${fmt(uncached?.requestsPerSec)} vs ` +
        `${fmt(naive?.requestsPerSec)} req/s; Neo4j CPU ${fmt(uncached?.neo4jCpuMsPerRequest, 2)} vs ${fmt(naive?.neo4jCpuMsPerRequest, 2)} ms/req)`,
    );
  }
  return lines.length === 0
    ? []
    : [
        "### Noise gauge (A/A)",
        "",
        "`naive` and `paingraph-uncached` send W1 the same statement from the same build: their ratio would be 1.00 " +
          "on a quiet machine, so its distance from 1 is this run's noise.",
        "",
        ...lines,
        "",
      ];
}

function fullTable(rows: ResultRow[]): string[] {
  const lines = [
    "| workload | dataset | conc. | system | req/s | p50 ms | p99 ms | round trips/req | API CPU ms/req | Neo4j CPU ms/req | errors | peak RSS MB |",
    "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.workload} | ${r.dataset} | ${r.concurrency} | ${r.system} | ${fmt(r.requestsPerSec)} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} | ` +
        `${fmt(r.roundTripsPerRequest)} | ${fmt(r.apiCpuMsPerRequest, 2)} | ${fmt(r.neo4jCpuMsPerRequest, 2)} | ${r.errors} | ${fmt(r.rssMb, 0)} |`,
    );
  }
  return lines;
}

const median = (values: number[] | undefined) => {
  if (!values?.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * When a baseline build ran beside the current one: the change, measured in this run, on the executing path
 * (the baseline runs without the response cache, so it is compared with paingraph-uncached).
 */
function leverTable(rows: ResultRow[]): string[] {
  if (!rows.some((r) => r.system === "paingraph-before")) return [];
  const lines = [
    "### The change under test: paingraph-before (baseline build) → paingraph-uncached, same run, both executing",
    "",
    "req/s is the median of the rounds (the mean over all rounds in brackets); the ratio is of the medians. " +
      "Answers: whether the baseline's data equals the current build's (a baseline that answers differently is " +
      "held to its own validated answers under load).",
    "",
    "| workload | dataset | conc. | req/s before → after | ratio | p50 ms before → after | p99 ms before → after | API CPU ms/req before → after | Neo4j CPU ms/req before → after | errors | answers |",
    "| --- | --- | ---: | --- | ---: | --- | --- | --- | --- | --- | --- |",
  ];
  for (const { workload, dataset, concurrency } of cells(rows)) {
    const before = find(rows, workload, dataset, concurrency, "paingraph-before");
    const after = find(rows, workload, dataset, concurrency, "paingraph-uncached");
    if (!before || !after) continue;
    const b = median(before.roundRequestsPerSec) ?? before.requestsPerSec;
    const a = median(after.roundRequestsPerSec) ?? after.requestsPerSec;
    lines.push(
      `| ${workload} | ${dataset} | ${concurrency} | ${fmt(b)} (${fmt(before.requestsPerSec)}) → ${fmt(a)} (${fmt(after.requestsPerSec)}) | ${fmt(ratio(a, b), 2)}× | ` +
        `${fmt(before.p50Ms)} → ${fmt(after.p50Ms)} | ${fmt(before.p99Ms)} → ${fmt(after.p99Ms)} | ` +
        `${fmt(before.apiCpuMsPerRequest, 2)} → ${fmt(after.apiCpuMsPerRequest, 2)} | ` +
        `${fmt(before.neo4jCpuMsPerRequest, 2)} → ${fmt(after.neo4jCpuMsPerRequest, 2)} | ${before.errors} / ${after.errors} | ` +
        `${(before as { sameData?: boolean }).sameData === false ? "differ" : "same"} |`,
    );
  }
  return [...lines, ""];
}

type Target = { target: string; evidence: string; met: boolean | null };

const WHO = { paingraph: "cached", "paingraph-uncached": "executing" } as const;

/**
 * Throughput against @neo4j/graphql (issue 18): the executing path (paingraph-uncached) at least level with it, p99
 * no worse, aiming for 1.5×; the cached path (production) at least 5×.
 */
function againstNeo4jGraphQL(rows: ResultRow[], dataset: string, concurrency: number): Target[] {
  const out: Target[] = [];
  for (const workload of ["W1", "W2", "W5"]) {
    const ngq = find(rows, workload, dataset, concurrency, "neo4j-graphql");
    for (const system of THROUGHPUT_SYSTEMS) {
      const ours = find(rows, workload, dataset, concurrency, system);
      if (!ours || !ngq) continue;
      const x = ratio(ours.requestsPerSec, ngq.requestsPerSec)!;
      const p99 = `p99 ${fmt(ours.p99Ms)} vs ${fmt(ngq.p99Ms)} ms`;
      out.push(
        system === "paingraph"
          ? {
              target: `${workload} ${dataset} c${concurrency} (${WHO[system]}): ≥ 5× neo4j-graphql throughput`,
              evidence: `${fmt(x, 2)}×; ${p99}`,
              met: x >= 5,
            }
          : {
              target: `${workload} ${dataset} c${concurrency} (${WHO[system]}): ≥ 1.0× neo4j-graphql throughput (aim 1.5×), p99 no worse`,
              evidence: `${fmt(x, 2)}×${x >= 1.5 ? " (aim met)" : ""}; ${p99}`,
              met: x >= 1 && (ours.p99Ms ?? Infinity) <= (ngq.p99Ms ?? Infinity),
            },
      );
    }
  }
  return out;
}

/** The executing path against the hand-written Cypher floor: throughput on W1–W3, Neo4j CPU on W1 and W2. */
function againstFloor(rows: ResultRow[], dataset: string, concurrency: number): Target[] {
  const out: Target[] = [];
  for (const workload of ["W1", "W2", "W3"]) {
    const ours = find(rows, workload, dataset, concurrency, "paingraph-uncached");
    const floor = find(rows, workload, dataset, concurrency, "cypher-floor");
    if (!ours || !floor) continue;
    const x = ratio(ours.requestsPerSec, floor.requestsPerSec)!;
    out.push({
      target: `${workload} ${dataset} c${concurrency} (executing): ≥ 0.5× cypher-floor throughput (aim 0.6×)`,
      evidence: `${fmt(x, 2)}×${x >= 0.6 ? " (aim met)" : ""}`,
      met: x >= 0.5,
    });
    if (workload === "W3") continue;
    const cpu = ratio(ours.neo4jCpuMsPerRequest, floor.neo4jCpuMsPerRequest);
    out.push({
      target: `${workload} ${dataset} c${concurrency} (executing): Neo4j CPU per request ≤ 1.5× the floor's (aim 1.2×)`,
      evidence: `${fmt(ours.neo4jCpuMsPerRequest, 2)} vs ${fmt(floor.neo4jCpuMsPerRequest, 2)} ms (${fmt(cpu, 2)}×)`,
      met: cpu === null ? null : cpu <= 1.5,
    });
  }
  return out;
}

/** Each target of the issues (18 for throughput and Neo4j CPU), evaluated on this run's rows. */
export function targets(rows: ResultRow[], soaks: Soak[]): Target[] {
  const out: Target[] = [];
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  for (const dataset of datasets) {
    const concurrencies = [...new Set(rows.filter((r) => r.dataset === dataset).map((r) => r.concurrency))]
      .filter((c) => c > 1)
      .sort((a, b) => b - a);
    for (const concurrency of concurrencies) {
      out.push(
        ...againstNeo4jGraphQL(rows, dataset, concurrency),
        ...againstFloor(rows, dataset, concurrency),
      );
    }
    const w2 = rows.find((r) => r.workload === "W2" && r.dataset === dataset && r.system === "paingraph");
    const w2naive = rows.find((r) => r.workload === "W2" && r.dataset === dataset && r.system === "naive");
    if (w2) {
      const trips = w2.roundTripsPerRequest;
      const naiveX = ratio(w2naive?.roundTripsPerRequest, trips);
      out.push({
        target: `W2 ${dataset}: round trips ≤ depth + 1 = 4 (1 with every level folded into the page); naive ≥ 20×`,
        evidence: `${fmt(trips, 0)} round trips; naive ${fmt(w2naive?.roundTripsPerRequest, 0)} (${fmt(naiveX, 1)}×)`,
        met: trips !== null && trips <= 4 && (naiveX === null ? null : naiveX >= 20),
      });
    }
  }
  for (const system of THROUGHPUT_SYSTEMS) {
    const small = find(rows, "W2", "synthetic-1e4", 32, system);
    const large = find(rows, "W2", "synthetic-1e5", 32, system);
    if (!small || !large) continue;
    const growth = ratio(large.p50Ms, small.p50Ms)!;
    out.push({
      target: `W2 p50 grows ≤ 1.5× from 10^4 to 10^5 conditions (c32)${system === "paingraph" ? "" : ` (${system})`}`,
      evidence: `${fmt(small.p50Ms)} → ${fmt(large.p50Ms)} ms (${fmt(growth, 2)}×)`,
      met: growth <= 1.5,
    });
  }
  for (const s of soaks) {
    out.push({
      target: `API peak RSS < 300 MB over ${s.seconds} s at c32 (${s.workload}, ${s.dataset}), no upward drift`,
      evidence: `peak ${fmt(s.peakRssMb)} MB; drift ${fmt(s.driftMbPerMinute, 2)} MB/min over the second half; ${s.errors} errors`,
      met: s.peakRssMb < 300 && s.driftMbPerMinute < 1,
    });
  }
  return out;
}

export function generatedSection(report: ReportLike): string {
  const m = report.machine;
  const errors = report.results.reduce((sum, r) => sum + r.errors, 0);
  return [
    BEGIN,
    "",
    `Run of ${m.startedAt} (${m.durationSeconds} s): \`${m.command}\`. Machine: ${m.cores} × ${m.cpuModel}, ${m.memoryGiB} GiB, ` +
      `${m.os}, Node ${m.node}, ${m.neo4j}. Load average (1/5/15 min) ${m.loadAverageAtStart.join(" / ")} at the start, ` +
      `${m.loadAverageAtEnd.join(" / ")} at the end (the machine is shared with other test runs). ` +
      `Errors across all rows: ${errors}.` +
      (m.complete === false
        ? " **Partial: the run was still going or was interrupted; these are the rows so far.**"
        : ""),
    "",
    "### Targets",
    "",
    "| target | this run | |",
    "| --- | --- | --- |",
    ...targets(report.results, report.soak).map((t) => `| ${t.target} | ${t.evidence} | ${mark(t.met)} |`),
    "",
    "### Ratios (paingraph ÷ other, requests per second, same run)",
    "",
    ...ratioTable(report.results),
    "",
    ...leverTable(report.results),
    ...noiseGauge(report.results),
    "### Every row",
    "",
    ...fullTable(report.results),
    "",
    ...(report.soak.length
      ? [
          "### Soak",
          "",
          ...report.soak.map(
            (s) =>
              `- ${s.dataset} ${s.workload} c${s.concurrency}, ${s.seconds} s: ${s.requestsPerSec} req/s, ${s.errors} errors, RSS every 5 s (MB): ${s.rssSeriesMb.join(", ")}`,
          ),
          "",
        ]
      : []),
    END,
  ].join("\n");
}

export function writeMarkdown(file: string, report: ReportLike): void {
  const section = generatedSection(report);
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    begin >= 0 && end > begin
      ? `${current.slice(0, begin)}${section}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
}
