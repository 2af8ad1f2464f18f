/**
 * A cap on the database work one request runs at once: a decoration (src/neo4j/decorate.ts) that lets at most
 * `limit` calls holding a pooled connection run together; the others wait their turn, in order. A single wide
 * operation (many aliases, many loaders firing together) then holds a few connections of the pool, not all of
 * them. REQUEST_MAX_CONCURRENT_QUERIES sets the limit.
 */
import { type Around, holdsConnection } from "../neo4j/decorate";
import { admission } from "./admission";

export interface ConcurrencyCap {
  around: Around;
  /** Most calls that ran at once so far (tests and the debug stats read it). */
  peak(): number;
}

export function concurrencyCap(limit: number): ConcurrencyCap {
  const slots = admission(limit);
  let peak = 0;
  return {
    around: async (call, proceed) => {
      if (!holdsConnection(call)) return proceed();
      const release = await slots.enter();
      peak = Math.max(peak, slots.running());
      try {
        return await proceed();
      } finally {
        release();
      }
    },
    peak: () => peak,
  };
}
