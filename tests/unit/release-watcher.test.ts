import { ReleaseWatcher } from "../../src/cache/release-watcher";

/** A stamp source whose reads the test settles one by one, in any order. */
function controlledReleases() {
  const pending: Array<{ resolve: (stamp: string) => void; reject: (error: Error) => void }> = [];
  return {
    pending,
    findStamp: () => new Promise<string>((resolve, reject) => pending.push({ resolve, reject })),
  };
}

describe("ReleaseWatcher", () => {
  it("knows no stamp until a read succeeds, then the one read", async () => {
    const releases = controlledReleases();
    const watcher = new ReleaseWatcher(releases, 60_000);
    const read = watcher.refresh();
    expect(watcher.current()).toBeNull();
    releases.pending[0]!.resolve("v1");
    await read;
    expect(watcher.current()).toBe("v1");
  });

  it("forgets the stamp when a read fails, so nothing is served it cannot vouch for", async () => {
    const releases = controlledReleases();
    const watcher = new ReleaseWatcher(releases, 60_000);
    const ok = watcher.refresh();
    releases.pending[0]!.resolve("v1");
    await ok;
    const failed = watcher.refresh();
    releases.pending[1]!.reject(new Error("Neo4j unreachable"));
    await expect(failed).resolves.toBeUndefined();
    expect(watcher.current()).toBeNull();
  });

  it("keeps the newer read when an older one answers last (a poll overtaken by a post-write refresh)", async () => {
    const releases = controlledReleases();
    const watcher = new ReleaseWatcher(releases, 60_000);
    const poll = watcher.refresh();
    const afterWrite = watcher.refresh();
    releases.pending[1]!.resolve("v2");
    await afterWrite;
    releases.pending[0]!.resolve("v1");
    await poll;
    expect(watcher.current()).toBe("v2");
  });

  it("polls on its interval and stops polling on stop", async () => {
    jest.useFakeTimers();
    try {
      let reads = 0;
      const watcher = new ReleaseWatcher({ findStamp: async () => `v${++reads}` }, 1000);
      await watcher.start();
      expect(watcher.current()).toBe("v1");
      await jest.advanceTimersByTimeAsync(3500);
      expect(reads).toBe(4);
      expect(watcher.current()).toBe("v4");
      watcher.stop();
      await jest.advanceTimersByTimeAsync(5000);
      expect(reads).toBe(4);
      expect(watcher.current()).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
