/** API keys: config holds only SHA-256 hashes with a name; a presented key is hashed and compared in constant time. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { ApiKeyEntry } from "../config";
import { Role, type Principal } from "./principal";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
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
