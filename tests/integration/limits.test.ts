import { hashApiKey } from "../../src/auth/api-keys";
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

describe("heavy fields, at the default limits", () => {
  const API_KEY = "curator-key-for-limits-0123456789";
  const curator = { "x-api-key": API_KEY };
  const aliased = (n: number, field: string) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
  const EXPORT = "dataExport { version files { name } }";
  const PATH = 'explainPath(fromId: "condition:migraine", toId: "treatment:exercise", maxHops: 6) { length }';
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      RATE_LIMIT_ENABLED: "false",
      CURATOR_API_KEYS: `lim:${hashApiKey(API_KEY)}`,
    });
  });
  afterAll(() => server.close());

  it("refuse a curator's two aliased dataExport as QUERY_TOO_COMPLEX before any work", async () => {
    const { status, body } = await server.graphql(aliased(2, EXPORT), {}, curator);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxCost: 25_000 });
    expect(body.errors![0]!.extensions!.cost as number).toBeGreaterThan(25_000);
  });

  it("refuse a curator's three aliased explainPath(maxHops: 6) as QUERY_TOO_COMPLEX, but not two", async () => {
    const three = await server.graphql(aliased(3, PATH), {}, curator);
    expect([three.status, codeOf(three.body)]).toEqual([400, "QUERY_TOO_COMPLEX"]);
    const two = await server.graphql(aliased(2, PATH), {}, curator);
    expect(codeOf(two.body)).toBeUndefined();
  });

  it("keep dataExport for curators (anonymous callers get UNAUTHENTICATED and the bulk file instead)", async () => {
    const anonymous = await server.graphql(`{ ${EXPORT} }`);
    expect(codeOf(anonymous.body)).toBe("UNAUTHENTICATED");
    expect(anonymous.body.data ?? null).toBeNull();
    const changes = await server.graphql("{ changes(first: 1) { totalCount } }");
    expect(codeOf(changes.body)).toBe("UNAUTHENTICATED");
    const own = await server.graphql<{ dataExport: { files: unknown[] } }>(`{ ${EXPORT} }`, {}, curator);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.dataExport.files.length).toBeGreaterThan(5);
  });
});

describe("rate-limit tokens priced by cost", () => {
  const PATHS = `{ a: explainPath(fromId: "condition:migraine", toId: "treatment:exercise", maxHops: 6) { length }
    b: explainPath(fromId: "condition:migraine", toId: "treatment:exercise", maxHops: 6) { length } }`;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: "1", RATE_LIMIT_BURST: "8" });
  });
  afterAll(() => server.close());

  const post = (query: string) =>
    fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });

  it("takes one token for a cheap query and four for two explainPath(maxHops: 6), with RateLimit headers that say so", async () => {
    const cheap = await post("{ __typename }");
    expect(cheap.headers.get("ratelimit-remaining")).toBe("7");
    const heavy = await post(PATHS);
    expect(heavy.status).toBe(200);
    // 19,000-odd cost: 1 + 3 tokens.
    expect(heavy.headers.get("ratelimit-remaining")).toBe("3");
    expect(heavy.headers.get("ratelimit-limit")).toBe("8");
    // Three tokens left: the door takes one, the heavy operation needs three more and is refused with 429.
    const refused = await post(PATHS);
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as Parameters<typeof codeOf>[0];
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", tokens: 4 });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // A cheap query still fits in what is left.
    expect((await post("{ __typename }")).status).toBe(200);
  });
});
