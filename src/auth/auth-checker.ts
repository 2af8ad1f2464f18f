/** type-graphql's authChecker: no credentials → UNAUTHENTICATED; a missing role → FORBIDDEN; answers private. */
import type { AuthCheckerFn } from "type-graphql";
import { ForbiddenError, UnauthenticatedError } from "./auth.errors";
import type { Principal } from "./principal";

export interface AuthContext {
  principal: () => Promise<Principal | null>;
}

/** What Apollo's cache-control plugin adds to a resolver's info. */
interface WithCacheControl {
  cacheControl?: { setCacheHint(hint: { maxAge?: number; scope?: "PUBLIC" | "PRIVATE" }): void };
}

export const authChecker: AuthCheckerFn<AuthContext> = async ({ context, info }, roles) => {
  // A role-gated answer is for this caller only: no response cache, no CDN (private-answers.plugin.ts).
  (info as unknown as WithCacheControl).cacheControl?.setCacheHint({
    maxAge: 0,
    scope: "PRIVATE",
  });
  const principal = await context.principal();
  if (!principal) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.some((role) => (principal.roles as string[]).includes(role)))
    throw new ForbiddenError();
  return true;
};
