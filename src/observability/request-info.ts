/** What the server learns about one HTTP request while answering it: read by the request log and the metrics. */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

export interface RequestInfo {
  /** The client's x-request-id when well-formed, else a new UUID; echoed in the response header. */
  id: string;
  method: string;
  /** The route, from a fixed set (unknown paths are "other"), so it is safe as a metric label. */
  route: string;
  startedAt: number;
  /** Set by the GraphQL plugin: the operation's name ("anonymous" without one). */
  operationName: string | null;
  /** extensions.code of every error in the response. */
  errorCodes: string[];
  /** Cypher round trips the request made. */
  roundTrips: number;
}

const ROUTES = new Set(["/graphql", "/health", "/ready", "/metrics", "/widget/", "/widget/paingraph.js"]);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function startRequestInfo(request: IncomingMessage, pathname: string): RequestInfo {
  const incoming = request.headers["x-request-id"];
  return {
    id: typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID(),
    method: request.method ?? "GET",
    route: ROUTES.has(pathname) ? pathname : "other",
    startedAt: performance.now(),
    operationName: null,
    errorCodes: [],
    roundTrips: 0,
  };
}

/** The codes of a GraphQL-shaped JSON body, for responses Apollo answered before any plugin ran. */
export function errorCodesOf(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    return (parsed.errors ?? []).map(({ extensions }) =>
      typeof extensions?.code === "string" ? extensions.code : "UNKNOWN",
    );
  } catch {
    return [];
  }
}
