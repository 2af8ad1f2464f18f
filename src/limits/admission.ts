/**
 * A cap on the GraphQL operations one replica executes at once (HTTP_MAX_CONCURRENT_OPERATIONS); later ones wait
 * their turn, first come first served. Node runs every admitted operation on one thread by turns, so past a few at
 * once more of them only stretch each one: a long traversal admitted beside many short look-ups makes all of them
 * late together, and every operation's live data counts against the heap at the same time. In a queue, an
 * operation waits for its turn and then runs as if alone. Its deadline (REQUEST_TIMEOUT_MS) counts the wait.
 */
export interface Admission {
  /** Resolves with a release function once the operation may run; call it when the operation ends. */
  enter(): Promise<() => void>;
  /** Operations running now and waiting now (the /metrics gauges read them). */
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
