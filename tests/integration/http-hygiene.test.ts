import pino from "pino";
import { hashApiKey } from "../../src/auth/api-keys";
import { connectNeo4j } from "../../src/neo4j/connection";
import { createServer, type PainGraphServer } from "../../src/server";
import { startTestServer, testConfig, type TestServer } from "../support/server";

const GET_HEADERS = { "apollo-require-preflight": "true" };

describe("HTTP hygiene: headers, CORS, CSRF and cacheable GET", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_ENABLED: "false" });
  });
  afterAll(() => server.close());

  it("sends security headers with every JSON answer", async () => {
    const response = await fetch(`${server.url}/graphql?query=%7B__typename%7D`, { headers: GET_HEADERS });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it("keeps the Sandbox page loadable: no script or frame restriction in the header, Apollo's nonce CSP in the page", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).not.toMatch(/default-src|script-src|style-src|frame-src|img-src|connect-src/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await response.text();
    const nonce =
      /script-src 'self' 'nonce-([0-9a-f]+)'[^"]*https:\/\/embeddable-sandbox\.cdn\.apollographql\.com/.exec(
        html,
      )?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<script nonce="${nonce}" src="https://embeddable-sandbox.cdn.apollographql.com/`);
  });

  it("answers a GET query cacheably, and refuses a GET without a preflight-forcing header (CSRF)", async () => {
    const query = encodeURIComponent("query Release { dataRelease { version } }");
    const ok = await fetch(`${server.url}/graphql?query=${query}`, { headers: GET_HEADERS });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("max-age=60, public");
    const blocked = await fetch(`${server.url}/graphql?query=${query}`);
    expect(blocked.status).toBe(400);
    expect(
      ((await blocked.json()) as { errors: Array<{ message: string; extensions: { code: string } }> })
        .errors[0],
    ).toMatchObject({ extensions: { code: "BAD_REQUEST" }, message: expect.stringMatching(/CSRF/) });
  });

  it("caches an answer that read the graph once per request's policy, but never introspection alone", async () => {
    const get = async (query: string) =>
      (
        await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers: GET_HEADERS })
      ).headers.get("cache-control");
    expect(await get("{ __typename }")).toBe("no-store");
    expect(await get("{ __schema { queryType { name } } }")).toBe("no-store");
    expect(await get("{ __typename ...F } fragment F on Query { dataRelease { version } }")).toBe(
      "max-age=60, public",
    );
  });

  it("never lets an error be cached", async () => {
    const { status } = await server.graphql("{ nope }");
    expect(status).toBe(400);
    const response = await fetch(`${server.url}/graphql?query=%7Bnope%7D`, { headers: GET_HEADERS });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("lets any origin read by default and answers preflight with 204", async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: "https://clinic.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-api-key",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type, x-api-key");
  });

  it("echoes a well-formed x-request-id and makes one up otherwise", async () => {
    const echoed = await fetch(`${server.url}/health`, { headers: { "x-request-id": "widget-42" } });
    expect(echoed.headers.get("x-request-id")).toBe("widget-42");
    const made = await fetch(`${server.url}/health`, { headers: { "x-request-id": "bad id <script>" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("CORS with an allow-list", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ CORS_ORIGINS: "https://clinic.example", RATE_LIMIT_ENABLED: "false" });
  });
  afterAll(() => server.close());

  it("lets a listed origin read, and no other", async () => {
    const listed = await server.graphql("{ __typename }", {}, { origin: "https://clinic.example" });
    expect(listed.status).toBe(200);
    const allowed = await fetch(`${server.url}/health`, { headers: { origin: "https://clinic.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://clinic.example");
    expect(allowed.headers.get("vary")).toContain("Origin");
    const other = await fetch(`${server.url}/health`, { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("observability: request logs and /metrics", () => {
  const lines: Array<Record<string, unknown>> = [];
  let server: PainGraphServer;
  let url: string;
  // A valid key: an unknown one is refused at the door, before any GraphQL logging of the operation.
  const config = testConfig({
    RATE_LIMIT_ENABLED: "false",
    LOG_LEVEL: "info",
    CURATOR_API_KEYS: `logger:${hashApiKey("key-not-to-log")}`,
  });
  const connection = connectNeo4j(config.neo4j);

  beforeAll(async () => {
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    server = await createServer({ config, connection, logger });
    url = await server.listen();
  });
  afterAll(async () => {
    await server.stop();
    await connection.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("logs one line per request with id, operation, duration, round trips and error codes, and no variables or keys", async () => {
    await post(
      {
        query: "query Lookup($id: ID!) { condition(id: $id) { name } }",
        variables: { id: "condition:secret-value" },
      },
      { "x-request-id": "log-test-1", "x-api-key": "key-not-to-log" },
    );
    await post({ query: "query Broken { nope }" }, { "x-request-id": "log-test-2" });
    const ok = lines.find((line) => line.reqId === "log-test-1");
    expect(ok).toMatchObject({
      msg: "request",
      status: 200,
      operation: "Lookup",
      roundTrips: 1,
      route: "/graphql",
    });
    expect(ok?.durationMs).toEqual(expect.any(Number));
    expect(lines.find((line) => line.reqId === "log-test-2")).toMatchObject({
      status: 400,
      errorCodes: ["GRAPHQL_VALIDATION_FAILED"],
    });
    const text = JSON.stringify(lines);
    expect(text).not.toContain("secret-value");
    expect(text).not.toContain("key-not-to-log");
  });

  it("serves Prometheus metrics: requests and latency by operation, errors by code, round trips, Neo4j", async () => {
    await post({ query: "query Metered { dataRelease { version } }" });
    await post({ query: "{ nope }" });
    const response = await fetch(`${url}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(
      /paingraph_http_requests_total\{route="\/graphql",method="POST",status="200",operation="Metered"\} 1/,
    );
    expect(text).toMatch(
      /paingraph_http_request_duration_seconds_count\{route="\/graphql",operation="Metered"\} 1/,
    );
    expect(text).toMatch(/paingraph_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/);
    expect(text).toMatch(/paingraph_cypher_round_trips_sum\{operation="Metered"\} 1/);
    expect(text).toMatch(/paingraph_neo4j_queries_in_flight 0/);
    expect(text).toMatch(/paingraph_neo4j_pool_max_connections 50/);
    // The admission queue is empty between requests: every operation gave its turn back.
    expect(text).toMatch(/paingraph_graphql_operations_running 0/);
    expect(text).toMatch(/paingraph_graphql_operations_waiting 0/);
    expect(text).toMatch(/paingraph_process_resident_memory_bytes/);
  });
});
