/** type-graphql's authChecker: no credentials → UNAUTHENTICATED; a missing role → FORBIDDEN; answers private. */
import type { AuthCheckerFn } from "type-graphql";
import { ForbiddenError, UnauthenticatedError } from "./auth.errors";
import type { Principal } from "./principal";

export interface AuthContext {
  principal: () => Promise<Principal | null>;
  /** The request's state; `privateAnswer` makes the answer PRIVATE and uncacheable (cache-policy.plugin.ts). */
  state: { privateAnswer?: boolean };
}

export const authChecker: AuthCheckerFn<AuthContext> = async ({ context }, roles) => {
  // A role-gated answer is for this caller only: no response cache, no CDN (cache-policy.plugin.ts).
  context.state.privateAnswer = true;
  const principal = await context.principal();
  if (!principal) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.some((role) => (principal.roles as string[]).includes(role)))
    throw new ForbiddenError();
  return true;
};
