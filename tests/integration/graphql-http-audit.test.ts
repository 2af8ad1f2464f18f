import { serverAudits } from "graphql-http";
import { startTestServer, type TestServer } from "../support/server";

// The GraphQL-over-HTTP spec audit of the graphql-http package, against the running server: every MUST passes,
// and the SHOULD and MAY results are pinned in the snapshot so that any change in them fails until reviewed.
describe("the GraphQL over HTTP audit (graphql-http)", () => {
  let server: TestServer;
  const results = new Map<string, { name: string; status: string }>();

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_ENABLED: "false" });
    for (const audit of serverAudits({ url: `${server.url}/graphql` })) {
      const result = await audit.fn();
      results.set(audit.id, { name: audit.name, status: result.status });
    }
  });
  afterAll(() => server.close());

  it("passes every MUST", () => {
    const failed = [...results.values()].filter(
      ({ name, status }) => name.startsWith("MUST") && status !== "ok",
    );
    expect(failed).toEqual([]);
    expect([...results.values()].filter(({ name }) => name.startsWith("MUST")).length).toBeGreaterThan(10);
  });

  it("keeps the pinned results of the SHOULD and MAY items", () => {
    const pinned = Object.fromEntries(
      [...results]
        .filter(([, { name }]) => !name.startsWith("MUST"))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, { name, status }]) => [`${id} ${name}`, status]),
    );
    expect(pinned).toMatchSnapshot();
  });
});
