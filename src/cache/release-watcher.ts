/**
 * Keeps the current data release stamp in memory, re-read every RESPONSE_CACHE_RELEASE_POLL_MS (1 s), so the
 * response cache can key on it without a Neo4j round trip per request. Unknown (null) until the first read succeeds
 * and again whenever a read fails: the cache is bypassed rather than serving answers it cannot vouch for.
 *
 * It also keeps the bookmarks of the newest curated write this replica knows of (its own, or one another replica
 * announced with its stamp). Every request's reads, and every re-read of the stamp, start from them: against a
 * Neo4j cluster a follower then waits until it has that write before answering. They ride along on queries the
 * request makes anyway; no round trip is ever spent on them.
 */

/** Reads the release stamp; `bookmarks` are where the read must start from (none: any up-to-date-enough server). */
export interface ReleaseStampSource {
  findStamp(bookmarks: readonly string[]): Promise<string>;
}

/** The release version a stamp names (`[version, loadedAt, checksum, unexported]`); -1 when it names none. */
export function releaseVersionOf(stamp: string): number {
  const match = /^\[(\d+),/.exec(stamp);
  return match ? Number(match[1]) : -1;
}

export class ReleaseWatcher {
  private stamp: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  // Reads can overlap (a poll and a post-write refresh): only a read started later may overwrite the stamp.
  private started = 0;
  private applied = 0;
  // Curated writes take the release lock and bump the version, so a higher version is a later commit.
  private newestWrite: { version: number; bookmarks: readonly string[] } = { version: -1, bookmarks: [] };

  constructor(
    private readonly releases: ReleaseStampSource,
    private readonly pollMs: number,
  ) {}

  /** The stamp last read, or null when it is not known to be current. */
  current(): string | null {
    return this.stamp;
  }

  /** The bookmarks of the newest write known here: where a request's reads start from. */
  bookmarks(): string[] {
    return [...this.newestWrite.bookmarks];
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

  /** Reads the stamp now, from the newest write known here on. Never rejects. */
  async refresh(): Promise<void> {
    await this.read(this.newestWrite.bookmarks);
  }

  /**
   * After this replica's own write: reads the stamp from the write's bookmarks on (so even a lagging follower
   * answers with the write in it), remembers them, and returns the new stamp (null when the read failed).
   */
  async afterWrite(bookmarks: readonly string[]): Promise<string | null> {
    const stamp = await this.read(bookmarks);
    if (stamp !== null) this.remember(stamp, bookmarks);
    return stamp;
  }

  /**
   * Takes a stamp another replica announced after its write, at once (no round trip), so this replica's very
   * next request keys on the new release and reads from the write's bookmarks; then re-reads it to confirm.
   * Reads started earlier cannot undo it.
   */
  adopt(stamp: string, bookmarks: readonly string[] = []): Promise<void> {
    this.remember(stamp, bookmarks);
    this.applied = this.started = this.started + 1;
    this.stamp = stamp;
    return this.refresh();
  }

  private async read(bookmarks: readonly string[]): Promise<string | null> {
    const sequence = ++this.started;
    let stamp: string | null;
    try {
      stamp = await this.releases.findStamp(bookmarks);
    } catch {
      stamp = null;
    }
    if (sequence <= this.applied) return stamp;
    this.applied = sequence;
    this.stamp = stamp;
    return stamp;
  }

  private remember(stamp: string, bookmarks: readonly string[]): void {
    const version = releaseVersionOf(stamp);
    if (bookmarks.length === 0 || version < this.newestWrite.version) return;
    this.newestWrite = { version, bookmarks: [...bookmarks] };
  }
}
