/**
 * CORS for the public API: "*" or an allow-list of origins (CORS_ORIGINS). No cookies are used, so credentials
 * are never allowed; preflight (OPTIONS) is answered here with 204.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

const ALLOWED_METHODS = "GET, POST, OPTIONS";
const EXPOSED_HEADERS =
  "x-request-id, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset, x-paingraph-release, age";
const HEADER_LIST = /^[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*$/;
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/** The Access-Control-Allow-Origin value for this request's Origin, or null when it may not read responses. */
export function allowedOrigin(origins: "*" | readonly string[], origin: string | undefined): string | null {
  if (origins === "*") return "*";
  return origin !== undefined && origins.includes(origin) ? origin : null;
}

/** Sets the CORS headers; answers a preflight and returns true when the request was one. */
export function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
  origins: "*" | readonly string[],
): boolean {
  if (origins !== "*") response.setHeader("vary", "Origin");
  const allowed = allowedOrigin(origins, request.headers.origin);
  if (allowed !== null) {
    response.setHeader("access-control-allow-origin", allowed);
    response.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  }
  if (request.method !== "OPTIONS") return false;
  if (allowed !== null) {
    const requested = request.headers["access-control-request-headers"];
    response.setHeader("access-control-allow-methods", ALLOWED_METHODS);
    if (typeof requested === "string" && HEADER_LIST.test(requested)) {
      // Any header may be sent: the API reads none that could carry ambient authority.
      response.setHeader("access-control-allow-headers", requested);
    }
    response.setHeader("access-control-max-age", PREFLIGHT_MAX_AGE_SECONDS);
  }
  response.writeHead(204, { "content-length": "0" });
  response.end();
  return true;
}
