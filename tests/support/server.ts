/** Starts a real PainGraph server (HTTP, Apollo, driver) against the test Neo4j, on a free port. */
import { loadConfig, type Config } from "../../src/config";
import { createLogger } from "../../src/logger";
import { connectNeo4j, type Neo4jConnection } from "../../src/neo4j/connection";
import type { Database } from "../../src/neo4j/database";
import { createServer } from "../../src/server";
import { sharedTestCredentials, TEST_URI_VARIABLE } from "./test-neo4j";

export interface TestServer {
  url: string;
  /** The production profile's own /metrics listener (METRICS_PORT); null in other profiles. */
  metricsUrl: string | null;
  config: Readonly<Config>;
  connection: Neo4jConnection;
  /** POSTs a GraphQL operation and returns the parsed body and status. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody<T> }>;
  close(): Promise<void>;
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

export function testNeo4jUri(): string {
  const uri = process.env[TEST_URI_VARIABLE];
  if (!uri) throw new Error(`${TEST_URI_VARIABLE} is not set: run the tests through jest's global setup`);
  return uri;
}

/**
 * The response cache is off unless a test turns it on: most tests read what they just wrote straight
 * through the driver, and assert what executing a query costs (tests/integration/response-cache.test.ts
 * is about the cache itself).
 */
export function testConfig(overrides: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    NEO4J_URI: testNeo4jUri(),
    ...sharedTestCredentials(),
    RESPONSE_CACHE_MB: "0",
    // A production-profile test server's own /metrics listener takes a free port, never the shared 9464.
    METRICS_PORT: "0",
    ...overrides,
  });
}

export interface TestServerOptions {
  /** Wraps the Database the server's requests use (the connection's own stays as it is). */
  database?: (database: Database) => Database;
}

export async function startTestServer(
  overrides: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const config = testConfig(overrides);
  const connection = connectNeo4j(config.neo4j);
  const served = options.database
    ? { ...connection, database: options.database(connection.database) }
    : connection;
  const server = await createServer({ config, connection: served, logger: createLogger(config) });
  const url = await server.listen();
  return {
    url,
    metricsUrl: server.metricsUrl(),
    config,
    connection,
    async graphql(query, variables, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody<never> };
    },
    async close() {
      await server.stop();
      await connection.close();
    },
  };
}
