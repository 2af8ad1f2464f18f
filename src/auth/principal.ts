/** Who is calling: a named API key or a JWT subject, with roles. Reads need none; writes need CURATOR. */
import { UnauthenticatedError } from "./auth.errors";
export enum Role {
  CURATOR = "CURATOR",
}

export interface Principal {
  /** The API key's name or the token's subject: what the audit trail records. */
  name: string;
  roles: Role[];
  method: "api-key" | "jwt";
}

/**
 * The caller of an operation that @Authorized already let through. Throws UNAUTHENTICATED rather than trusting
 * that guard blindly, so a resolver never records a change without a name.
 */
export async function requirePrincipal(principal: () => Promise<Principal | null>): Promise<Principal> {
  const caller = await principal();
  if (!caller) throw new UnauthenticatedError();
  return caller;
}
