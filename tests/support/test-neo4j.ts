/** Where the test run's shared Neo4j lives: NEO4J_URI when set, else an embedded instance of the tests' own. */
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";
import { neo4jPasswordFile } from "../../src/neo4j/credentials";

/**
 * Shifts every Neo4j port the tests open, so two checkouts on one machine can run their suites side by side
 * (PAINGRAPH_TEST_PORT_OFFSET=100 moves 7688 to 7788, and so on).
 */
const PORT_OFFSET = Number(process.env.PAINGRAPH_TEST_PORT_OFFSET ?? 0);

/** A Neo4j port for a test file: its base number, moved by the checkout's offset. */
export function testNeo4jPort(base: number): number {
  return base + PORT_OFFSET;
}

export const SHARED_TEST_PORT = testNeo4jPort(7688);
export const SHARED_TEST_DATA_DIR = path.join(PROJECT_ROOT, ".neo4j", "test-shared");
/** Set by the global setup for the workers: the URI every integration test connects to. */
export const TEST_URI_VARIABLE = "PAINGRAPH_TEST_NEO4J_URI";
/** Set by the global setup when it started the JVM, so the teardown stops only what it started. */
export const STARTED_VARIABLE = "PAINGRAPH_TEST_NEO4J_STARTED";

/** Config variables that give a client the password of the embedded instance on that data folder. */
export function instanceCredentials(dataDir: string): Record<string, string> {
  return { NEO4J_PASSWORD_FILE: neo4jPasswordFile(dataDir) };
}

/** The shared test Neo4j's credentials: its password file, or NEO4J_PASSWORD(_FILE) for an external NEO4J_URI. */
export function sharedTestCredentials(): Record<string, string> {
  if (!process.env.NEO4J_URI) return instanceCredentials(SHARED_TEST_DATA_DIR);
  const { NEO4J_PASSWORD, NEO4J_PASSWORD_FILE } = process.env;
  if (NEO4J_PASSWORD) return { NEO4J_PASSWORD };
  return NEO4J_PASSWORD_FILE ? { NEO4J_PASSWORD_FILE } : {};
}
