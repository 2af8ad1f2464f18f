/**
 * Serves the embeddable widget (/widget/paingraph.js) and its demo page (/widget/). Only the files named here
 * are served, looked up by exact path: nothing from the URL ever reaches the file system.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { PROJECT_ROOT } from "../config";
import { sendJson } from "./responses";

/** The demo page loads the widget from this origin and lets it call any API endpoint (the `endpoint` attribute). */
export const DEMO_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src *; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface WidgetFile {
  file: string;
  contentType: string;
  /** The script's URL is not versioned, so caches keep it briefly and revalidate with its ETag. */
  cacheControl: string;
  csp?: string;
}

const SCRIPT: WidgetFile = {
  file: "paingraph.js",
  contentType: "text/javascript; charset=utf-8",
  cacheControl: "public, max-age=300, stale-while-revalidate=3600",
};
const DEMO: WidgetFile = {
  file: "index.html",
  contentType: "text/html; charset=utf-8",
  cacheControl: "public, max-age=60",
  csp: DEMO_CSP,
};
const FILES: ReadonlyMap<string, WidgetFile> = new Map([
  ["/widget/paingraph.js", SCRIPT],
  ["/widget/", DEMO],
  ["/widget/index.html", DEMO],
]);

interface Loaded {
  identity: Buffer;
  gzip: Buffer;
  etag: string;
}

export interface WidgetOptions {
  /** Folder holding the widget files (default: widget/ at the project root). */
  dir?: string;
  /** Re-read the files on every request (development), instead of once. */
  reload?: boolean;
}

/** True for the paths this handler answers: /widget and everything under it. */
export function isWidgetPath(pathname: string): boolean {
  return pathname === "/widget" || pathname.startsWith("/widget/");
}

export function createWidgetHandler({
  dir = path.join(PROJECT_ROOT, "widget"),
  reload = false,
}: WidgetOptions = {}) {
  const cache = new Map<string, Loaded | null>();
  const load = (file: string): Loaded | null => {
    if (!reload && cache.has(file)) return cache.get(file) ?? null;
    let loaded: Loaded | null = null;
    try {
      const identity = readFileSync(path.join(dir, file));
      const hash = createHash("sha256").update(identity).digest("base64url").slice(0, 22);
      loaded = { identity, gzip: gzipSync(identity, { level: 9 }), etag: `"${hash}"` };
    } catch {
      loaded = null; // Not shipped (e.g. a trimmed image): answered as 404.
    }
    cache.set(file, loaded);
    return loaded;
  };

  return (request: IncomingMessage, response: ServerResponse, pathname: string): void => {
    if (pathname === "/widget") {
      response.writeHead(308, { location: "/widget/", "content-length": "0" });
      return void response.end();
    }
    const entry = FILES.get(pathname);
    const loaded = entry ? load(entry.file) : null;
    if (!entry || !loaded) return sendJson(response, 404, { error: "Not found", see: "/widget/" });
    if (request.method !== "GET" && request.method !== "HEAD") {
      return sendJson(response, 405, { error: "Method not allowed" }, { allow: "GET, HEAD" });
    }
    const gzip = /\bgzip\b/i.test(String(request.headers["accept-encoding"] ?? ""));
    const etag = gzip ? `${loaded.etag.slice(0, -1)}-gz"` : loaded.etag;
    const headers: Record<string, string> = {
      "content-type": entry.contentType,
      "cache-control": entry.cacheControl,
      etag,
      // Keep the Vary: Origin that CORS may have set.
      vary: [response.getHeader("vary"), "Accept-Encoding"].filter(Boolean).join(", "),
    };
    if (entry.csp) response.setHeader("content-security-policy", entry.csp);
    const tags = String(request.headers["if-none-match"] ?? "").split(/\s*,\s*/);
    if (tags.includes(etag) || tags.includes(`W/${etag}`)) {
      response.writeHead(304, headers);
      return void response.end();
    }
    const body = gzip ? loaded.gzip : loaded.identity;
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = String(body.length);
    response.writeHead(200, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  };
}
