/** Bridges node:http and Apollo Server: builds the HTTPGraphQLRequest, writes the HTTPGraphQLResponse. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { BodyTooLargeError, readBody } from "./body";
import { sendGraphQLError } from "./responses";

export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  bodyLimitBytes: number;
  context: (request: IncomingMessage) => Promise<TContext>;
}

export function createGraphQLHandler<TContext extends BaseContext>(options: GraphQLHandlerOptions<TContext>) {
  return async (request: IncomingMessage, response: ServerResponse, search: string): Promise<void> => {
    let rawBody: string;
    try {
      rawBody = request.method === "POST" ? await readBody(request, options.bodyLimitBytes) : "";
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendGraphQLError(response, 413, error.message, "PAYLOAD_TOO_LARGE");
      }
      throw error;
    }
    const headers = toHeaderMap(request);
    const body = parseBody(rawBody, headers.get("content-type"));
    if (body instanceof SyntaxError) {
      return sendGraphQLError(response, 400, "The request body is not valid JSON.", "BAD_REQUEST");
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? "GET", headers, search, body },
      context: () => options.context(request),
    });
    await writeResult(response, result);
  };
}

function toHeaderMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
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
  response.statusCode = result.status ?? 200;
  if (result.body.kind === "complete") {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
