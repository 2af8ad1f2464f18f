/**
 * Runs one server's curation writes one at a time, in arrival order. Servers (replicas) do not share a queue:
 * across them the release lock (curation.repository.ts) orders writes and its version check turns a race into WRITE_CONFLICT.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
