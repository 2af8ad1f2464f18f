/** Small helpers for the plain HTTP answers that are not GraphQL responses. */
import type { ServerResponse } from "node:http";

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    ...headers,
  });
  response.end(payload);
}

/** A GraphQL-shaped error body, so clients parse transport errors the same way as field errors. */
export function sendGraphQLError(
  response: ServerResponse,
  status: number,
  message: string,
  code: string,
  headers: Record<string, string> = {},
) {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] }, headers);
}
