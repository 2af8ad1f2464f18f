/** Owns the process's one Neo4j driver: creates it from config, checks reachability, closes it. */
import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jConfig } from "../config";
import { toDriverParams } from "./convert";
import type { Database, Params } from "./database";
import { Neo4jDatabase } from "./neo4j-database";

/** Most connections the driver opens to Neo4j (reported by /metrics). */
export const MAX_CONNECTION_POOL_SIZE = 50;

export interface Neo4jConnection {
  readonly database: Database;
  /** True when Neo4j answers a trivial query within the connection timeout. */
  isReachable(): Promise<boolean>;
  /** The operators of the plan Neo4j would run for a statement (EXPLAIN; nothing runs): how tests prove index use. */
  planOperators(cypher: string, params?: Params): Promise<string[]>;
  close(): Promise<void>;
}

export function connectNeo4j(config: Neo4jConfig): Neo4jConnection {
  const driver = createDriver(config);
  const database = new Neo4jDatabase(driver, {
    database: config.database,
    transactionTimeoutMs: config.transactionTimeoutMs,
  });
  return {
    database,
    isReachable: () => isReachable(driver, config.database),
    planOperators: (cypher, params = {}) => planOperators(driver, config.database, cypher, params),
    close: () => driver.close(),
  };
}

function createDriver(config: Neo4jConfig): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Fail fast while Neo4j is down instead of letting requests hang.
    connectionTimeout: config.connectionTimeoutMs,
    connectionAcquisitionTimeout: config.connectionTimeoutMs,
    maxConnectionPoolSize: MAX_CONNECTION_POOL_SIZE,
    maxTransactionRetryTime: config.maxRetryTimeMs,
    // Nothing leaves the machine: the driver would otherwise report API usage to the server.
    telemetryDisabled: true,
    disableLosslessIntegers: false,
    userAgent: "paingraph/0.1",
  });
}

async function isReachable(driver: Driver, database: string): Promise<boolean> {
  try {
    await driver.executeQuery("RETURN 1 AS ok", {}, { database, routing: neo4j.routing.READ });
    return true;
  } catch {
    return false;
  }
}

async function planOperators(
  driver: Driver,
  database: string,
  cypher: string,
  params: Params,
): Promise<string[]> {
  const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, toDriverParams(params) as Params, {
    database,
    routing: neo4j.routing.READ,
  });
  const operators: string[] = [];
  const visit = (plan: { operatorType: string; children: unknown[] }) => {
    // "NodeIndexScan@neo4j" → "NodeIndexScan"
    operators.push(plan.operatorType.replace(/@.*$/, ""));
    for (const child of plan.children) visit(child as typeof plan);
  };
  if (summary.plan) visit(summary.plan);
  return operators;
}
