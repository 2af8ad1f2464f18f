/** One measured cell: a workload at a concurrency on a dataset, every system run in interleaved rounds. */
import { cpuMs, loadAverage, rssMb } from "./procfs";
import { percentile, runLoad, type CheckedRequest } from "./load";
import type { ResultRow } from "./results";
import { roundOrder } from "./round-order";
import { settle } from "./settle";

export interface Contender {
  system: string;
  url: string;
  pid: number;
  requests: CheckedRequest[];
  roundTripsPerRequest: number | null;
}

export interface CellPlan {
  workload: string;
  dataset: string;
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
  rounds: number;
  neo4jPid: number | null;
}

const round = (value: number | null, digits = 2) =>
  value === null || !Number.isFinite(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Warms every system, then runs rounds A B C, C B A, B C A, A C B … (roundOrder) so machine noise and any trend
 * over the run fall on all of them alike, waiting after each system's round until Neo4j and the servers are idle
 * (settle), so no system pays for another's abandoned statements.
 */
export async function measureCell(
  plan: CellPlan,
  contenders: Contender[],
  log: (line: string) => void,
): Promise<ResultRow[]> {
  for (const contender of contenders) {
    if (plan.warmupSeconds > 0)
      await runLoad(contender.url, contender.requests, plan.concurrency, plan.warmupSeconds);
  }
  const totals = contenders.map(() => ({
    ok: 0,
    errors: 0,
    ms: 0,
    api: 0,
    neo: 0,
    rss: 0,
    latencies: [] as number[],
    rounds: [] as number[],
    firstError: null as string | null,
  }));
  const loads: number[] = [];
  const quiet = async (after: string) => {
    const { waitedMs, settled } = await settle([plan.neo4jPid, ...contenders.map((c) => c.pid)]);
    if (!settled)
      log(`  (Neo4j or a server still busy ${Math.round(waitedMs / 1000)} s after ${after}; going on)`);
  };
  await quiet("the warm-up");
  for (let r = 0; r < plan.rounds; r++) {
    for (const i of roundOrder(contenders.length, r)) {
      const contender = contenders[i]!;
      const total = totals[i]!;
      const api0 = cpuMs(contender.pid);
      const neo0 = cpuMs(plan.neo4jPid);
      const sampler = setInterval(() => (total.rss = Math.max(total.rss, rssMb(contender.pid) ?? 0)), 250);
      const result = await runLoad(contender.url, contender.requests, plan.concurrency, plan.seconds);
      clearInterval(sampler);
      total.rss = Math.max(total.rss, rssMb(contender.pid) ?? 0);
      const api1 = cpuMs(contender.pid);
      const neo1 = cpuMs(plan.neo4jPid);
      total.api += api0 !== null && api1 !== null ? api1 - api0 : NaN;
      total.neo += neo0 !== null && neo1 !== null ? neo1 - neo0 : NaN;
      total.ok += result.ok;
      total.errors += result.errors;
      total.ms += result.durationMs;
      total.rounds.push(round((result.ok * 1000) / result.durationMs, 1)!);
      for (const latency of result.latencies) total.latencies.push(latency);
      total.firstError ??= result.firstError;
      loads.push(loadAverage()[0]!);
      // CPU is read for the round alone, above; what the round left running must not land on the next system.
      await quiet(`${contender.system}'s round`);
    }
  }
  const loadAvg1 = round(loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length))!;
  return contenders.map((contender, i) => {
    const total = totals[i]!;
    const sorted = total.latencies.sort((a, b) => a - b);
    const completed = Math.max(1, total.ok + total.errors);
    const row: ResultRow = {
      workload: plan.workload,
      dataset: plan.dataset,
      concurrency: plan.concurrency,
      system: contender.system,
      requestsPerSec: round((total.ok * 1000) / total.ms, 1)!,
      roundRequestsPerSec: total.rounds,
      p50Ms: round(percentile(sorted, 50)),
      p99Ms: round(percentile(sorted, 99)),
      roundTripsPerRequest: round(contender.roundTripsPerRequest),
      apiCpuMsPerRequest: round(total.api / completed, 3),
      neo4jCpuMsPerRequest: plan.neo4jPid === null ? null : round(total.neo / completed, 3),
      errors: total.errors,
      rssMb: round(total.rss, 1),
      requests: total.ok,
      seconds: round(total.ms / 1000, 1)!,
      loadAvg1,
      ...(total.firstError ? { firstError: total.firstError } : {}),
    };
    log(
      `  ${row.system.padEnd(14)} ${String(row.requestsPerSec).padStart(8)} req/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  ` +
        `trips ${row.roundTripsPerRequest}  cpu api ${row.apiCpuMsPerRequest} neo4j ${row.neo4jCpuMsPerRequest} ms/req  ` +
        `rss ${row.rssMb} MB  errors ${row.errors}${row.firstError ? ` (${row.firstError.slice(0, 120)})` : ""}`,
    );
    return row;
  });
}
