/**
 * The Database port: the one owner of the driver's sessions, read/write routing, the database name,
 * Integer conversion and error mapping. Repositories talk to Neo4j only through it.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from "neo4j-driver";
import { toDriverParams, toNative } from "./convert";
import { mapNeo4jError } from "./errors";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** What a write changed, from the driver's update counters. */
export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
  indexesAdded: number;
  constraintsAdded: number;
}

/** A running write transaction: every statement commits together or not at all. */
export interface WriteTransaction {
  run<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
  readonly counters: WriteCounters;
}

export interface Database {
  read<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
  write<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
  /** Runs work in one write transaction, retried on transient failures; all or nothing. */
  writeTransaction<R>(work: (tx: WriteTransaction) => Promise<R>, options?: TransactionOptions): Promise<R>;
  /** Runs a schema statement (constraints, indexes) in its own auto-commit transaction. */
  schema(cypher: string, params?: Params): Promise<void>;
}

export interface TransactionOptions {
  /** Server-side timeout for this transaction; batch jobs (seeding) allow more than a request's default. */
  timeoutMs?: number;
}

export interface DatabaseOptions {
  database: string;
  transactionTimeoutMs: number;
}

const ZERO_COUNTERS: WriteCounters = {
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
  labelsAdded: 0,
  labelsRemoved: 0,
  indexesAdded: 0,
  constraintsAdded: 0,
};

export class Neo4jDatabase implements Database {
  constructor(
    private readonly driver: Driver,
    private readonly options: DatabaseOptions,
  ) {}

  async read<T extends Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.execute<T>(cypher, params, neo4j.routing.READ);
  }

  async write<T extends Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.execute<T>(cypher, params, neo4j.routing.WRITE);
  }

  async writeTransaction<R>(
    work: (tx: WriteTransaction) => Promise<R>,
    options: TransactionOptions = {},
  ): Promise<R> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: "WRITE" });
    try {
      const timeout = options.timeoutMs ?? this.options.transactionTimeoutMs;
      return await session.executeWrite((tx) => work(new CountingTransaction(tx)), { timeout });
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  async schema(cypher: string, params: Params = {}): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: "WRITE" });
    try {
      await session.run(cypher, toDriverParams(params) as Params);
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  private async execute<T extends Row>(
    cypher: string,
    params: Params,
    routing: "READ" | "WRITE",
  ): Promise<T[]> {
    try {
      const result = await this.driver.executeQuery(cypher, toDriverParams(params) as Params, {
        database: this.options.database,
        routing,
        transactionConfig: this.txConfig(),
      });
      return rowsOf<T>(result);
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  private txConfig() {
    return { timeout: this.options.transactionTimeoutMs };
  }
}

class CountingTransaction implements WriteTransaction {
  readonly counters: WriteCounters = { ...ZERO_COUNTERS };
  constructor(private readonly tx: ManagedTransaction) {}

  async run<T extends Row>(cypher: string, params: Params = {}): Promise<T[]> {
    const result = await this.tx.run(cypher, toDriverParams(params) as Params);
    const updates = result.summary.counters.updates();
    for (const key of Object.keys(this.counters) as Array<keyof WriteCounters>) {
      this.counters[key] += updates[key] ?? 0;
    }
    return rowsOf<T>(result);
  }
}

function rowsOf<T extends Row>(result: Pick<QueryResult, "records">): T[] {
  return result.records.map((record) => toNative(record.toObject()) as T);
}

/** Totals of the counters: zero means a write changed nothing. */
export function totalChanges(counters: WriteCounters): number {
  return Object.values(counters).reduce((sum, count) => sum + count, 0);
}
