/**
 * PERSISTED_QUERIES_ONLY=true: only the committed safelist's operations run, over POST, GET and automatic
 * persisted queries; everything else gets PERSISTED_QUERY_NOT_ALLOWED and is never registered.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";
import { readSafelist } from "../../src/limits/safelist";
import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const PREFLIGHT = { "apollo-require-preflight": "true" };
const UNKNOWN = `{ dataRelease { version } }`;

interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function getGraphQL(server: TestServer, params: Record<string, string>) {
  const response = await fetch(`${server.url}/graphql?${new URLSearchParams(params)}`, {
    headers: PREFLIGHT,
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const persisted = (hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
const codes = (body: Body) => (body.errors ?? []).map((error) => error.extensions?.code);

describe("persisted-only mode", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      PERSISTED_QUERIES_ONLY: "true",
      RATE_LIMIT_ENABLED: "false",
      // A machine shared with other jobs can be slow to answer a first recommendation.
      REQUEST_TIMEOUT_MS: "60000",
    });
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server?.close());

  it("runs a documented example over POST, however it is spaced or commented", async () => {
    const example = fs.readFileSync(path.join(PROJECT_ROOT, "examples/02-condition-by-code.graphql"), "utf8");
    const respaced = `# reformatted by a client\n${example
      .split("\n")
      .map((line) => `   ${line}`)
      .join("\n\n")}`;
    for (const document of [example, respaced]) {
      const { status, body } = await server.graphql(document);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data).toEqual({ conditionByCode: expect.objectContaining({ name: expect.any(String) }) });
    }
  });

  it("runs the widget's query over GET, as the widget sends it", async () => {
    const widget = fs.readFileSync(path.join(PROJECT_ROOT, "widget/paingraph.js"), "utf8");
    const query = /\/\* GraphQL \*\/ `([^`]*)`/.exec(widget)![1]!.replace(/\s+/g, " ").trim();
    const variables = JSON.stringify({ input: { conditionIds: ["condition:fibromyalgia"], first: 3 } });
    const { status, body } = await getGraphQL(server, { query, variables });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect((body.data!.recommendTreatments as { items: unknown[] }).items).toHaveLength(3);
  });

  it("refuses an operation not on the safelist with PERSISTED_QUERY_NOT_ALLOWED, over POST and GET", async () => {
    const posted = await server.graphql(UNKNOWN);
    expect(posted.status).toBe(400);
    expect(codes(posted.body)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
    expect(posted.body.data).toBeUndefined();
    const got = await getGraphQL(server, { query: UNKNOWN });
    expect([got.status, codes(got.body)]).toEqual([400, ["PERSISTED_QUERY_NOT_ALLOWED"]]);
    // The explorers' schema query is not on it either.
    const introspection = await server.graphql("{ __schema { types { name } } }");
    expect(codes(introspection.body)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
  });

  it("answers a safelisted operation's id as a persisted-query hash, with no registration first", async () => {
    const operation = readSafelist().operations.find((entry) =>
      entry.source.endsWith("12-data-release.graphql"),
    )!;
    const { status, body } = await getGraphQL(server, { extensions: persisted(operation.id) });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data).toHaveProperty("dataRelease");
  });

  it("never registers an automatic persisted query that is not on the safelist", async () => {
    const hash = sha256(UNKNOWN);
    const register = await getGraphQL(server, { query: UNKNOWN, extensions: persisted(hash) });
    expect([register.status, codes(register.body)]).toEqual([400, ["PERSISTED_QUERY_NOT_ALLOWED"]]);
    const hashOnly = await getGraphQL(server, { extensions: persisted(hash) });
    expect(codes(hashOnly.body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });

  it("registers a safelisted one by its own text's hash, as Apollo clients do, and answers the hash alone", async () => {
    const example = fs.readFileSync(path.join(PROJECT_ROOT, "examples/06-browse-conditions.graphql"), "utf8");
    const hash = sha256(example);
    expect(
      (await getGraphQL(server, { extensions: persisted(hash) })).body.errors?.[0]?.extensions?.code,
    ).toBe("PERSISTED_QUERY_NOT_FOUND");
    const register = await getGraphQL(server, { query: example, extensions: persisted(hash) });
    expect(register.body.errors).toBeUndefined();
    const hashOnly = await getGraphQL(server, { extensions: persisted(hash) });
    expect(hashOnly.body).toEqual(register.body);
  });
});
