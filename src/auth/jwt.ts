/**
 * JWT verification with jose: signature (HS256 shared secret), issuer, audience, expiry and age (iat no older than
 * JWT_MAX_TOKEN_AGE_SECONDS, so a token minted with a far-off exp still dies), then the roles claim.
 */
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
      requiredClaims: ["sub", "exp", "iat"],
      maxTokenAge: settings.maxTokenAgeSeconds,
    });
    const claimed = payload[settings.rolesClaim];
    const roles = (Array.isArray(claimed) ? claimed : []).filter(
      (role): role is Role => role === Role.CURATOR,
    );
    return { name: payload.sub!, roles, method: "jwt" };
  } catch (error) {
    // jose reports a token past its maximum age as expired, naming the iat claim.
    if (error instanceof joseErrors.JWTExpired && error.claim === "iat")
      throw new UnauthenticatedError(
        `The token is older than ${settings.maxTokenAgeSeconds} s (its iat); ask for a new one.`,
      );
    if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError("The token has expired.");
    throw new UnauthenticatedError("The token is not valid (signature, issuer or audience).");
  }
}
