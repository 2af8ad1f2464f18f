/** npm run db:start | db:stop | db:status — the project's embedded Neo4j (or a note when NEO4J_URI is set). */
import { loadConfig, PROJECT_ROOT } from "../src/config";
import { neo4jStatus, startNeo4j, stopNeo4j } from "../neo4j-launcher/launcher";

async function run(command: string | undefined): Promise<number> {
  const { neo4j } = loadConfig();
  const instance = { projectRoot: PROJECT_ROOT, port: neo4j.embeddedPort, dataDir: neo4j.dataDir };
  if (!neo4j.managed && command !== "status") {
    console.log(
      `NEO4J_URI is set (${neo4j.uri}): that server is used and nothing is started or stopped here.`,
    );
    return 0;
  }
  switch (command) {
    case "start": {
      const running = await startNeo4j({ ...instance, password: neo4j.password, log: console.log });
      console.log(
        running.startedNow
          ? `Neo4j is ready on ${running.uri} (pid ${running.pid})`
          : `Neo4j already running on ${running.uri}`,
      );
      return 0;
    }
    case "stop":
      console.log(
        (await stopNeo4j(instance)) ? "Neo4j stopped." : "No Neo4j started by this project is running.",
      );
      return 0;
    case "status": {
      const status = await neo4jStatus(instance);
      console.log(JSON.stringify({ uri: neo4j.uri, managed: neo4j.managed, ...status }, null, 2));
      return status.portState === "neo4j" ? 0 : 3;
    }
    default:
      console.error("usage: db.js start|stop|status");
      return 2;
  }
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
