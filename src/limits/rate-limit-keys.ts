/**
 * The rate limiter's keying rule, in one place (the shared Redis store of a scaled deployment keeps it):
 *
 * 1. Every request takes tokens from its client address's bucket (`ip:<address>`), whatever it sends.
 * 2. Credentials that validate add the principal's bucket (`principal:<method>:<name>`): one key used from
 *    many addresses is limited as one client.
 * 3. Credentials that do not validate are answered UNAUTHENTICATED at once — after the address was charged, so
 *    a junk key never opens a fresh bucket and key guessing is throttled like any other request.
 * 4. A heavy operation takes more tokens once its cost is known (chargeTokens, from the complexity plugin).
 *
 * The client address is the socket's peer; with TRUST_PROXY=true, the last hop of X-Forwarded-For (the address
 * the proxy in front of us appended). Only set TRUST_PROXY behind a proxy that appends to that header.
 */
import type { IncomingMessage } from "node:http";
import { UnauthenticatedError } from "../auth/auth.errors";
import { type AuthSettings, authenticate, type Credentials } from "../auth/authenticate";
import type { Principal } from "../auth/principal";
import type { RateLimitDecision } from "./rate-limiter";

/** Where buckets live: in memory (RateLimiter) or shared between replicas. Takes all or nothing. */
export interface TokenStore {
  take(key: string, tokens: number): RateLimitDecision | Promise<RateLimitDecision>;
}

export type Admission =
  | { kind: "admitted"; principal: Principal | null; keys: readonly string[] }
  | { kind: "rate-limited"; decision: RateLimitDecision }
  | { kind: "unauthenticated"; error: UnauthenticatedError };

export interface AdmissionSettings {
  /** Null when rate limiting is off: credentials are still checked at the door. */
  store: TokenStore | null;
  trustProxy: boolean;
  auth: AuthSettings;
}

export const addressKey = (address: string): string => `ip:${address}`;
export const principalKey = (principal: Principal): string =>
  `principal:${principal.method}:${principal.name}`;

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

/** The credentials a request presents: the Authorization header and the first x-api-key. */
export function requestCredentials(request: IncomingMessage): Credentials {
  const apiKey = request.headers["x-api-key"];
  return {
    authorization: request.headers.authorization,
    apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey,
  };
}

/** Applies the rule at the door: charge the address, validate credentials, charge the principal. */
export async function admitRequest(
  request: IncomingMessage,
  settings: AdmissionSettings,
): Promise<Admission> {
  const keys = [addressKey(clientIp(request, settings.trustProxy))];
  const atAddress = await chargeTokens(settings.store, keys, 1);
  if (!atAddress.allowed) return { kind: "rate-limited", decision: atAddress };
  let principal: Principal | null;
  try {
    principal = await authenticate(requestCredentials(request), settings.auth);
  } catch (error) {
    if (error instanceof UnauthenticatedError) return { kind: "unauthenticated", error };
    throw error;
  }
  if (!principal) return { kind: "admitted", principal: null, keys };
  const ownKey = principalKey(principal);
  const atPrincipal = await chargeTokens(settings.store, [ownKey], 1);
  if (!atPrincipal.allowed) return { kind: "rate-limited", decision: atPrincipal };
  return { kind: "admitted", principal, keys: [...keys, ownKey] };
}

/** Takes `tokens` from every bucket of the request; the first refusal wins. */
export async function chargeTokens(
  store: TokenStore | null,
  keys: readonly string[],
  tokens: number,
): Promise<RateLimitDecision> {
  if (!store || tokens <= 0) return FREE;
  for (const key of keys) {
    const decision = await store.take(key, tokens);
    if (!decision.allowed) return decision;
  }
  return FREE;
}

const FREE: RateLimitDecision = {
  allowed: true,
  retryAfterSeconds: 0,
  limit: 0,
  remaining: 0,
  resetSeconds: 0,
};
