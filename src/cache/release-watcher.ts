/**
 * Keeps the current data release stamp in memory, re-read every RESPONSE_CACHE_RELEASE_POLL_MS (1 s), so the
 * response cache can key on it without a Neo4j round trip per request. Unknown (null) until the first read succeeds
 * and again whenever a read fails: the cache is bypassed rather than serving answers it cannot vouch for.
 */
import type { DataReleaseRepository } from "../release/data-release.repository";

export class ReleaseWatcher {
  private stamp: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  // Reads can overlap (a poll and a post-write refresh): only a read started later may overwrite the stamp.
  private started = 0;
  private applied = 0;

  constructor(
    private readonly releases: Pick<DataReleaseRepository, "findStamp">,
    private readonly pollMs: number,
  ) {}

  /** The stamp last read, or null when it is not known to be current. */
  current(): string | null {
    return this.stamp;
  }

  /** Starts polling; resolves once the first read has settled, so a server starts with its cache usable. */
  start(): Promise<void> {
    if (this.timer) return Promise.resolve();
    // unref: a poll must never be what keeps the process alive.
    this.timer = setInterval(() => void this.refresh(), this.pollMs).unref();
    return this.refresh();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.applied = this.started = this.started + 1;
    this.stamp = null;
  }

  /** Reads the stamp now (after a write: a read that starts after its commit). Never rejects. */
  async refresh(): Promise<void> {
    const sequence = ++this.started;
    let stamp: string | null;
    try {
      stamp = await this.releases.findStamp();
    } catch {
      stamp = null;
    }
    if (sequence <= this.applied) return;
    this.applied = sequence;
    this.stamp = stamp;
  }

  /**
   * Takes a stamp another replica announced after its write, at once (no round trip), so this replica's very
   * next request keys on the new release; then re-reads it to confirm. Reads started earlier cannot undo it.
   */
  adopt(stamp: string): Promise<void> {
    this.applied = this.started = this.started + 1;
    this.stamp = stamp;
    return this.refresh();
  }
}
