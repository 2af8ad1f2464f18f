/**
 * Prometheus metrics (prom-client) on a registry of this server's own: requests, latency and Cypher round
 * trips by operation, errors by code, Neo4j queries in flight, plus Node's default process metrics.
 * Folder observability/ (server layer): the request log and metrics; reads RequestInfo, never the context.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Admission } from "../limits/admission";
import { type Around, holdsConnection } from "../neo4j/decorate";
import type { RequestInfo } from "../request-info";

/** Operation names are client-chosen: past this many distinct ones, new names are counted as "other". */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: "paingraph_http_requests_total",
    help: "HTTP requests answered, by route, method, status and GraphQL operation name.",
    labelNames: ["route", "method", "status", "operation"] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: "paingraph_http_request_duration_seconds",
    help: "Time from receiving a request to finishing its response, by route and GraphQL operation name.",
    labelNames: ["route", "operation"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: "paingraph_errors_total",
    help: "Errors returned to clients, by extensions.code.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  private readonly roundTrips = new Histogram({
    name: "paingraph_cypher_round_trips",
    help: "Cypher round trips per GraphQL request, by operation name.",
    labelNames: ["operation"] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55],
    registers: [this.registry],
  });
  private readonly queriesInFlight = new Gauge({
    name: "paingraph_neo4j_queries_in_flight",
    help: "Neo4j queries running now; each holds one pooled connection (the driver exposes no pool statistics).",
    registers: [this.registry],
  });
  readonly responseCache = new Counter({
    name: "paingraph_response_cache_total",
    help: "Query operations by how the response cache served them: hit, miss (executed and stored) or bypass.",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });
  readonly sharedTierUp = new Gauge({
    name: "paingraph_redis_up",
    help: "1 while the shared tier (REDIS_URL) answers, 0 while the API runs on its in-process fallback.",
    registers: [this.registry],
  });
  readonly rateLimiterFallback = new Counter({
    name: "paingraph_rate_limiter_fallback_total",
    help: "Rate-limit decisions taken in-process because Redis did not answer.",
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: "paingraph_rate_limited_total",
    help: "Requests refused with 429 by the per-client rate limit.",
    registers: [this.registry],
  });

  constructor(neo4jPoolSize: number) {
    new Gauge({
      name: "paingraph_neo4j_pool_max_connections",
      help: "Size of the Neo4j driver's connection pool.",
      registers: [this.registry],
    }).set(neo4jPoolSize);
    collectDefaultMetrics({ register: this.registry, prefix: "paingraph_" });
  }

  observe(info: RequestInfo, status: number): void {
    const operation = this.operationLabel(info.operationName);
    const seconds = (performance.now() - info.startedAt) / 1000;
    this.requests.inc({ route: info.route, method: info.method, status: String(status), operation });
    this.duration.observe({ route: info.route, operation }, seconds);
    for (const code of info.errorCodes) this.errors.inc({ code });
    if (info.operationName !== null) this.roundTrips.observe({ operation }, info.roundTrips);
  }

  /** Reports the admission queue (HTTP_MAX_CONCURRENT_OPERATIONS): operations running and waiting, read when scraped. */
  watchAdmission(admission: Admission): void {
    this.readOnScrape(
      "paingraph_graphql_operations_running",
      "GraphQL operations executing now (at most HTTP_MAX_CONCURRENT_OPERATIONS).",
      admission.running,
    );
    this.readOnScrape(
      "paingraph_graphql_operations_waiting",
      "GraphQL operations waiting for their turn to execute (HTTP_MAX_CONCURRENT_OPERATIONS).",
      admission.waiting,
    );
  }

  /** A decoration for the process's Database (decorate()): counts the queries holding a connection now. */
  readonly aroundQueries: Around = (call, proceed) => {
    if (!holdsConnection(call)) return proceed();
    this.queriesInFlight.inc();
    return proceed().finally(() => this.queriesInFlight.dec());
  };

  /** A gauge whose value is read at each scrape. */
  private readOnScrape(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  private operationLabel(name: string | null): string {
    if (name === null) return "-";
    if (name === "anonymous") return name;
    if (!OPERATION_NAME.test(name)) return "invalid";
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return "other";
    this.operations.add(name);
    return name;
  }
}
