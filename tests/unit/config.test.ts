import { ConfigError, loadConfig } from "../../src/config";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("uses documented defaults and a managed embedded Neo4j when NEO4J_URI is unset", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.profile).toBe("development");
    expect(config.neo4j).toMatchObject({ uri: "bolt://127.0.0.1:7687", managed: true, database: "neo4j" });
    expect(config.debugHeader).toBe(true);
    expect(config.introspection).toBe(true);
  });

  it("reads the embedded Neo4j's password from its data folder unless NEO4J_PASSWORD overrides it", () => {
    const managed = loadConfig({ NEO4J_DATA_DIR: "/tmp/pg-data" }).neo4j;
    expect(managed).toMatchObject({ passwordFile: "/tmp/pg-data/neo4j-password" });
    expect(managed.password).toBeUndefined();
    expect(loadConfig({ NEO4J_PASSWORD: "from-env-123" }).neo4j.password).toBe("from-env-123");
    const external = loadConfig({ NEO4J_URI: "bolt://db.example:7687" }).neo4j;
    expect(external.passwordFile).toBeNull();
    expect(
      loadConfig({ NEO4J_URI: "bolt://db.example:7687", NEO4J_PASSWORD_FILE: "/run/secrets/neo4j" }).neo4j,
    ).toMatchObject({ passwordFile: "/run/secrets/neo4j" });
  });

  it("uses an explicit NEO4J_URI and then manages nothing", () => {
    const config = loadConfig({ NEO4J_URI: "neo4j+s://graph.example.org:7687" });
    expect(config.neo4j).toMatchObject({ uri: "neo4j+s://graph.example.org:7687", managed: false });
  });

  it("names every bad variable at once", () => {
    const problems = problemsOf({
      PORT: "abc",
      NEO4J_URI: "not a uri",
      NODE_ENV: "staging",
      SANDBOX: "maybe",
    });
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(/PORT/);
    expect(problems.join("\n")).toMatch(/NEO4J_URI/);
    expect(problems.join("\n")).toMatch(/NODE_ENV/);
    expect(problems.join("\n")).toMatch(/SANDBOX/);
  });

  it("sizes the response cache in MiB, with 0 turning it off, and rejects a poll too fast to be sane", () => {
    expect(loadConfig({}).responseCache).toEqual({ maxBytes: 32 * 1024 * 1024, releasePollMs: 1000 });
    expect(loadConfig({ RESPONSE_CACHE_MB: "0" }).responseCache.maxBytes).toBe(0);
    const problems = problemsOf({ RESPONSE_CACHE_MB: "-1", RESPONSE_CACHE_RELEASE_POLL_MS: "5" });
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toMatch(/RESPONSE_CACHE_MB.*"-1"/);
    expect(problems.join("\n")).toMatch(/RESPONSE_CACHE_RELEASE_POLL_MS.*from 50/);
  });

  it("rejects a port out of range and a URI with a non-Neo4j scheme", () => {
    expect(problemsOf({ PORT: "70000" })).toEqual([expect.stringMatching(/^PORT must be an integer/)]);
    expect(problemsOf({ NEO4J_URI: "http://localhost:7474" })).toEqual([expect.stringMatching(/^NEO4J_URI/)]);
  });

  it("never shows stack traces or honours the debug header in production, whatever else is set", () => {
    const config = loadConfig({ NODE_ENV: "production", INCLUDE_STACKTRACE: "true", DEBUG_HEADER: "true" });
    expect(config.includeStacktrace).toBe(false);
    expect(config.debugHeader).toBe(false);
    expect(config.jsonLogs).toBe(true);
    expect(config.introspection).toBe(true);
    expect(config.sandbox).toBe(true);
  });

  it("runs any non-loopback HOST as production, whatever NODE_ENV says; loopback keeps the profile asked for", () => {
    for (const host of ["0.0.0.0", "::", "10.1.2.3", "api.example.org"]) {
      const config = loadConfig({ NODE_ENV: "development", HOST: host, INCLUDE_STACKTRACE: "true" });
      expect({
        host,
        profile: config.profile,
        stack: config.includeStacktrace,
        debug: config.debugHeader,
      }).toEqual({
        host,
        profile: "production",
        stack: false,
        debug: false,
      });
      expect(config.metricsPort).toBe(9464);
    }
    for (const host of ["127.0.0.1", "127.0.0.2", "localhost", "::1"]) {
      const config = loadConfig({ HOST: host });
      expect({ host, profile: config.profile, debug: config.debugHeader }).toEqual({
        host,
        profile: "development",
        debug: true,
      });
      // Outside production /metrics stays on the API's own port (for local use).
      expect(config.metricsPort).toBeNull();
    }
    expect(loadConfig({ NODE_ENV: "production", HOST: "127.0.0.1" }).profile).toBe("production");
  });

  it("serves production /metrics on METRICS_PORT (default 9464), configurable", () => {
    expect(loadConfig({ NODE_ENV: "production" }).metricsPort).toBe(9464);
    expect(loadConfig({ NODE_ENV: "production", METRICS_PORT: "9100" }).metricsPort).toBe(9100);
    expect(problemsOf({ NODE_ENV: "production", METRICS_PORT: "99999" })).toEqual([
      expect.stringMatching(/^METRICS_PORT/),
    ]);
  });

  it("caps each request's concurrent database calls (REQUEST_MAX_CONCURRENT_QUERIES, default 4)", () => {
    expect(loadConfig({}).limits.maxConcurrentQueries).toBe(4);
    expect(loadConfig({ REQUEST_MAX_CONCURRENT_QUERIES: "2" }).limits.maxConcurrentQueries).toBe(2);
    expect(problemsOf({ REQUEST_MAX_CONCURRENT_QUERIES: "0" })).toEqual([
      expect.stringMatching(/^REQUEST_MAX_CONCURRENT_QUERIES/),
    ]);
  });

  it("queues a replica's operations past HTTP_MAX_CONCURRENT_OPERATIONS (default 16, 0 for no cap)", () => {
    expect(loadConfig({}).limits.maxConcurrentOperations).toBe(16);
    expect(loadConfig({ HTTP_MAX_CONCURRENT_OPERATIONS: "0" }).limits.maxConcurrentOperations).toBe(0);
    expect(problemsOf({ HTTP_MAX_CONCURRENT_OPERATIONS: "-1" })).toEqual([
      expect.stringMatching(/^HTTP_MAX_CONCURRENT_OPERATIONS/),
    ]);
  });

  it("lets production turn introspection and the sandbox off", () => {
    const config = loadConfig({ NODE_ENV: "production", INTROSPECTION: "false", SANDBOX: "off" });
    expect(config.introspection).toBe(false);
    expect(config.sandbox).toBe(false);
  });
});
