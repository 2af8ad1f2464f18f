/** JWT verification with jose: signature (HS256 shared secret), issuer, audience and expiry, then the roles claim. */
import { errors as joseErrors, jwtVerify } from "jose";
import type { JwtSettings } from "../config";
import { UnauthenticatedError } from "./auth.errors";
import { Role, type Principal } from "./principal";

export async function principalForJwt(token: string, settings: JwtSettings): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, settings.secret, {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ["HS256"],
      requiredClaims: ["sub", "exp"],
    });
    const claimed = payload[settings.rolesClaim];
    const roles = (Array.isArray(claimed) ? claimed : []).filter(
      (role): role is Role => role === Role.CURATOR,
    );
    return { name: payload.sub!, roles, method: "jwt" };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError("The token has expired.");
    throw new UnauthenticatedError("The token is not valid (signature, issuer or audience).");
  }
}
