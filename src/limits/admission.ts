/**
 * Slots for work that must not all run at once: at most `limit` hold one, later callers wait their turn, first come
 * first served. The replica's cap on GraphQL operations (HTTP_MAX_CONCURRENT_OPERATIONS, graphql-handler.ts) and
 * each request's cap on database calls (REQUEST_MAX_CONCURRENT_QUERIES, concurrency.ts) are both made of it.
 */
export interface Admission {
  /** Resolves with a release function once the caller holds a slot; call it when the work ends. */
  enter(): Promise<() => void>;
  /** Slots held now and callers waiting now (the /metrics gauges and the debug stats read them). */
  running(): number;
  waiting(): number;
}

export function admission(limit: number): Admission {
  let active = 0;
  const queue: Array<(release: () => void) => void> = [];
  const release = () => {
    const next = queue.shift();
    // The slot passes straight to the first waiter, so no newcomer slips in between.
    if (next) next(once(release));
    else active -= 1;
  };
  return {
    enter: () => {
      if (active < limit) {
        active += 1;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve) => queue.push(resolve));
    },
    running: () => active,
    waiting: () => queue.length,
  };
}

/** A release that frees its slot once, however often it is called. */
function once(release: () => void): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    release();
  };
}
