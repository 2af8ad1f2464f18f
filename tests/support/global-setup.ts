/** Ensures one Neo4j for the whole run: the one NEO4J_URI names, or an embedded instance started here. */
import { loadConfig, PROJECT_ROOT } from "../../src/config";
import { startNeo4j } from "../../neo4j-launcher/launcher";
import { SHARED_TEST_DATA_DIR, SHARED_TEST_PORT, STARTED_VARIABLE, TEST_URI_VARIABLE } from "./test-neo4j";

export default async function globalSetup(): Promise<void> {
  const { neo4j } = loadConfig();
  if (!neo4j.managed) {
    process.env[TEST_URI_VARIABLE] = neo4j.uri;
    return;
  }
  const running = await startNeo4j({
    projectRoot: PROJECT_ROOT,
    port: SHARED_TEST_PORT,
    dataDir: SHARED_TEST_DATA_DIR,
    log: (message) => process.stdout.write(`${message}\n`),
  });
  process.env[TEST_URI_VARIABLE] = running.uri;
  if (running.startedNow) process.env[STARTED_VARIABLE] = "1";
}
