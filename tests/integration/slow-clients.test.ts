import { idleConnection, rawExchange } from "../support/raw-http";
import { startTestServer, type TestServer } from "../support/server";

// Second-scale timeouts keep this file fast; the bounds below leave room for a busy machine.
const TIMEOUT_MS = 1000;
const GRACE_MS = 6000;

describe("slow clients and connection limits", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      HTTP_HEADERS_TIMEOUT_MS: String(TIMEOUT_MS),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: String(TIMEOUT_MS),
      HTTP_MAX_CONNECTIONS: "4",
      RATE_LIMIT_ENABLED: "false",
    });
  });
  afterAll(() => server.close());

  it("cuts off a body that never arrives within the request timeout, with a typed 408", async () => {
    const request =
      "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{";
    const exchange = await rawExchange(server.url, request, TIMEOUT_MS + GRACE_MS);
    expect(exchange.closedAfterMs).not.toBeNull();
    expect(exchange.closedAfterMs!).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(exchange.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.received).toContain('"code":"REQUEST_TIMEOUT"');
  });

  it("closes a connection whose headers never finish within the headers timeout", async () => {
    const exchange = await rawExchange(
      server.url,
      "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n",
      TIMEOUT_MS + GRACE_MS,
    );
    expect(exchange.closedAfterMs).not.toBeNull();
    expect(exchange.received === "" || /^HTTP\/1\.1 408 /.test(exchange.received)).toBe(true);
  });

  it("closes an idle keep-alive connection after the keep-alive timeout", async () => {
    const request = `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`;
    const exchange = await rawExchange(server.url, request, TIMEOUT_MS + GRACE_MS);
    expect(exchange.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(exchange.closedAfterMs).not.toBeNull();
    expect(exchange.closedAfterMs!).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
  });

  it("refuses connections beyond HTTP_MAX_CONNECTIONS and serves again once they close", async () => {
    const held = await Promise.all([1, 2, 3, 4].map(() => idleConnection(server.url)));
    try {
      const extra = await rawExchange(
        server.url,
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        GRACE_MS,
      );
      expect(extra.received).toBe("");
      expect(extra.closedAfterMs).not.toBeNull();
    } finally {
      for (const connection of held) connection.socket.destroy();
      await Promise.all(held.map((connection) => connection.closed));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
