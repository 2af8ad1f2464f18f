import { SignJWT } from "jose";
import { principalForJwt } from "../../src/auth/jwt";
import { loadConfig } from "../../src/config";

const SECRET = "a-unit-test-secret-of-at-least-thirty-two-chars";
const settings = loadConfig({ JWT_SECRET: SECRET, JWT_MAX_TOKEN_AGE_SECONDS: "3600" }).auth.jwt!;

function token(issuedAt: number | null, expiresAt: number): Promise<string> {
  const jwt = new SignJWT({ roles: ["CURATOR"] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("bob@clinic.example")
    .setIssuer("paingraph")
    .setAudience("paingraph-api")
    .setExpirationTime(expiresAt);
  return (issuedAt === null ? jwt : jwt.setIssuedAt(issuedAt)).sign(new TextEncoder().encode(SECRET));
}

const now = () => Math.floor(Date.now() / 1000);

describe("JWT maximum token age (JWT_MAX_TOKEN_AGE_SECONDS)", () => {
  it("defaults to a day and is configurable", () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).auth.jwt!.maxTokenAgeSeconds).toBe(86_400);
    expect(settings.maxTokenAgeSeconds).toBe(3600);
    expect(() => loadConfig({ JWT_SECRET: SECRET, JWT_MAX_TOKEN_AGE_SECONDS: "5" })).toThrow(
      /JWT_MAX_TOKEN_AGE_SECONDS/,
    );
  });

  it("accepts a token issued within the age", async () => {
    const principal = await principalForJwt(await token(now() - 60, now() + 600), settings);
    expect(principal).toMatchObject({ name: "bob@clinic.example", roles: ["CURATOR"], method: "jwt" });
  });

  it("refuses a token older than the age even when its exp lies years ahead", async () => {
    const old = await token(now() - 7200, now() + 5 * 365 * 86_400);
    await expect(principalForJwt(old, settings)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
      message: expect.stringMatching(/older than 3600 s/),
    });
  });

  it("refuses a token without iat (its age cannot be known)", async () => {
    await expect(principalForJwt(await token(null, now() + 600), settings)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});
