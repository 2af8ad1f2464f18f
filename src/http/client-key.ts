/** Who a request comes from, for rate limiting: its API key when it sends one, else its IP address. */
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const API_KEY_HEADER = "x-api-key";

export function clientKey(request: IncomingMessage, trustProxy: boolean): string {
  const apiKey = request.headers[API_KEY_HEADER];
  if (typeof apiKey === "string" && apiKey !== "") {
    // Hashed so that keys never sit in memory dumps or logs as they were sent.
    return `key:${createHash("sha256").update(apiKey).digest("base64url").slice(0, 22)}`;
  }
  return `ip:${clientIp(request, trustProxy)}`;
}

/** The peer address; behind a trusted proxy, the last X-Forwarded-For hop (the one that proxy appended). */
export function clientIp(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string") {
    const hops = forwarded
      .split(",")
      .map((hop) => hop.trim())
      .filter((hop) => hop !== "");
    const last = hops[hops.length - 1];
    if (last) return last;
  }
  return request.socket.remoteAddress ?? "unknown";
}
