/**
 * Names the data release on every GraphQL response (`x-paingraph-release`), and after a mutation re-reads the
 * release from the write's bookmarks on and announces both to the other replicas (pub/sub through the shared
 * tier), so they key their caches on it at once instead of within a poll, and their reads wait for the write.
 */
import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { WithRequestState } from "../request-info";
import type { ReleaseWatcher } from "./release-watcher";

export const RELEASE_HEADER = "x-paingraph-release";

/** A short, stable name for a release stamp: its version, then a hash of the whole stamp. */
export function releaseLabel(stamp: string | null): string {
  if (stamp === null) return "unknown";
  const version = /^\[(\d+),/.exec(stamp)?.[1] ?? "0";
  return `${version}.${createHash("sha256").update(stamp).digest("hex").slice(0, 12)}`;
}

/** What a replica announces after its write. */
export interface ReleaseNews {
  stamp: string;
  bookmarks: string[];
}

/** The announcement as it travels on the channel. */
export function encodeReleaseNews(news: ReleaseNews): string {
  return JSON.stringify(news);
}

/** Reads an announcement; a bare stamp (a stamp is a JSON array) carries no bookmarks. Null when unreadable. */
export function decodeReleaseNews(message: string): ReleaseNews | null {
  try {
    const parsed = JSON.parse(message) as unknown;
    if (Array.isArray(parsed)) return { stamp: message, bookmarks: [] };
    const { stamp, bookmarks } = (parsed ?? {}) as Partial<ReleaseNews>;
    if (typeof stamp !== "string") return null;
    const valid = Array.isArray(bookmarks) && bookmarks.every((mark) => typeof mark === "string");
    return { stamp, bookmarks: valid ? bookmarks : [] };
  } catch {
    return null;
  }
}

export interface ReleasePluginOptions {
  watcher: ReleaseWatcher;
  /** Tells the other replicas about a new release and the bookmarks of the write that made it. */
  announce?: (news: ReleaseNews) => Promise<void>;
}

export function releasePlugin({
  watcher,
  announce,
}: ReleasePluginOptions): ApolloServerPlugin<WithRequestState> {
  return {
    async requestDidStart() {
      const stampAtStart = watcher.current();
      return {
        async willSendResponse(request) {
          let stamp = stampAtStart;
          if (request.operation?.operation === "mutation") {
            // The request's sessions left the bookmarks of its last write in its holder (src/neo4j).
            const bookmarks = request.contextValue.state.bookmarks?.value ?? [];
            stamp = await watcher.afterWrite(bookmarks);
            if (stamp !== null && stamp !== stampAtStart) await announce?.({ stamp, bookmarks });
          }
          request.response.http.headers.set(RELEASE_HEADER, releaseLabel(stamp));
        },
      };
    },
  };
}
