/**
 * The offline explorer at /explorer: GraphiQL bundled from npm at build time (scripts/build-explorer.ts writes
 * dist/explorer/) and served from this origin only. Its CSP lets the page load nothing from anywhere else, so
 * behind a firewall or offline it works as it does online. Files are looked up by exact name in the list read
 * once at start: nothing from the URL reaches the file system.
 */
import { readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { PROJECT_ROOT } from "../config";
import { LANDING_OPERATION, PICKER_OPERATION } from "./landing-operation";
import { sendJson } from "./responses";
import { readStaticFile, sendStaticFile, staticFile, type StaticFile } from "./static-file";

/**
 * Scripts, styles, workers and the icon font from this origin (GraphiQL's own fonts are inlined as data: URLs in
 * its CSS), the editor's inline styles, and queries to this API only.
 */
export const EXPLORER_CSP =
  "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

/** The tabs the explorer opens with (GraphiQL keeps the user's own tabs in the browser after the first visit). */
export const EXPLORER_EXAMPLES = [
  { query: LANDING_OPERATION.document, variables: JSON.stringify(LANDING_OPERATION.variables, null, 2) },
  { query: PICKER_OPERATION.document, variables: JSON.stringify(PICKER_OPERATION.variables, null, 2) },
];

function explorerPage(): string {
  // Relative to /explorer/, so the explorer also works behind a proxy that mounts the API under a prefix.
  const settings = JSON.stringify({ endpoint: "../graphql", examples: EXPLORER_EXAMPLES }).replace(
    /</g,
    "\\u003c",
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PainGraph explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="explorer.css">
<style>html,body,#explorer{height:100%;margin:0}#explorer>p{font:1rem system-ui,sans-serif;padding:1rem}</style>
</head>
<body>
<div id="explorer"><p>Loading the PainGraph explorer…</p></div>
<noscript><p>The explorer needs JavaScript. The API itself is at <a href="../graphql">/graphql</a>.</p></noscript>
<script id="explorer-settings" type="application/json">${settings}</script>
<script src="explorer.js"></script>
</body>
</html>
`;
}

export interface ExplorerOptions {
  /** The bundle's folder (default: dist/explorer, written by `npm run build`). */
  dir?: string;
}

export function isExplorerPath(pathname: string): boolean {
  return pathname === "/explorer" || pathname.startsWith("/explorer/");
}

export function createExplorerHandler({
  dir = path.join(PROJECT_ROOT, "dist/explorer"),
}: ExplorerOptions = {}) {
  // Read on first use: servers that never show the explorer (tests, replicas behind a proxy) pay nothing.
  let bundle: ReadonlyMap<string, StaticFile> | null = null;
  const load = () => (bundle ??= readBundle(dir));
  const page = staticFile(Buffer.from(explorerPage()));

  return (request: IncomingMessage, response: ServerResponse, pathname: string): void => {
    if (pathname === "/explorer") {
      response.writeHead(308, { location: "/explorer/", "content-length": "0" });
      return void response.end();
    }
    const name = pathname.slice("/explorer/".length);
    if (name === "" || name === "index.html") {
      if (!load().has("explorer.js"))
        return sendJson(response, 503, { error: "The explorer is not built: run npm run build." });
      return sendStaticFile(request, response, page, {
        contentType: "text/html; charset=utf-8",
        cacheControl: "no-cache",
        csp: EXPLORER_CSP,
      });
    }
    const file = load().get(name);
    if (!file) return sendJson(response, 404, { error: "Not found", see: "/explorer/" });
    sendStaticFile(request, response, file, {
      contentType: TYPES[path.extname(name)]!,
      // Names are stable across builds (except the hashed font): revalidate with the ETag after five minutes.
      cacheControl: /-[A-Z0-9]{8}\.ttf$/.test(name)
        ? "public, max-age=31536000, immutable"
        : "public, max-age=300",
      // A worker runs under its own response's CSP.
      csp: EXPLORER_CSP,
    });
  };
}

/** The bundle's files by name; empty when it was not built (the page then says how to build it). */
function readBundle(dir: string): ReadonlyMap<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => path.extname(name) in TYPES);
  } catch {
    names = [];
  }
  for (const name of names) {
    const file = readStaticFile(path.join(dir, name));
    if (file) files.set(name, file);
  }
  return files;
}
