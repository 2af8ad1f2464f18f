/** Curator credentials in the config: API keys (hashes only) and how bearer tokens are verified. */
import type { EnvReader } from "./env-reader";

/** A curator API key as configured: a name and the SHA-256 of the key (the key itself is never stored). */
export interface ApiKeyEntry {
  name: string;
  sha256: Buffer;
}

/** How bearer tokens are verified (HS256 shared secret). */
export interface JwtSettings {
  secret: Uint8Array;
  issuer: string;
  audience: string;
  rolesClaim: string;
  /** Oldest token accepted, counted from its `iat` (issued at), whatever its `exp` says. */
  maxTokenAgeSeconds: number;
}

export interface AuthConfig {
  apiKeys: readonly ApiKeyEntry[];
  /** Null: bearer tokens are disabled. */
  jwt: JwtSettings | null;
}

/** Parses "name:hex,name2:hex"; returns problems instead of throwing so config can list them all. */
export function parseApiKeys(text: string): { entries: ApiKeyEntry[]; problems: string[] } {
  const entries: ApiKeyEntry[] = [];
  const problems: string[] = [];
  for (const item of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z0-9._-]{1,64}):([0-9a-f]{64})$/.exec(item);
    if (match) entries.push({ name: match[1]!, sha256: Buffer.from(match[2]!, "hex") });
    else
      problems.push(
        `CURATOR_API_KEYS entries must look like name:<64 hex chars of SHA-256> (got "${item.slice(0, 12)}…")`,
      );
  }
  return { entries, problems };
}

export function readAuth(env: EnvReader): AuthConfig {
  const { entries, problems } = parseApiKeys(env.string("CURATOR_API_KEYS", ""));
  env.problems.push(...problems);
  const secret = env.optional("JWT_SECRET");
  if (secret !== undefined && secret.length < 32)
    env.problems.push("JWT_SECRET must be at least 32 characters");
  const jwt = secret
    ? {
        secret: new TextEncoder().encode(secret),
        issuer: env.string("JWT_ISSUER", "paingraph"),
        audience: env.string("JWT_AUDIENCE", "paingraph-api"),
        rolesClaim: env.string("JWT_ROLES_CLAIM", "roles"),
        // A curator's session token: a day at most, however far away its exp was set.
        maxTokenAgeSeconds: env.integer("JWT_MAX_TOKEN_AGE_SECONDS", 86_400, 60, 31_536_000),
      }
    : null;
  return { apiKeys: entries, jwt };
}
