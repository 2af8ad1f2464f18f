/**
 * The Database port: what repositories, the write model and the server know of Neo4j. Its one implementation
 * (neo4j-database.ts) owns sessions, routing, Integer conversion and error mapping; decorate.ts wraps it.
 * src/neo4j/ is the bottom layer: it may import only ../errors and neo4j-driver.
 */
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

export interface TransactionOptions {
  /** Server-side timeout for this transaction; batch jobs (seeding) allow more than a request's default. */
  timeoutMs?: number;
}

/** Bookmarks a request's sessions start from; after each session they hold the newest the server returned. */
export interface BookmarkHolder {
  value: string[];
}

/** How one request's queries run; every field is optional and the default is one transaction per query. */
export interface RequestScope {
  /**
   * Aborting it refuses the request's further queries and ends those in flight (their sessions close, the server
   * rolls their transactions back). A query refused or ended this way rejects with `signal.reason`.
   */
  signal?: AbortSignal;
  /** Causal consistency across servers and clusters: reads wait for these; writes replace them. */
  bookmarks?: BookmarkHolder;
  /**
   * Runs each read() as one auto-commit statement in a READ session (one round trip, no BEGIN or COMMIT), retried
   * once on a retryable failure. Neo4j reads are read-committed inside a transaction too, so a request gains no
   * consistency by sharing one; without this flag each read is a managed read transaction, retried by the driver.
   */
  autoCommitReads?: boolean;
}

export interface Database {
  read<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
  write<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
  /** Runs work in one write transaction, retried on transient failures; all or nothing. */
  writeTransaction<R>(work: (tx: WriteTransaction) => Promise<R>, options?: TransactionOptions): Promise<R>;
  /** Runs a schema statement (constraints, indexes) in its own auto-commit transaction. */
  schema(cypher: string, params?: Params): Promise<void>;
  /** A view of this database for one request (see RequestScope); it holds nothing open between statements. */
  scope(scope: RequestScope): Database;
}

/** Totals of the counters: zero means a write changed nothing. */
export function totalChanges(counters: WriteCounters): number {
  return Object.values(counters).reduce((sum, count) => sum + count, 0);
}
