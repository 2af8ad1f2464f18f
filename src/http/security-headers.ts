/**
 * Security headers on every response. JSON gets a CSP that allows nothing; the Sandbox page keeps the
 * nonce-based CSP that Apollo puts in its <meta> tag (scripts and frames from Apollo's CDN), so the header
 * for HTML adds only what a <meta> CSP cannot say: who may frame the page.
 */
import type { ServerResponse } from "node:http";

export const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";
export const HTML_CSP = "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader("x-content-type-options", "nosniff");
  response.setHeader("referrer-policy", "no-referrer");
  response.setHeader("x-frame-options", "DENY");
  response.setHeader("cross-origin-resource-policy", "cross-origin");
  response.setHeader("content-security-policy", JSON_CSP);
}

/** Called when the body turns out to be HTML (the Apollo Sandbox landing page). */
export function useHtmlCsp(response: ServerResponse): void {
  response.setHeader("content-security-policy", HTML_CSP);
}
