/**
 * Waiting for quiet between rounds. When a system's round ends, the requests it had in flight are abandoned by the
 * load generator, but Neo4j keeps running their statements (a client that goes away does not stop a transaction).
 * Without a pause the next system's round paid for them: in Neo4j CPU per request, and in Neo4j's shared
 * transaction memory (db.memory.transaction.total.max), whose exhaustion failed the next system's requests with
 * MemoryPoolOutOfMemoryError. `@neo4j/graphql`'s W2 on 10^5 conditions leaves seconds of sorting behind it.
 */
import { cpuMs } from "./procfs";

export interface SettleOptions {
  /** A process using more than this share of one core over a window is still busy. */
  busyShare: number;
  windowMs: number;
  /** Give up waiting after this long (a busy machine must not stall the run); the caller logs it. */
  timeoutMs: number;
}

export const SETTLE: SettleOptions = { busyShare: 0.1, windowMs: 250, timeoutMs: 30_000 };

/** Whether any process used more CPU in the window than `busyShare` of it (a process that is gone is idle). */
export function anyBusy(cpuUsedMs: Array<number | null>, options: SettleOptions = SETTLE): boolean {
  return cpuUsedMs.some((used) => used !== null && used > options.busyShare * options.windowMs);
}

/** Waits until every pid is idle for one window; returns how long it waited and whether it got there. */
export async function settle(
  pids: Array<number | null>,
  options: SettleOptions = SETTLE,
): Promise<{ waitedMs: number; settled: boolean }> {
  const started = Date.now();
  while (Date.now() - started < options.timeoutMs) {
    const before = pids.map(cpuMs);
    await new Promise((resolve) => setTimeout(resolve, options.windowMs));
    const used = pids.map((pid, i) => {
      const after = cpuMs(pid);
      return after === null || before[i] === null ? null : after - before[i]!;
    });
    if (!anyBusy(used, options)) return { waitedMs: Date.now() - started, settled: true };
  }
  return { waitedMs: Date.now() - started, settled: false };
}
