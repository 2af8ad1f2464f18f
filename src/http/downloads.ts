/**
 * Bulk downloads of a data release: GET /downloads/paingraph-latest.json and /downloads/paingraph-<version>.json,
 * the whole graph in the seed files' format, with an ETag so analysts' scripts fetch it only when it changed.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { sendGraphQLError } from "./responses";

/** The served release: its version and each seed file's text. */
interface ReleaseFiles {
  version: number;
  files: Record<string, string>;
}

const DOWNLOAD_PATH = /^\/downloads\/paingraph-(latest|[1-9][0-9]{0,8})\.json$/;

export function isDownloadPath(pathname: string): boolean {
  return pathname.startsWith("/downloads/");
}

/** The body: one JSON document holding every seed file, parsed, under its file name. */
export function releaseDocument(release: ReleaseFiles): string {
  const files = Object.fromEntries(
    Object.entries(release.files)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, text]) => [name, JSON.parse(text) as unknown]),
  );
  return JSON.stringify({ format: "paingraph-release/1", version: release.version, files });
}

export function createDownloadsHandler(readRelease: () => Promise<ReleaseFiles>) {
  return async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    const match = DOWNLOAD_PATH.exec(pathname);
    if (!match) return sendGraphQLError(response, 404, "No such download.", "NOT_FOUND");
    if (request.method !== "GET" && request.method !== "HEAD") {
      return sendGraphQLError(response, 405, "Downloads answer GET and HEAD only.", "BAD_REQUEST", {
        allow: "GET, HEAD",
      });
    }
    let release: ReleaseFiles;
    try {
      release = await readRelease();
    } catch (error) {
      // Neo4j down or too slow: the same code as the API's, with the status a download client understands.
      if (error instanceof GraphQLError && error.extensions.code === "SERVICE_UNAVAILABLE") {
        return sendGraphQLError(response, 503, error.message, "SERVICE_UNAVAILABLE", { "retry-after": "5" });
      }
      throw error;
    }
    const asked = match[1] === "latest" ? release.version : Number(match[1]);
    if (asked !== release.version) {
      const message = `This server holds release ${release.version} only; /downloads/paingraph-latest.json serves it.`;
      return sendGraphQLError(response, 404, message, "NOT_FOUND");
    }
    const body = releaseDocument(release);
    const etag = `"${createHash("sha256").update(body).digest("base64url")}"`;
    const headers = {
      etag,
      // A numbered release never changes while it is served; "latest" moves with every write.
      "cache-control": match[1] === "latest" ? "public, max-age=60" : "public, max-age=86400",
      "content-disposition": `attachment; filename="paingraph-${release.version}.json"`,
    };
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, headers);
      return void response.end();
    }
    response.writeHead(200, {
      ...headers,
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
    });
    response.end(request.method === "HEAD" ? undefined : body);
  };
}
