/**
 * What the server records about one request while answering it, in one place: the router starts it, the GraphQL
 * context carries it as RequestState, plugins fill it in, and the request log and metrics read it at the end.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { GraphQLFormattedError } from "graphql";

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
  /** Cypher round trips the request made, counted as they happen. */
  roundTrips: number;
  /** The request carried patient factors (health data): logged as present, never which. */
  patientFactors?: boolean;
}

/** The small part of a GraphQL request's context that plugins read and write (never the repositories). */
export interface RequestState {
  info: RequestInfo;
  /** Set when the client asked for query stats and config allows it. */
  debug: boolean;
  /** The release stamp the response cache keyed this request by; null when it may not use the cache. */
  cacheStamp?: string | null;
  /**
   * The bookmarks the request's sessions started from; after a write, the write's (the database view keeps them
   * current). Absent when the request does not track them.
   */
  bookmarks?: { value: string[] };
  /** Set by the auth checker when an answer needed a role: it is for this caller only (cache-policy.plugin.ts). */
  privateAnswer?: boolean;
}

/** What plugins see of the context. */
export interface WithRequestState {
  state: RequestState;
}

const ROUTES = new Set(["/graphql", "/health", "/ready", "/metrics", "/widget/", "/widget/paingraph.js"]);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function startRequestInfo(request: IncomingMessage, pathname: string): RequestInfo {
  const incoming = request.headers["x-request-id"];
  return newRequestInfo({
    id: typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID(),
    method: request.method ?? "GET",
    route: ROUTES.has(pathname) ? pathname : "other",
  });
}

/** A request's info before anything happened; also for requests that did not come over HTTP (tests, scripts). */
export function newRequestInfo(
  fields: Partial<Pick<RequestInfo, "id" | "method" | "route">> = {},
): RequestInfo {
  return {
    id: fields.id ?? randomUUID(),
    method: fields.method ?? "POST",
    route: fields.route ?? "/graphql",
    startedAt: performance.now(),
    operationName: null,
    errorCodes: [],
    roundTrips: 0,
  };
}

/** The one error-code extractor: extensions.code of each error, "UNKNOWN" where there is none. */
export function errorCodesOf(
  errors: readonly Pick<GraphQLFormattedError, "extensions">[] | undefined,
): string[] {
  return (errors ?? []).map(({ extensions }) =>
    typeof extensions?.code === "string" ? extensions.code : "UNKNOWN",
  );
}

/** The codes of a GraphQL-shaped JSON body, for responses Apollo answered before any plugin ran. */
export function errorCodesOfBody(body: string): string[] {
  try {
    return errorCodesOf((JSON.parse(body) as { errors?: GraphQLFormattedError[] }).errors);
  } catch {
    return [];
  }
}

/** What the rate limiter decided for one request; the request state carries it to the RateLimit-* headers. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until one more request is allowed (0 when allowed). */
  retryAfterSeconds: number;
  /** For the RateLimit-* headers: the bucket's size, what is left of it, seconds until it is full again. */
  limit: number;
  remaining: number;
  resetSeconds: number;
}
