import type { IncomingMessage } from "node:http";
import { hashApiKey } from "../../src/auth/api-keys";
import { parseApiKeys } from "../../src/config";
import { admitRequest, chargeTokens } from "../../src/limits/rate-limit-keys";
import { RateLimiter } from "../../src/limits/rate-limiter";

const request = (headers: Record<string, string>, remoteAddress = "10.0.0.1") =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

const KEY = "a-valid-curator-key-0123456789";
const auth = { apiKeys: parseApiKeys(`alice:${hashApiKey(KEY)}`).entries, jwt: null };

describe("the rate limiter's keying rule", () => {
  const setup = () => {
    const store = new RateLimiter({ perMinute: 60, burst: 3, now: () => 0 });
    return { store, settings: { store, trustProxy: false, auth } };
  };

  it("answers an invalid key UNAUTHENTICATED at once and charges the address, so rotating junk keys meets the limit", async () => {
    const { settings } = setup();
    const kinds = [];
    for (let i = 0; i < 5; i += 1)
      kinds.push((await admitRequest(request({ "x-api-key": `junk-${i}` }), settings)).kind);
    expect(kinds).toEqual([
      "unauthenticated",
      "unauthenticated",
      "unauthenticated",
      "rate-limited",
      "rate-limited",
    ]);
    // The address is spent for anonymous requests too; another address is not.
    expect((await admitRequest(request({}), settings)).kind).toBe("rate-limited");
    expect((await admitRequest(request({}, "10.0.0.9"), settings)).kind).toBe("admitted");
  });

  it("limits a valid key by its principal across addresses, and always by the address too", async () => {
    const { settings } = setup();
    const admissions = [];
    for (const address of ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"])
      admissions.push(await admitRequest(request({ "x-api-key": KEY }, address), settings));
    expect(admissions.map((a) => a.kind)).toEqual(["admitted", "admitted", "admitted", "rate-limited"]);
    expect(admissions[0]).toMatchObject({
      principal: { name: "alice" },
      keys: ["ip:10.0.0.1", "principal:api-key:alice"],
    });
  });

  it("treats an unsupported Authorization scheme as invalid credentials", async () => {
    const { settings } = setup();
    const admission = await admitRequest(request({ authorization: "Basic Zm9vOmJhcg==" }), settings);
    expect(admission.kind).toBe("unauthenticated");
  });

  it("still checks credentials when rate limiting is off", async () => {
    const settings = { store: null, trustProxy: false, auth };
    expect((await admitRequest(request({ "x-api-key": "junk" }), settings)).kind).toBe("unauthenticated");
    expect((await admitRequest(request({}), settings)).kind).toBe("admitted");
  });

  it("charges a costly operation's extra tokens to every bucket of the request, all or nothing", async () => {
    const store = new RateLimiter({ perMinute: 60, burst: 10, now: () => 0 });
    const keys = ["ip:10.0.0.1", "principal:api-key:alice"];
    expect((await chargeTokens(store, keys, 4)).allowed).toBe(true);
    expect(store.take("ip:10.0.0.1", 0).remaining).toBe(6);
    expect(store.take("principal:api-key:alice", 0).remaining).toBe(6);
    // Seven tokens are more than six: refused, and nothing is taken.
    const refused = await chargeTokens(store, keys, 7);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(store.take("ip:10.0.0.1", 0).remaining).toBe(6);
    expect((await chargeTokens(store, keys, 6)).allowed).toBe(true);
  });
});
