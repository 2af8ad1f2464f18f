/**
 * The HTTP front door: request id, security and CORS headers, rate limiting, then the route. /health and
 * /ready are never rate limited; every answer is logged and counted once the response finishes.
 * Folder http/ (server layer): the HTTP edge; may import every layer below the server (see layers.cjs).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Principal } from "../auth/principal";
import type { Config } from "../config";
import { ErrorCode, LimitCode } from "../errors";
import { admitRequest, type TokenStore } from "../limits/rate-limit-keys";
import type { ClientLimiter } from "../limits/shared-rate-limiter";
import type { Logger } from "../logger";
import type { Metrics } from "../observability/metrics";
import { type RequestInfo, startRequestInfo } from "../request-info";
import { logRequest } from "../observability/request-tracker";
import { applyCors } from "./cors";
import { sendGraphQLError, sendJson } from "./responses";
import { setSecurityHeaders } from "./security-headers";
import { isDownloadPath } from "./downloads";
import { createExplorerHandler, isExplorerPath } from "./explorer";
import { createWidgetHandler, isWidgetPath } from "./widget";

/** Who the door let in: the validated principal (or none) and the rate-limit buckets the request draws on. */
export interface Caller {
  principal: Principal | null;
  keys: readonly string[];
  store: TokenStore | null;
}

export interface Routes {
  graphql(
    request: IncomingMessage,
    response: ServerResponse,
    search: string,
    info: RequestInfo,
    caller: Caller,
  ): Promise<void>;
  health(response: ServerResponse): void;
  ready(response: ServerResponse): Promise<void>;
  downloads(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void>;
}

export interface RouterDeps {
  config: Readonly<Config>;
  logger: Logger;
  metrics: Metrics;
  routes: Routes;
  /** Null when rate limiting is off. */
  limiter: ClientLimiter | null;
}

// Liveness only: a load balancer's probe must never be refused. /ready is limited like any route (it is cheap).
const UNLIMITED = new Set(["/health"]);

export function createRouter({ config, logger, metrics, routes, limiter }: RouterDeps) {
  const { rateLimit } = config;
  const widget = createWidgetHandler({ reload: config.profile === "development" });
  // The offline explorer follows the Sandbox switch: both are ways to explore the same public data.
  const explorer = config.sandbox ? createExplorerHandler() : null;

  const route = async (request: IncomingMessage, response: ServerResponse, url: URL, info: RequestInfo) => {
    if (applyCors(request, response, config.corsOrigins)) return;
    let caller: Caller = { principal: null, keys: [], store: null };
    if (!UNLIMITED.has(url.pathname)) {
      const store = limiter ? reportingStore(limiter, response) : null;
      const admission = await admitRequest(request, {
        store,
        trustProxy: rateLimit.trustProxy,
        auth: config.auth,
      });
      if (admission.kind === "rate-limited") {
        metrics.rateLimited.inc();
        info.errorCodes = [LimitCode.RATE_LIMITED];
        return sendGraphQLError(
          response,
          429,
          `Too many requests: at most ${rateLimit.perMinute} a minute (bursts of ${rateLimit.burst}); retry later.`,
          LimitCode.RATE_LIMITED,
          { "retry-after": String(admission.decision.retryAfterSeconds) },
        );
      }
      if (admission.kind === "unauthenticated") {
        info.errorCodes = [ErrorCode.UNAUTHENTICATED];
        return sendGraphQLError(response, 401, admission.error.message, ErrorCode.UNAUTHENTICATED, {
          "www-authenticate": 'Bearer realm="paingraph"',
        });
      }
      caller = { principal: admission.principal, keys: admission.keys, store };
    }
    if (url.pathname === "/graphql") return routes.graphql(request, response, url.search, info, caller);
    if (url.pathname === "/health") return routes.health(response);
    if (url.pathname === "/ready") return routes.ready(response);
    if (isWidgetPath(url.pathname)) return widget(request, response, url.pathname);
    if (explorer && isExplorerPath(url.pathname)) return explorer(request, response, url.pathname);
    if (isDownloadPath(url.pathname)) return routes.downloads(request, response, url.pathname);
    // In production /metrics has a listener of its own (METRICS_PORT) and is not served on the public port.
    if (url.pathname === "/metrics" && config.metrics && config.metricsPort === null)
      return sendMetrics(response, metrics);
    return sendJson(response, 404, { error: "Not found", see: "/graphql" });
  };

  return (request: IncomingMessage, response: ServerResponse) => {
    const url = parseUrl(request.url);
    const info = startRequestInfo(request, url?.pathname ?? "");
    response.setHeader("x-request-id", info.id);
    setSecurityHeaders(response);
    response.once("close", () => {
      logRequest(logger, info, response.statusCode);
      metrics.observe(info, response.statusCode);
    });
    if (!url) {
      info.errorCodes = ["BAD_REQUEST"];
      return sendGraphQLError(response, 400, "The request URL is malformed.", "BAD_REQUEST");
    }
    route(request, response, url, info).catch((error: unknown) => {
      logger.error(
        { err: error, reqId: info.id, route: info.route },
        "request failed outside GraphQL execution",
      );
      info.errorCodes = ["INTERNAL_SERVER_ERROR"];
      if (!response.headersSent)
        sendGraphQLError(response, 500, "Internal server error", "INTERNAL_SERVER_ERROR");
      else response.end();
    });
  };
}

function parseUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? "/", "http://localhost");
  } catch {
    return null;
  }
}

/**
 * The keying rule (src/limits/rate-limit-keys.ts) over the configured limiter (in process or shared), setting
 * the IETF draft "RateLimit header fields for HTTP" from each bucket it draws on (the last one wins).
 */
function reportingStore(limiter: ClientLimiter, response: ServerResponse): TokenStore {
  return {
    take: async (key, tokens) => {
      const decision = await limiter.take(key, tokens);
      response.setHeader("ratelimit-limit", String(decision.limit));
      response.setHeader("ratelimit-remaining", String(decision.remaining));
      response.setHeader("ratelimit-reset", String(decision.resetSeconds));
      return decision;
    },
  };
}

async function sendMetrics(response: ServerResponse, metrics: Metrics): Promise<void> {
  const text = await metrics.registry.metrics();
  response.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
  response.end(text);
}

/** The production metrics listener (METRICS_PORT): GET /metrics for the operator's scraper, nothing else. */
export function createMetricsListener(metrics: Metrics) {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === "GET" && parseUrl(request.url)?.pathname === "/metrics") {
      sendMetrics(response, metrics).catch(() => response.destroy());
      return;
    }
    sendJson(response, 404, { error: "Not found", see: "/metrics" });
  };
}
