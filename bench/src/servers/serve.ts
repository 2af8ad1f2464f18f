/** The node:http plumbing the comparison servers share: JSON bodies, a round-trip counter at GET /__roundtrips. */
import http from "node:http";

export interface JsonRequest {
  operationName?: string;
  query?: string;
  variables?: Record<string, unknown>;
}

export type Handler = (
  request: JsonRequest,
  raw: string,
  headers: http.IncomingHttpHeaders,
) => Promise<string>;

/** Cypher round trips this process has made; the harness reads it before and after a probe request. */
export const roundTrips = { count: 0 };

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Serves POST /graphql with handler, GET /__roundtrips, GET /health; listens on PORT and prints READY. */
export function serve(handle: Handler): void {
  const server = http.createServer((request, response) => {
    const send = (status: number, body: string) => {
      response.writeHead(status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      response.end(body);
    };
    if (request.method === "GET" && request.url === "/__roundtrips")
      return send(200, JSON.stringify(roundTrips));
    if (request.method === "GET" && request.url === "/health") return send(200, '{"status":"ok"}');
    if (request.method !== "POST") return send(405, '{"errors":[{"message":"POST only"}]}');
    readBody(request)
      .then((raw) => handle(JSON.parse(raw) as JsonRequest, raw, request.headers))
      .then(
        (body) => send(200, body),
        (error: unknown) => send(500, JSON.stringify({ errors: [{ message: String(error) }] })),
      );
  });
  server.keepAliveTimeout = 65_000;
  const port = Number(process.env.PORT ?? 0);
  server.listen(port, "127.0.0.1", () => {
    const address = server.address();
    const bound = typeof address === "object" && address ? address.port : port;
    process.stdout.write(`READY ${bound}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

export function neo4jSettings() {
  return {
    uri: process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
    user: process.env.NEO4J_USER ?? "neo4j",
    password: process.env.NEO4J_PASSWORD ?? "",
    database: process.env.NEO4J_DATABASE ?? "neo4j",
  };
}
