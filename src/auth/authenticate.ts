/**
 * Turns request credentials into a principal, lazily and once per request: reads never pay for it.
 * Folder auth/: credentials to principals (repositories layer; the auth checker is a resolver helper); imports config and errors.
 */
import { UnauthenticatedError } from "./auth.errors";
import type { ApiKeyEntry, JwtSettings } from "../config";
import { principalForApiKey } from "./api-keys";
import { principalForJwt } from "./jwt";
import type { Principal } from "./principal";

export interface AuthSettings {
  apiKeys: readonly ApiKeyEntry[];
  jwt: JwtSettings | null;
}

export interface Credentials {
  authorization?: string;
  apiKey?: string;
}

/** Null when no credentials were sent; throws UNAUTHENTICATED when credentials were sent but are not valid. */
export async function authenticate(
  credentials: Credentials,
  settings: AuthSettings,
): Promise<Principal | null> {
  if (credentials.apiKey)
    return principalForApiKey(credentials.apiKey, settings.apiKeys) ?? reject("Unknown API key.");
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? "");
  if (bearer) {
    if (!settings.jwt) return reject("Bearer tokens are not enabled on this server.");
    return principalForJwt(bearer[1]!, settings.jwt);
  }
  if (credentials.authorization)
    return reject("Unsupported Authorization scheme; use Bearer <token> or x-api-key.");
  return null;
}

function reject(message: string): never {
  throw new UnauthenticatedError(message);
}

/** Memoises authentication for one request. */
export function lazyPrincipal(
  credentials: Credentials,
  settings: AuthSettings,
): () => Promise<Principal | null> {
  let result: Promise<Principal | null> | undefined;
  return () => (result ??= authenticate(credentials, settings));
}
