/** Stops the test Neo4j only when the global setup started it. */
import { stopNeo4j } from "../../neo4j-launcher/launcher";
import { SHARED_TEST_DATA_DIR, STARTED_VARIABLE } from "./test-neo4j";

export default async function globalTeardown(): Promise<void> {
  if (process.env[STARTED_VARIABLE] === "1") await stopNeo4j({ dataDir: SHARED_TEST_DATA_DIR });
}
