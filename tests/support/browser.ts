/**
 * Headless Chromium for browser tests: Debian's `chromium` package driven by playwright-core (no browser is ever
 * downloaded), and a static "third-party site" on another port that embeds the widget as a real site would.
 */
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";

/** The system Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** In CI the browser tests must run; elsewhere they are skipped, loudly, when Chromium is not installed. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI)
    throw new Error(`${CHROMIUM_PATH} is missing: .ci/run installs it (apt-get install chromium)`);
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Without the background-networking flags Chromium calls home, and this machine's closed network refuses it.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

export interface StaticPage {
  type: string;
  body: string;
}

export interface StaticSite {
  /** Origin of the site, e.g. http://127.0.0.1:43121. */
  origin: string;
  /** Path → page; filled in after start, once the API's URL is known. */
  pages: Map<string, StaticPage>;
  close(): Promise<void>;
}

/** Serves fixed pages on 127.0.0.1 and a free port; everything else is 404. */
export async function startStaticSite(): Promise<StaticSite> {
  const pages = new Map<string, StaticPage>();
  const server = http.createServer((request, response) => {
    const page = pages.get(new URL(request.url ?? "/", "http://site").pathname);
    if (!page) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": page.type, "cache-control": "no-store" });
    response.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
