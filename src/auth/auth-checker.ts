/** type-graphql's authChecker: no credentials → UNAUTHENTICATED; a missing role → FORBIDDEN. */
import type { AuthCheckerFn } from "type-graphql";
import { ForbiddenError, UnauthenticatedError } from "./auth.errors";
import type { Principal } from "./principal";

export interface AuthContext {
  principal: () => Promise<Principal | null>;
}

export const authChecker: AuthCheckerFn<AuthContext> = async ({ context }, roles) => {
  const principal = await context.principal();
  if (!principal) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.some((role) => (principal.roles as string[]).includes(role)))
    throw new ForbiddenError();
  return true;
};
