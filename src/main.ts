/**
 * Process entry: config → driver → server.listen. SIGTERM/SIGINT: stop accepting, let in-flight requests finish
 * (at most SHUTDOWN_TIMEOUT_MS), close the driver, exit 0. Nothing imports it.
 */
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./logger";
import { connectNeo4j } from "./neo4j/connection";
import { createServer } from "./server";

const FORCED_EXIT_MARGIN_MS = 5000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const connection = connectNeo4j(config.neo4j);
  const server = await createServer({ config, connection, logger });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, "shutting down: draining requests");
    // The last resort if draining or closing the driver hangs past its own bound.
    setTimeout(() => {
      logger.error("shutdown did not finish in time; exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs + FORCED_EXIT_MARGIN_MS).unref();
    await server.stop();
    await connection.close();
    logger.info("stopped");
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
  // Listening only once the signal handlers exist: a SIGTERM right after the first request is then graceful too.
  const url = await server.listen();
  logger.info(
    {
      url: `${url}/graphql`,
      metrics: server.metricsUrl() ? `${server.metricsUrl()}/metrics` : undefined,
      neo4j: config.neo4j.uri,
      profile: config.profile,
    },
    "PainGraph is listening",
  );
  if (!(await connection.isReachable())) {
    logger.warn({ neo4j: config.neo4j.uri }, "Neo4j is not reachable yet; /ready answers 503 until it is");
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `PainGraph failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exit(1);
});
