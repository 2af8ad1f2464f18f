import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from "graphql";
import { graphFingerprint } from "../support/graph";
import { type HostileRequest, hostileRequests } from "../support/hostile";
import { startTestServer, type TestServer } from "../support/server";

const CONCURRENCY = 8;
/** Enough to cover every argument several times over, and a bounded run time however the schema grows. */
const REQUEST_BUDGET = 1600;
/** What must never reach a client: stack frames, source paths, driver and Cypher internals. */
const INTERNALS =
  /\n\s+at |node_modules|\.ts:\d+|Neo4jError|Neo\.(Client|Transient|Database)Error|neo4j-driver/;

interface Outcome {
  request: HostileRequest;
  status: number;
  text: string;
  contentType: string;
}

describe("hostile and malformed requests, generated from the live schema", () => {
  let server: TestServer;
  let outcomes: Outcome[] = [];
  let before: string;

  beforeAll(async () => {
    server = await startTestServer({
      NODE_ENV: "production",
      RATE_LIMIT_ENABLED: "false",
      LOG_LEVEL: "fatal",
    });
    before = await graphFingerprint(server.connection.database);
    const { body } = await server.graphql<IntrospectionQuery>(getIntrospectionQuery());
    const requests = hostileRequests(buildClientSchema(body.data!), REQUEST_BUDGET);
    const started = performance.now();
    outcomes = await sendAll(server.url, requests);
    process.stdout.write(
      `hostile: ${requests.length} requests in ${Math.round(performance.now() - started)} ms\n`,
    );
  }, 180_000);
  afterAll(() => server.close());

  it("sends at least 1,000 requests", () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(1000);
  });

  it("answers every one without a 5xx", () => {
    const failures = outcomes.filter(({ status }) => status >= 500).map(describe5xx);
    expect(failures).toEqual([]);
  });

  it("gives every error an extensions.code, and none is INTERNAL_SERVER_ERROR", () => {
    const uncoded = outcomes.flatMap((outcome) =>
      errorsOf(outcome)
        .filter(
          (error) =>
            typeof error.extensions?.code !== "string" || error.extensions.code === "INTERNAL_SERVER_ERROR",
        )
        .map((error) => `${outcome.request.label}: ${outcome.status} ${JSON.stringify(error).slice(0, 200)}`),
    );
    expect(uncoded).toEqual([]);
  });

  it("never shows a stack trace or internals in production mode", () => {
    const leaks = outcomes
      .filter(({ text }) => text.includes("stacktrace") || INTERNALS.test(text))
      .map(({ request, text }) => `${request.label}: ${text.slice(0, 200)}`);
    expect(leaks).toEqual([]);
  });

  it("stays up and leaves the graph unchanged", async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await server.graphql("{ dataRelease { version } }")).body.errors).toBeUndefined();
    expect(await graphFingerprint(server.connection.database)).toBe(before);
  });
});

function errorsOf({
  text,
  contentType,
  request,
  status,
}: Outcome): Array<{ extensions?: Record<string, unknown> }> {
  if (request.method === "HEAD" || status === 204) return [];
  if (!/json/.test(contentType)) {
    // Only the Sandbox page may answer with something other than JSON.
    return /text\/html/.test(contentType) && status === 200
      ? []
      : [{ extensions: { code: `non-JSON ${status}` } }];
  }
  const body = JSON.parse(text) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  return body.errors ?? [];
}

function describe5xx({ request, status, text }: Outcome): string {
  return `${request.label}: ${status} ${text.slice(0, 200)}`;
}

async function sendAll(url: string, requests: HostileRequest[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const response = await fetch(`${url}/graphql${request.search ?? ""}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      outcomes.push({
        request,
        status: response.status,
        text: await response.text(),
        contentType: response.headers.get("content-type") ?? "",
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}
