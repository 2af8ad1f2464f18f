import { startTestServer, type TestServer } from "../support/server";

const codeOf = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  body.errors?.[0]?.extensions?.code;

describe("the protective limits, over HTTP", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      QUERY_MAX_DEPTH: "5",
      QUERY_MAX_COST: "500",
      QUERY_MAX_ALIASES: "3",
      QUERY_MAX_TOKENS: "200",
      RATE_LIMIT_ENABLED: "false",
    });
  });
  afterAll(() => server.close());

  it("refuses a query nested deeper than QUERY_MAX_DEPTH with 400 QUERY_TOO_DEEP", async () => {
    const { status, body } = await server.graphql(
      "{ conditions { edges { node { groups { conditions { name } } } } } }",
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", maxDepth: 5, depth: 6 });
  });

  it("refuses a query whose cost (lists times first) exceeds QUERY_MAX_COST with 400 QUERY_TOO_COMPLEX", async () => {
    const query = "query ($n: Int) { conditions(first: $n) { edges { node { treatments { name } } } } }";
    expect(codeOf((await server.graphql(query, { n: 2 })).body)).toBeUndefined();
    const { status, body } = await server.graphql(query, { n: 100 });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxCost: 500 });
    expect(body.data).toBeUndefined();
  });

  it("refuses more aliases than QUERY_MAX_ALIASES with 400 TOO_MANY_ALIASES", async () => {
    const { status, body } = await server.graphql(
      "{ a: __typename b: __typename c: __typename d: __typename }",
    );
    expect(status).toBe(400);
    expect(codeOf(body)).toBe("TOO_MANY_ALIASES");
  });

  it("stops parsing a document longer than QUERY_MAX_TOKENS with GRAPHQL_PARSE_FAILED", async () => {
    const { status, body } = await server.graphql(`{ ${"__typename ".repeat(300)} }`);
    expect(status).toBe(400);
    expect(codeOf(body)).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("refuses a batch (a JSON array body) with 400 BAD_REQUEST", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]),
    });
    expect(response.status).toBe(400);
    expect(codeOf((await response.json()) as never)).toBe("BAD_REQUEST");
  });

  it("refuses a page larger than 100 with BAD_USER_INPUT naming first", async () => {
    const { body } = await server.graphql("{ guidelines(first: 101) { totalCount } }");
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
  });
});

describe("the per-request deadline", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ REQUEST_TIMEOUT_MS: "1", RATE_LIMIT_ENABLED: "false" });
  });
  afterAll(() => server.close());

  it("answers 503 REQUEST_TIMEOUT when a request runs past REQUEST_TIMEOUT_MS, and keeps serving", async () => {
    const query = "{ conditions(first: 100) { edges { node { recommendations { treatment { name } } } } } }";
    const { status, body } = await server.graphql(query);
    expect(status).toBe(503);
    expect(codeOf(body)).toBe("REQUEST_TIMEOUT");
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe("rate limiting", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: "60", RATE_LIMIT_BURST: "3" });
  });
  afterAll(() => server.close());

  it("answers 429 RATE_LIMITED with Retry-After once a client's burst is spent", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await server.graphql("{ __typename }")).status);
    expect(statuses).toEqual([200, 200, 200]);
    const response = await fetch(`${server.url}/graphql?query=%7B__typename%7D`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(codeOf((await response.json()) as never)).toBe("RATE_LIMITED");
  });

  it("never limits /health (liveness), but limits /ready like any route", async () => {
    const statuses = await Promise.all(
      ["/health", "/health", "/ready"].map(async (path) => (await fetch(`${server.url}${path}`)).status),
    );
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe("junk API keys", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: "60", RATE_LIMIT_BURST: "3" });
  });
  afterAll(() => server.close());

  it("are answered 401 UNAUTHENTICATED at once, count against the address, and meet 429 inside the burst", async () => {
    const answers = [];
    for (let i = 0; i < 5; i += 1) {
      const { status, body } = await server.graphql("{ __typename }", {}, { "x-api-key": `junk-${i}` });
      answers.push(`${status} ${body.errors?.[0]?.extensions?.code}`);
    }
    expect(answers).toEqual([
      "401 UNAUTHENTICATED",
      "401 UNAUTHENTICATED",
      "401 UNAUTHENTICATED",
      "429 RATE_LIMITED",
      "429 RATE_LIMITED",
    ]);
    expect((await server.graphql("{ __typename }")).status).toBe(429);
  });
});
