/**
 * Names the data release on every GraphQL response (`x-paingraph-release`), and after a mutation re-reads the
 * release and announces it to the other replicas (pub/sub through the shared tier), so they key their
 * caches on it at once instead of within a poll.
 */
import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";
import type { ReleaseWatcher } from "./release-watcher";

export const RELEASE_HEADER = "x-paingraph-release";

/** A short, stable name for a release stamp: its version, then a hash of the whole stamp. */
export function releaseLabel(stamp: string | null): string {
  if (stamp === null) return "unknown";
  const version = /^\[(\d+),/.exec(stamp)?.[1] ?? "0";
  return `${version}.${createHash("sha256").update(stamp).digest("hex").slice(0, 12)}`;
}

export interface ReleasePluginOptions {
  watcher: ReleaseWatcher;
  /** Tells the other replicas about a new release (after this server wrote). */
  announce?: (stamp: string) => Promise<void>;
}

export function releasePlugin({
  watcher,
  announce,
}: ReleasePluginOptions): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const stampAtStart = watcher.current();
      return {
        async willSendResponse(request) {
          let stamp = stampAtStart;
          if (request.operation?.operation === "mutation") {
            await watcher.refresh();
            stamp = watcher.current();
            if (stamp !== null && stamp !== stampAtStart) await announce?.(stamp);
          }
          request.response.http.headers.set(RELEASE_HEADER, releaseLabel(stamp));
        },
      };
    },
  };
}
