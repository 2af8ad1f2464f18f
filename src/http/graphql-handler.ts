/**
 * Bridges node:http and Apollo Server: builds the HTTPGraphQLRequest, enforces the per-request deadline,
 * writes the HTTPGraphQLResponse.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { ErrorCode, LimitCode, PersistedQueryNotAllowedError, RequestTimeoutError } from "../errors";
import type { Admission } from "../limits/admission";
import { errorCodesOfBody, type RequestInfo } from "../request-info";
import { BodyTooLargeError, readBody } from "./body";
import { sendGraphQLError } from "./responses";
import type { Caller } from "./router";
import { useHtmlCsp } from "./security-headers";

export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  bodyLimitBytes: number;
  /** After this long the client gets 503 REQUEST_TIMEOUT and the signal ends the request's queries. */
  requestTimeoutMs: number;
  /** The replica's cap on operations executing at once (HTTP_MAX_CONCURRENT_OPERATIONS); none: no cap. */
  admission?: Admission;
  /** Persisted-only mode: whether a document sent as text may run (PERSISTED_QUERY_NOT_ALLOWED before parsing). */
  allowsDocument?: (document: string) => boolean;
  context: (
    request: IncomingMessage,
    signal: AbortSignal,
    info: RequestInfo,
    caller: Caller,
  ) => Promise<TContext>;
}

const TIMED_OUT = Symbol("timed out");

export function createGraphQLHandler<TContext extends BaseContext>(options: GraphQLHandlerOptions<TContext>) {
  return async (
    request: IncomingMessage,
    response: ServerResponse,
    search: string,
    info: RequestInfo,
    caller: Caller,
  ): Promise<void> => {
    const fail = (status: number, message: string, code: string) => {
      info.errorCodes = [code];
      sendGraphQLError(response, status, message, code);
    };
    // One deadline from the first byte of the body to the last of the answer: a client that declares a body
    // and never sends it is cut off like a slow query.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), options.requestTimeoutMs);
    });
    try {
      return await handle(request, response, search, info, caller, deadline, fail);
    } finally {
      clearTimeout(timer);
    }
  };

  async function handle(
    request: IncomingMessage,
    response: ServerResponse,
    search: string,
    info: RequestInfo,
    caller: Caller,
    deadline: Promise<typeof TIMED_OUT>,
    fail: (status: number, message: string, code: string) => void,
  ): Promise<void> {
    let rawBody: string | typeof TIMED_OUT;
    try {
      const reading =
        request.method === "POST" ? readBody(request, options.bodyLimitBytes) : Promise.resolve("");
      reading.catch(() => undefined);
      rawBody = await Promise.race([reading, deadline]);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return fail(413, error.message, LimitCode.PAYLOAD_TOO_LARGE);
      throw error;
    }
    if (rawBody === TIMED_OUT) {
      // The connection is closed after the answer: what is left of the body would never be read.
      response.setHeader("connection", "close");
      return fail(
        408,
        `The request body did not arrive within ${options.requestTimeoutMs} ms.`,
        LimitCode.REQUEST_TIMEOUT,
      );
    }
    const headers = toHeaderMap(request);
    const body = parseBody(rawBody, headers.get("content-type"));
    if (body instanceof SyntaxError) return fail(400, "The request body is not valid JSON.", "BAD_REQUEST");
    if (Array.isArray(body)) {
      return fail(
        400,
        "Batched requests (a JSON array) are not supported: send one operation per request.",
        "BAD_REQUEST",
      );
    }

    const document = documentOf(body, search);
    if (options.allowsDocument && document !== undefined && !options.allowsDocument(document)) {
      return fail(400, new PersistedQueryNotAllowedError().message, ErrorCode.PERSISTED_QUERY_NOT_ALLOWED);
    }

    const timedOut = (timeout = new RequestTimeoutError(options.requestTimeoutMs)) =>
      fail(503, timeout.message, LimitCode.REQUEST_TIMEOUT);
    const release = await admitted(deadline);
    if (release === TIMED_OUT) return timedOut();
    const controller = new AbortController();
    const execution = options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? "GET", headers, search, body },
      context: () => options.context(request, controller.signal, info, caller),
    });
    // The turn ends when the execution does, even past the deadline: an abandoned one still runs until its
    // queries see the abort.
    void execution.then(release, release);
    const outcome = await Promise.race([execution, deadline]);
    if (outcome === TIMED_OUT) {
      const timeout = new RequestTimeoutError(options.requestTimeoutMs);
      // Ends the request's queries in flight and refuses its next ones; the abandoned execution's answer is dropped.
      controller.abort(timeout);
      execution.catch(() => undefined);
      return timedOut(timeout);
    }
    if (outcome.status !== undefined && outcome.status >= 400 && info.errorCodes.length === 0) {
      // Answered before the request pipeline ran (CSRF, method, content type): read the codes from the body.
      if (outcome.body.kind === "complete") info.errorCodes = errorCodesOfBody(outcome.body.string);
    }
    await writeResult(response, outcome);
  }

  /** Waits for the operation's turn (at once without a cap); TIMED_OUT if the deadline comes first. */
  async function admitted(deadline: Promise<typeof TIMED_OUT>): Promise<(() => void) | typeof TIMED_OUT> {
    if (!options.admission) return () => undefined;
    const turn = options.admission.enter();
    const first = await Promise.race([turn, deadline]);
    // Timed out in the queue: the turn, when it comes, is handed straight on.
    if (first === TIMED_OUT) void turn.then((release) => release());
    return first;
  }
}

function toHeaderMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** The query text of a GraphQL request: a POST body's `query`, else a GET's `query` parameter. */
function documentOf(body: unknown, search: string): string | undefined {
  if (body && typeof body === "object" && typeof (body as { query?: unknown }).query === "string")
    return (body as { query: string }).query;
  return new URLSearchParams(search).get("query") ?? undefined;
}

/** JSON bodies are parsed here; anything else goes to Apollo as text so it can answer 400 or 415. */
function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === "") return undefined;
  if (!contentType || !/^application\/(graphql-response\+)?json\b/i.test(contentType)) return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    return error as SyntaxError;
  }
}

type ApolloResult = Awaited<ReturnType<ApolloServer<BaseContext>["executeHTTPGraphQLRequest"]>>;

async function writeResult(response: ServerResponse, result: ApolloResult): Promise<void> {
  for (const [name, value] of result.headers) response.setHeader(name, value);
  if (/^text\/html\b/i.test(result.headers.get("content-type") ?? "")) useHtmlCsp(response);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === "complete") {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
