/**
 * One static file held in memory, and how it is answered: an ETag (304 on a match), gzip when the client accepts
 * it, GET and HEAD only. The widget and the explorer serve their files through it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { sendJson } from "./responses";

export interface StaticFile {
  identity: Buffer;
  /** The SHA-256 of the bytes, base64 (also what an SRI `integrity` attribute carries). */
  sha256: string;
  etag: string;
  /** Compressed on first use: large files that nobody asks for cost no start-up time. */
  gzip(): Buffer;
}

export interface StaticHeaders {
  contentType: string;
  cacheControl: string;
  csp?: string;
}

export function staticFile(identity: Buffer): StaticFile {
  const sha256 = createHash("sha256").update(identity).digest("base64");
  let gzip: Buffer | null = null;
  return {
    identity,
    sha256,
    etag: `"${sha256.replace(/[+/=]/g, "").slice(0, 22)}"`,
    gzip: () => (gzip ??= gzipSync(identity, { level: 9 })),
  };
}

/** The file at `file`, or null when it is not there (e.g. a trimmed image): answered as 404 by the caller. */
export function readStaticFile(file: string): StaticFile | null {
  try {
    return staticFile(readFileSync(file));
  } catch {
    return null;
  }
}

export function sendStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: StaticFile,
  { contentType, cacheControl, csp }: StaticHeaders,
): void {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return sendJson(response, 405, { error: "Method not allowed" }, { allow: "GET, HEAD" });
  }
  const gzip = /\bgzip\b/i.test(String(request.headers["accept-encoding"] ?? ""));
  const etag = gzip ? `${file.etag.slice(0, -1)}-gz"` : file.etag;
  const headers: Record<string, string> = {
    "content-type": contentType,
    "cache-control": cacheControl,
    etag,
    // Keep the Vary: Origin that CORS may have set.
    vary: [response.getHeader("vary"), "Accept-Encoding"].filter(Boolean).join(", "),
  };
  if (csp) response.setHeader("content-security-policy", csp);
  const tags = String(request.headers["if-none-match"] ?? "").split(/\s*,\s*/);
  if (tags.includes(etag) || tags.includes(`W/${etag}`)) {
    response.writeHead(304, headers);
    return void response.end();
  }
  const body = gzip ? file.gzip() : file.identity;
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = String(body.length);
  response.writeHead(200, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}
