/**
 * A cap on the database work one request runs at once: a decoration (src/neo4j/decorate.ts) that lets at most
 * `limit` calls holding a pooled connection run together; the others wait their turn, in order. A single wide
 * operation (many aliases, many loaders firing together) then holds a few connections of the pool, not all of
 * them. REQUEST_MAX_CONCURRENT_QUERIES sets the limit.
 */
import { type Around, holdsConnection } from "../neo4j/decorate";

export interface ConcurrencyCap {
  around: Around;
  /** Most calls that ran at once so far (tests and the debug stats read it). */
  peak(): number;
}

export function concurrencyCap(limit: number): ConcurrencyCap {
  let active = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];
  const acquire = async () => {
    if (active < limit) active += 1;
    // The slot passes straight from a finishing call to the first waiter, so no newcomer slips in between.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    peak = Math.max(peak, active);
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  return {
    around: async (call, proceed) => {
      if (!holdsConnection(call)) return proceed();
      await acquire();
      try {
        return await proceed();
      } finally {
        release();
      }
    },
    peak: () => peak,
  };
}
