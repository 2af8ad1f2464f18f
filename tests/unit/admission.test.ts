import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { createGraphQLHandler } from "../../src/http/graphql-handler";
import { admission, type Admission } from "../../src/limits/admission";
import { newRequestInfo } from "../../src/request-info";

describe("the operation admission queue", () => {
  it("lets `limit` in at once and hands each freed turn to the longest waiter", async () => {
    const gate = admission(2);
    const order: string[] = [];
    const first = await gate.enter();
    const second = await gate.enter();
    const waiters = ["c", "d", "e"].map((name) =>
      gate.enter().then((release) => (order.push(name), release)),
    );
    await flush();
    expect([gate.running(), gate.waiting(), order]).toEqual([2, 3, []]);
    first();
    first(); // a second call frees nothing more
    await flush();
    expect([gate.running(), gate.waiting(), order]).toEqual([2, 2, ["c"]]);
    second();
    (await waiters[0]!)();
    await flush();
    expect([gate.running(), gate.waiting(), order]).toEqual([2, 0, ["c", "d", "e"]]);
    for (const waiter of waiters.slice(1)) (await waiter)();
    expect([gate.running(), gate.waiting()]).toEqual([0, 0]);
  });
});

describe("the GraphQL handler with an admission cap", () => {
  let apollo: ApolloServer;
  let server: http.Server;
  let url: string;
  let holds: Array<() => void>;
  let gate: Admission;

  /** A server whose `held` query answers only when the test lets it go; `quick` answers at once. */
  async function start(limit: number, requestTimeoutMs: number) {
    holds = [];
    gate = admission(limit);
    apollo = new ApolloServer({
      typeDefs: "type Query { held: String quick: String }",
      resolvers: {
        Query: {
          held: () => new Promise<string>((resolve) => holds.push(() => resolve("released"))),
          quick: () => "quick",
        },
      },
    });
    await apollo.start();
    const handle = createGraphQLHandler({
      apollo,
      bodyLimitBytes: 10_000,
      requestTimeoutMs,
      admission: gate,
      context: async () => ({}),
    });
    server = http.createServer(
      (request, response) => void handle(request, response, "", newRequestInfo(), NO_CALLER),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  afterEach(async () => {
    for (const hold of holds) hold();
    await new Promise((resolve) => server.close(resolve));
    await apollo.stop();
  });

  it("runs a later operation only once an earlier one has finished", async () => {
    await start(1, 5_000);
    const held = post("{ held }");
    await until(() => holds.length === 1);
    const finished: string[] = [];
    const quick = post("{ quick }").then((answer) => (finished.push("quick"), answer));
    await until(() => gate.waiting() === 1);
    expect([finished, holds.length]).toEqual([[], 1]);
    holds[0]!();
    expect(await held).toEqual({ status: 200, body: { data: { held: "released" } } });
    expect(await quick).toEqual({ status: 200, body: { data: { quick: "quick" } } });
    expect([gate.running(), gate.waiting()]).toEqual([0, 0]);
  });

  it("answers 503 REQUEST_TIMEOUT when the deadline passes in the queue, and loses no turn", async () => {
    await start(1, 300);
    const held = post("{ held }");
    await until(() => holds.length === 1);
    const waited = await post("{ quick }");
    expect(waited.status).toBe(503);
    expect(waited.body).toMatchObject({ errors: [{ extensions: { code: "REQUEST_TIMEOUT" } }] });
    expect((await held).status).toBe(503);
    holds[0]!();
    await until(() => gate.running() === 0);
    expect(await post("{ quick }")).toEqual({ status: 200, body: { data: { quick: "quick" } } });
  });

  async function post(query: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: await response.json() };
  }
});

const NO_CALLER = { principal: null, keys: [], store: null };

const flush = () => new Promise((resolve) => setImmediate(resolve));

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 500) throw new Error("condition never held");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
