import { decodeReleaseNews, encodeReleaseNews } from "../../src/cache/release.plugin";
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

describe("ReleaseWatcher bookmarks (read-your-writes across replicas)", () => {
  const stampOf = (version: number) => JSON.stringify([version, "2026-01-01T00:00:00Z", "sum", true]);

  it("reads the stamp after a write from the write's bookmarks, then starts every later read there", async () => {
    const startedFrom: string[][] = [];
    const watcher = new ReleaseWatcher(
      {
        findStamp: async (bookmarks) => {
          startedFrom.push([...bookmarks]);
          return stampOf(7);
        },
      },
      60_000,
    );
    expect(watcher.bookmarks()).toEqual([]);
    await expect(watcher.afterWrite(["FB:write-7"])).resolves.toBe(stampOf(7));
    await watcher.refresh();
    expect(startedFrom).toEqual([["FB:write-7"], ["FB:write-7"]]);
    expect(watcher.bookmarks()).toEqual(["FB:write-7"]);
  });

  it("keeps the bookmarks of the newest release when announcements arrive out of order", async () => {
    const watcher = new ReleaseWatcher({ findStamp: async () => stampOf(9) }, 60_000);
    await watcher.adopt(stampOf(9), ["FB:write-9"]);
    await watcher.adopt(stampOf(8), ["FB:write-8"]);
    expect(watcher.bookmarks()).toEqual(["FB:write-9"]);
    await watcher.adopt(stampOf(10), ["FB:write-10"]);
    expect(watcher.bookmarks()).toEqual(["FB:write-10"]);
  });

  it("announces stamp and bookmarks together, and still understands a bare stamp", () => {
    const news = { stamp: stampOf(3), bookmarks: ["FB:a"] };
    expect(decodeReleaseNews(encodeReleaseNews(news))).toEqual(news);
    expect(decodeReleaseNews(stampOf(3))).toEqual({ stamp: stampOf(3), bookmarks: [] });
    expect(decodeReleaseNews("not json")).toBeNull();
    expect(decodeReleaseNews(JSON.stringify({ stamp: 3 }))).toBeNull();
    expect(decodeReleaseNews(JSON.stringify({ stamp: "s", bookmarks: [1] }))).toEqual({
      stamp: "s",
      bookmarks: [],
    });
  });
});
