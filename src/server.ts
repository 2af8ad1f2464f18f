/**
 * createServer(deps): Apollo Server on a node:http server with /graphql, /health and /ready.
 * It does not read the environment or open the driver, so tests build it with their own deps.
 */
import "reflect-metadata";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { Config } from "./config";
import { createRequestContext, type RequestContext } from "./context";
import { createFormatError } from "./errors";
import { createGraphQLHandler } from "./http/graphql-handler";
import { sendHealth, sendReadiness } from "./http/health";
import { queryStatsPlugin } from "./http/query-stats.plugin";
import { sendGraphQLError, sendJson } from "./http/responses";
import type { Logger } from "./logger";
import type { Neo4jConnection } from "./neo4j/connection";
import { createSchema } from "./schema";

export interface ServerDeps {
  config: Readonly<Config>;
  connection: Neo4jConnection;
  logger: Logger;
}

export interface PainGraphServer {
  /** Starts listening; resolves with the bound URL (useful with PORT=0). */
  listen(): Promise<string>;
  /** Stops accepting, drains in-flight requests, stops Apollo. Does not close the driver it was given. */
  stop(): Promise<void>;
}

export async function createServer({ config, connection, logger }: ServerDeps): Promise<PainGraphServer> {
  const httpServer = http.createServer();
  const apollo = new ApolloServer<RequestContext>({
    schema: await createSchema(),
    introspection: config.introspection,
    // main.ts owns shutdown: it drains HTTP, stops Apollo, then closes the driver, in that order.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: config.includeStacktrace,
    formatError: createFormatError(
      (error) => logger.error({ err: error }, "unexpected error while resolving a request"),
      config.includeStacktrace,
    ),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      queryStatsPlugin(),
    ],
  });
  await apollo.start();

  const handleGraphQL = createGraphQLHandler({
    apollo,
    bodyLimitBytes: config.bodyLimitBytes,
    context: async (request) =>
      createRequestContext(connection.database, {
        debug: config.debugHeader && request.headers["x-paingraph-debug"] === "1",
        loaderBatchSize: config.loaderBatchSize,
      }),
  });

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/graphql") return handleGraphQL(request, response, url.search);
    if (url.pathname === "/health") return sendHealth(response);
    if (url.pathname === "/ready") return sendReadiness(response, connection);
    return sendJson(response, 404, { error: "Not found", see: "/graphql" });
  };

  httpServer.on("request", (request: IncomingMessage, response: ServerResponse) => {
    route(request, response).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, "request failed outside GraphQL execution");
      if (!response.headersSent)
        sendGraphQLError(response, 500, "Internal server error", "INTERNAL_SERVER_ERROR");
      else response.end();
    });
  });

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as AddressInfo;
          resolve(`http://${config.host}:${port}`);
        });
      }),
    stop: () => apollo.stop(),
  };
}
