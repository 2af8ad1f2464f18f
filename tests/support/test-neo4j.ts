/** Where the test run's shared Neo4j lives: NEO4J_URI when set, else an embedded instance of the tests' own. */
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";

export const SHARED_TEST_PORT = 7688;
export const SHARED_TEST_DATA_DIR = path.join(PROJECT_ROOT, ".neo4j", "test-shared");
/** Set by the global setup for the workers: the URI every integration test connects to. */
export const TEST_URI_VARIABLE = "PAINGRAPH_TEST_NEO4J_URI";
/** Set by the global setup when it started the JVM, so the teardown stops only what it started. */
export const STARTED_VARIABLE = "PAINGRAPH_TEST_NEO4J_STARTED";
