/**
 * Serves the embeddable widget and what comes with it under /widget/: the script (latest, latest 1.x, and each
 * released version, frozen), its demo page, its custom-elements manifest and its TypeScript typings. Only the
 * files named here are served, looked up by exact path: nothing from the URL ever reaches the file system.
 */
import { readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { PROJECT_ROOT } from "../config";
import { sendJson } from "./responses";
import { readStaticFile, sendStaticFile, type StaticFile, type StaticHeaders } from "./static-file";

/** The demo page loads its scripts from this origin and lets them call any API endpoint (the `endpoint` attribute). */
export const DEMO_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src *; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const JS = "text/javascript; charset=utf-8";
/** URLs that follow the latest script: caches keep it briefly and revalidate with its ETag. */
const LATEST = "public, max-age=300, stale-while-revalidate=3600";
/** A released version never changes (tests/unit/widget-release.test.ts pins its hash): cache it for a year. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** The folder under widget/ that holds each released version, frozen: releases/<version>/paingraph.js. */
export const RELEASES_DIR = "releases";
const VERSION = /^\d+\.\d+\.\d+$/;

interface WidgetFile {
  file: string;
  headers: StaticHeaders;
}

const DEMO: WidgetFile = {
  file: "index.html",
  headers: { contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=60", csp: DEMO_CSP },
};
const TEXT = "text/plain; charset=utf-8";

/** Path → file under widget/. Released versions are added from widget/releases/ when the handler starts. */
function fixedFiles(): Map<string, WidgetFile> {
  return new Map([
    ["/widget/paingraph.js", { file: "paingraph.js", headers: { contentType: JS, cacheControl: LATEST } }],
    // Latest 1.x: the script as it is now (its VERSION says which 1.x); no SRI, since it changes.
    ["/widget/v1/paingraph.js", { file: "paingraph.js", headers: { contentType: JS, cacheControl: LATEST } }],
    ["/widget/demo.js", { file: "demo.js", headers: { contentType: JS, cacheControl: LATEST } }],
    ["/widget/", DEMO],
    ["/widget/index.html", DEMO],
    [
      "/widget/custom-elements.json",
      { file: "custom-elements.json", headers: { contentType: "application/json", cacheControl: LATEST } },
    ],
    [
      "/widget/paingraph.d.ts",
      { file: "paingraph.d.ts", headers: { contentType: TEXT, cacheControl: LATEST } },
    ],
    [
      "/widget/paingraph.types.ts",
      { file: "paingraph.types.ts", headers: { contentType: TEXT, cacheControl: LATEST } },
    ],
  ]);
}

/** The released versions in widget/releases/, newest last. */
export function releasedVersions(dir: string): string[] {
  try {
    return readdirSync(path.join(dir, RELEASES_DIR))
      .filter((name) => VERSION.test(name))
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  } catch {
    return [];
  }
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
  const files = fixedFiles();
  for (const version of releasedVersions(dir)) {
    files.set(`/widget/${version}/paingraph.js`, {
      file: path.join(RELEASES_DIR, version, "paingraph.js"),
      headers: { contentType: JS, cacheControl: IMMUTABLE },
    });
  }
  const cache = new Map<string, StaticFile | null>();
  const load = (file: string): StaticFile | null => {
    if (!reload && cache.has(file)) return cache.get(file) ?? null;
    // Null when not shipped (e.g. a trimmed image): answered as 404.
    const loaded = readStaticFile(path.join(dir, file));
    cache.set(file, loaded);
    return loaded;
  };

  return (request: IncomingMessage, response: ServerResponse, pathname: string): void => {
    if (pathname === "/widget") {
      response.writeHead(308, { location: "/widget/", "content-length": "0" });
      return void response.end();
    }
    const entry = files.get(pathname);
    const loaded = entry ? load(entry.file) : null;
    if (!entry || !loaded) return sendJson(response, 404, { error: "Not found", see: "/widget/" });
    sendStaticFile(request, response, loaded, entry.headers);
  };
}
