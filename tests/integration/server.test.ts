import { startTestServer, type TestServer } from "../support/server";

describe("the PainGraph HTTP server", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ BODY_LIMIT_BYTES: "2048" });
  });
  afterAll(() => server.close());

  it("answers /health with 200 while the process is alive", async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /ready with Neo4j's state and whether the graph is loaded", async () => {
    const response = await fetch(`${server.url}/ready`);
    const body = (await response.json()) as { neo4j: string; graph?: string };
    expect(body.neo4j).toBe("ok");
    expect(response.status).toBe(body.graph === "loaded" ? 200 : 503);
  });

  it("reads the data release from Neo4j through POST /graphql", async () => {
    const { status, body } = await server.graphql<{ dataRelease: unknown }>(
      "{ dataRelease { version checksum counts { conditions treatments recommendations } } }",
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toHaveProperty("dataRelease");
  });

  it("reports Cypher round trips when asked with x-paingraph-debug: 1", async () => {
    const { body } = await server.graphql("{ dataRelease { version } }", {}, { "x-paingraph-debug": "1" });
    expect(body.extensions?.queryStats).toEqual({ cypherRoundTrips: 1, durationMs: expect.any(Number) });
    const plain = await server.graphql("{ dataRelease { version } }");
    expect(plain.body.extensions?.queryStats).toBeUndefined();
  });

  it("answers malformed JSON with 400 and a coded error", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ dataRelease',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [expect.objectContaining({ extensions: { code: "BAD_REQUEST" } })],
    });
  });

  it("answers a body over the limit with 413, not 500", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ dataRelease { version } } # ${"x".repeat(4096)}` }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers an unknown field with a validation error code", async () => {
    const { status, body } = await server.graphql("{ noSuchField }");
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("serves the embedded Apollo Sandbox to a browser opening /graphql", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("embeddable-sandbox");
    expect(html).toMatch(/initialEndpoint/);
    // The Sandbox runs in the user's browser; it is told not to report usage to Apollo.
    expect(html).toMatch(/"runTelemetry":\s*false/);
  });

  it("opens the Sandbox on the recommendation example with its variables", async () => {
    const html = await (await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } })).text();
    expect(html).toContain("query RecommendTreatments(");
    expect(html).toMatch(/"variables":\s*\{\s*"code":\s*"M79\.7"/);
  });

  it("answers unknown paths with 404", async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});
