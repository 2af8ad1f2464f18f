/** API keys: config holds only SHA-256 hashes with a name; a presented key is hashed and compared in constant time. */
import { createHash, timingSafeEqual } from "node:crypto";
import { Role, type Principal } from "./principal";

export interface ApiKeyEntry {
  name: string;
  sha256: Buffer;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
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

/** The principal a key belongs to, or null when no configured hash matches. */
export function principalForApiKey(key: string, entries: readonly ApiKeyEntry[]): Principal | null {
  const presented = createHash("sha256").update(key, "utf8").digest();
  for (const entry of entries) {
    if (timingSafeEqual(presented, entry.sha256))
      return { name: entry.name, roles: [Role.CURATOR], method: "api-key" };
  }
  return null;
}
