import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import { ConfigError, loadConfig } from "../../src/config";
import { createFormatError, LimitCode, LimitExceededError } from "../../src/errors";
import { clientIp } from "../../src/limits/rate-limit-keys";
import { allowedOrigin } from "../../src/http/cors";

const request = (headers: Record<string, string>, remoteAddress = "10.0.0.1") =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe("clientIp", () => {
  it("uses the peer IP, and X-Forwarded-For's last hop only behind a trusted proxy", () => {
    const forwarded = request({ "x-forwarded-for": "1.1.1.1, 2.2.2.2" });
    expect(clientIp(forwarded, false)).toBe("10.0.0.1");
    expect(clientIp(forwarded, true)).toBe("2.2.2.2");
  });
});

describe("allowedOrigin", () => {
  it("allows every origin with *, and only listed origins otherwise", () => {
    expect(allowedOrigin("*", "https://a.example")).toBe("*");
    expect(allowedOrigin(["https://a.example"], "https://a.example")).toBe("https://a.example");
    expect(allowedOrigin(["https://a.example"], "https://b.example")).toBeNull();
    expect(allowedOrigin(["https://a.example"], undefined)).toBeNull();
  });
});

describe("formatError and the limits", () => {
  const format = createFormatError(() => undefined, false);

  it("keeps a limit's code when Apollo re-codes a validation error", () => {
    const limit = new LimitExceededError(LimitCode.QUERY_TOO_DEEP, "too deep", { maxDepth: 3, depth: 4 });
    const wrapped = new GraphQLError(limit.message, {
      originalError: limit,
      extensions: { ...limit.extensions, code: "GRAPHQL_VALIDATION_FAILED" },
    });
    const formatted = format({ message: wrapped.message, extensions: wrapped.extensions }, wrapped);
    expect(formatted.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", maxDepth: 3, depth: 4 });
  });

  it("codes graphql-js's own request rejections BAD_REQUEST instead of masking them", () => {
    const error = new GraphQLError(
      "Too many errors processing variables, error limit reached. Execution aborted.",
    );
    const formatted = format(
      { message: error.message, extensions: { code: "INTERNAL_SERVER_ERROR" } },
      error,
    );
    expect(formatted).toEqual({ message: error.message, extensions: { code: "BAD_REQUEST" } });
  });

  it("still masks an error raised by our own code", () => {
    const error = new GraphQLError("boom", { originalError: new Error("driver detail") });
    expect(format({ message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } }, error)).toEqual({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});

describe("loadConfig: limits, rate limiting, CORS and shutdown", () => {
  it("has documented defaults", () => {
    const config = loadConfig({});
    expect(config.limits).toEqual({
      maxDepth: 12,
      maxCost: 25_000,
      maxAliases: 30,
      maxTokens: 5000,
      requestTimeoutMs: 10_000,
      maxConcurrentQueries: 4,
      maxConcurrentOperations: 16,
    });
    expect(config.rateLimit).toEqual({ enabled: true, perMinute: 600, burst: 100, trustProxy: false });
    expect(config.corsOrigins).toBe("*");
    expect(config.httpCacheMaxAgeSeconds).toBe(60);
    expect(config.shutdownTimeoutMs).toBe(15_000);
    expect(config.neo4j.maxRetryTimeMs).toBe(500);
  });

  it("reads an origin allow-list and the off-switch", () => {
    const config = loadConfig({
      CORS_ORIGINS: "https://a.example, http://localhost:3000",
      RATE_LIMIT_ENABLED: "off",
    });
    expect(config.corsOrigins).toEqual(["https://a.example", "http://localhost:3000"]);
    expect(config.rateLimit.enabled).toBe(false);
  });

  it("names every bad limit at once", () => {
    try {
      loadConfig({ QUERY_MAX_DEPTH: "0", RATE_LIMIT_PER_MINUTE: "lots", CORS_ORIGINS: "a.example/path" });
      throw new Error("expected a ConfigError");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/QUERY_MAX_DEPTH/);
      expect(problems).toMatch(/RATE_LIMIT_PER_MINUTE/);
      expect(problems).toMatch(/CORS_ORIGINS/);
    }
  });
});
