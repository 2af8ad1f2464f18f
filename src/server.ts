/**
 * createServer(deps): Apollo Server on a node:http server with /graphql, /health, /ready and /metrics.
 * It does not read the environment or open the driver, so tests build it with their own deps.
 */
import "reflect-metadata";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { LANDING_OPERATION } from "./http/landing-operation";
import { createDownloadsHandler } from "./http/downloads";
import { readReleaseFiles } from "./curation/release-files";
import { ReleaseWatcher } from "./cache/release-watcher";
import { cachePolicyPlugin } from "./cache/cache-policy.plugin";
import { patientPrivacyPlugin } from "./cache/patient-privacy.plugin";
import { releasePlugin } from "./cache/release.plugin";
import { responseCachePlugins } from "./cache/response-cache.plugin";
import type { Config } from "./config";
import { createRequestContext, type RequestContext } from "./context";
import { WriteQueue } from "./curation/write-queue";
import { createFormatError } from "./errors";
import { createGraphQLHandler } from "./http/graphql-handler";
import { createReadiness, sendHealth } from "./http/health";
import { queryStatsPlugin } from "./http/query-stats.plugin";
import { createMetricsListener, createRouter } from "./http/router";
import { admission } from "./limits/admission";
import { concurrencyCap } from "./limits/concurrency";
import { maxAliasesRule } from "./limits/aliases.rule";
import { chargeTokens } from "./limits/rate-limit-keys";
import { complexityPlugin } from "./limits/complexity";
import { maxDepthRule } from "./limits/depth.rule";
import { knownOperationTypesRule } from "./limits/operation-type.rule";
import { readSafelist, safelistAllows, safelistPlugin, withSafelistedDocuments } from "./limits/safelist";
import { inProcessLimiter, sharedLimiter } from "./limits/shared-rate-limiter";
import type { Logger } from "./logger";
import { MAX_CONNECTION_POOL_SIZE, type Neo4jConnection } from "./neo4j/connection";
import { Metrics } from "./observability/metrics";
import { requestStatePlugin } from "./observability/request-tracker";
import { decorate } from "./neo4j/decorate";
import { createSharedCaches } from "./redis/shared-caches";
import { DataReleaseRepository } from "./release/data-release.repository";
import { createSchema } from "./schema";

export interface ServerDeps {
  config: Readonly<Config>;
  connection: Neo4jConnection;
  logger: Logger;
}

export interface PainGraphServer {
  /** Starts listening; resolves with the bound URL (useful with PORT=0). */
  listen(): Promise<string>;
  /** In production, the URL of the /metrics listener (METRICS_PORT) once listening; otherwise null. */
  metricsUrl(): string | null;
  /**
   * Stops accepting, lets in-flight requests finish (at most SHUTDOWN_TIMEOUT_MS), stops Apollo.
   * Does not close the driver it was given.
   */
  stop(): Promise<void>;
}

export async function createServer({ config, connection, logger }: ServerDeps): Promise<PainGraphServer> {
  const httpServer = createHttpServer(config);
  const metrics = new Metrics(MAX_CONNECTION_POOL_SIZE);
  const shared = { writeQueue: new WriteQueue() };
  const database = decorate(connection.database, metrics.aroundQueries);
  const { limits } = config;
  const cache = config.responseCache;
  const caches = createSharedCaches(config, logger, (up) => metrics.sharedTierUp.set(up ? 1 : 0));
  const safelist = config.persistedQueriesOnly ? readSafelist() : null;
  const persistedQueries = safelist
    ? withSafelistedDocuments(caches.persistedQueries, safelist)
    : caches.persistedQueries;
  // The poll reads the driver directly: it is the server's own bookkeeping, not a request's query.
  const watcher = new ReleaseWatcher(
    {
      findStamp: (bookmarks) =>
        new DataReleaseRepository(
          connection.database.scope({ bookmarks: { value: [...bookmarks] } }),
        ).findStamp(),
    },
    cache.releasePollMs,
  );
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
    parseOptions: { maxTokens: limits.maxTokens },
    ...(persistedQueries ? { persistedQueries: { cache: persistedQueries } } : {}),
    validationRules: [
      knownOperationTypesRule,
      maxDepthRule(limits.maxDepth),
      maxAliasesRule(limits.maxAliases),
    ],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      config.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({
            embed: { runTelemetry: false },
            includeCookies: false,
            document: LANDING_OPERATION.document,
            variables: LANDING_OPERATION.variables,
          })
        : ApolloServerPluginLandingPageDisabled(),
      // Ours instead of Apollo's: one policy per request, not one per field (cache/cache-policy.plugin.ts).
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin(config.httpCacheMaxAgeSeconds),
      releasePlugin({ watcher, announce: caches.announce }),
      // Before the response cache: it marks patient requests, which the cache then neither reads nor writes.
      patientPrivacyPlugin(),
      ...(caches.responses
        ? responseCachePlugins({
            watcher,
            cache: caches.responses,
            available: caches.available,
            onOutcome: (result) => metrics.responseCache.inc({ result }),
          })
        : []),
      ...(safelist ? [safelistPlugin<RequestContext>(safelist)] : []),
      complexityPlugin(limits.maxCost),
      queryStatsPlugin(),
      requestStatePlugin(),
    ],
  });
  await apollo.start();
  await caches.start(watcher);
  await watcher.start();

  // One queue per replica: at most HTTP_MAX_CONCURRENT_OPERATIONS operations execute at once (0: no cap). Node runs
  // admitted operations by turns on one thread, so past a few more of them only stretch each one and hold their live
  // data (and Neo4j transactions) at the same time; queued, an operation waits and then runs as if alone.
  const operations = limits.maxConcurrentOperations > 0 ? admission(limits.maxConcurrentOperations) : null;
  if (operations) metrics.watchAdmission(operations);
  let stopping = false;
  const sendReadiness = createReadiness(connection);
  const handleGraphQL = createGraphQLHandler({
    apollo,
    bodyLimitBytes: config.bodyLimitBytes,
    requestTimeoutMs: limits.requestTimeoutMs,
    ...(operations ? { admission: operations } : {}),
    ...(safelist ? { allowsDocument: safelistAllows(safelist) } : {}),
    context: async (request, signal, info, caller) =>
      // The request's own cap on database work at once (REQUEST_MAX_CONCURRENT_QUERIES), inside its deadline.
      createRequestContext(decorate(database, concurrencyCap(limits.maxConcurrentQueries).around), {
        debug: config.debugHeader && request.headers["x-paingraph-debug"] === "1",
        loaderBatchSize: config.loaderBatchSize,
        info,
        // Reads start from the newest write this replica knows of (its own or another's, see ReleaseWatcher).
        // Each read is one auto-commit statement: one round trip, and a pooled connection held only while it runs.
        scope: { signal, bookmarks: { value: watcher.bookmarks() }, autoCommitReads: true },
        // Validated at the door (src/limits/rate-limit-keys.ts): invalid credentials never get this far.
        principal: caller.principal,
        chargeTokens: (tokens) => chargeTokens(caller.store, caller.keys, tokens),
        shared,
      }),
  });
  httpServer.on(
    "request",
    createRouter({
      config,
      logger,
      metrics,
      limiter: !config.rateLimit.enabled
        ? null
        : caches.tier
          ? sharedLimiter(config.rateLimit, caches.tier, () => metrics.rateLimiterFallback.inc())
          : inProcessLimiter(config.rateLimit),
      routes: {
        graphql: handleGraphQL,
        health: sendHealth,
        ready: (response) => sendReadiness(response, stopping),
        downloads: createDownloadsHandler(() => readReleaseFiles(database)),
      },
    }),
  );

  const metricsServer =
    config.metrics && config.metricsPort !== null ? http.createServer(createMetricsListener(metrics)) : null;
  let metricsUrl: string | null = null;

  return {
    listen: async () => {
      if (metricsServer) metricsUrl = await listenOn(metricsServer, config.metricsPort!, config.host);
      return listenOn(httpServer, config.port, config.host);
    },
    metricsUrl: () => metricsUrl,
    stop: async () => {
      stopping = true;
      metricsServer?.close();
      metricsServer?.closeAllConnections();
      watcher.stop();
      await apollo.stop();
      await caches.close();
    },
  };
}

/**
 * node:http with every timeout set: headers, the whole request (REQUEST_TIMEOUT_MS also bounds the body; the
 * GraphQL handler answers first with a typed 408, Node's own check is the backstop), idle keep-alive, and a
 * connection cap. Node checks the request timeouts on an interval, kept short enough for second-scale settings.
 */
function createHttpServer(config: Readonly<Config>): http.Server {
  const requestTimeout = config.limits.requestTimeoutMs + 1000;
  const headersTimeout = Math.min(config.http.headersTimeoutMs, requestTimeout);
  const server = http.createServer({
    requestTimeout,
    headersTimeout,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(100, Math.floor(headersTimeout / 4)),
  });
  server.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  server.maxConnections = config.http.maxConnections;
  return server;
}

function listenOn(server: http.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve(`http://${host.includes(":") ? `[${host}]` : host}:${bound}`);
    });
  });
}
