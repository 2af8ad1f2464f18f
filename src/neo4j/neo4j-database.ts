/**
 * The Database port over the driver: one session per query or transaction (so a request's deadline can close it),
 * read/write routing, the database name on every session, Integer conversion and error mapping.
 */
import {
  isRetryableError,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Session,
} from "neo4j-driver";
import { toDriverParams, toNative } from "./convert";
import type {
  Database,
  Params,
  RequestScope,
  Row,
  TransactionOptions,
  WriteCounters,
  WriteTransaction,
} from "./database";
import { mapNeo4jError } from "./errors";

export interface DatabaseOptions {
  database: string;
  transactionTimeoutMs: number;
}

type Access = "READ" | "WRITE";

/** The mean pause before a request's read is retried; the driver's own managed retry starts at 1 s. */
const RETRY_PAUSE_MS = 100;

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
  /** Sessions in use now: closed at once when the request's signal aborts. */
  private readonly open = new Set<Session>();

  constructor(
    private readonly driver: Driver,
    private readonly options: DatabaseOptions,
    private readonly requestScope: RequestScope = {},
  ) {
    // One listener per request, however many queries it runs at once.
    requestScope.signal?.addEventListener("abort", () => this.closeOpenSessions(), { once: true });
  }

  scope(scope: RequestScope): Database {
    return new Neo4jDatabase(this.driver, this.options, scope);
  }

  async read<T extends Row>(cypher: string, params: Params = {}): Promise<T[]> {
    if (this.requestScope.autoCommitReads) return this.readAutoCommit<T>(cypher, params);
    return this.inSession("READ", (session) =>
      session.executeRead((tx) => tx.run(cypher, toDriverParams(params) as Params), this.txConfig()),
    ).then(rowsOf<T>);
  }

  async write<T extends Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.inSession("WRITE", (session) =>
      session.executeWrite((tx) => tx.run(cypher, toDriverParams(params) as Params), this.txConfig()),
    ).then(rowsOf<T>);
  }

  async writeTransaction<R>(
    work: (tx: WriteTransaction) => Promise<R>,
    options: TransactionOptions = {},
  ): Promise<R> {
    const timeout = options.timeoutMs ?? this.options.transactionTimeoutMs;
    return this.inSession("WRITE", (session) =>
      session.executeWrite((tx) => work(new CountingTransaction(tx)), { timeout }),
    );
  }

  async schema(cypher: string, params: Params = {}): Promise<void> {
    await this.inSession("WRITE", (session) => session.run(cypher, toDriverParams(params) as Params));
  }

  /**
   * Opens a session for one unit of work, closes it when the work ends or the request's signal aborts; `retries`
   * runs work again in a new session after a retryable failure.
   */
  private async inSession<R>(
    access: Access,
    work: (session: Session) => Promise<R>,
    retries = 0,
  ): Promise<R> {
    const { signal } = this.requestScope;
    signal?.throwIfAborted();
    const session = this.openSession(access);
    try {
      const result = await work(session);
      this.keepBookmarks(session);
      return result;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (retries === 0 || !isRetryableError(error)) throw mapNeo4jError(error);
    } finally {
      await this.release(session);
    }
    // A retryable failure (a connection lost, a leader switch, Neo4j's transaction memory full for a moment): once
    // more, in a new session, after a short jittered pause so a burst of retries does not meet the same peak.
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS * (0.5 + Math.random())));
    return this.inSession(access, work, retries - 1);
  }

  /**
   * A read as one auto-commit statement: RUN and PULL go out in one write and come back in one round trip, with no
   * BEGIN or COMMIT, and the pooled connection is held only while the statement runs. One retry (inSession) stands
   * in for the driver's managed retry.
   */
  private async readAutoCommit<T extends Row>(cypher: string, params: Params): Promise<T[]> {
    const run = async (session: Session): Promise<QueryResult> =>
      await withoutCallSite(() => session.run(cypher, toDriverParams(params) as Params, this.txConfig()));
    return this.inSession("READ", run, 1).then(rowsOf<T>);
  }

  private async release(session: Session): Promise<void> {
    this.open.delete(session);
    await session.close();
  }

  private openSession(access: Access): Session {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: access,
      ...(this.requestScope.bookmarks ? { bookmarks: this.requestScope.bookmarks.value } : {}),
    });
    this.open.add(session);
    return session;
  }

  private closeOpenSessions(): void {
    for (const session of this.open) void session.close();
    this.open.clear();
  }

  private keepBookmarks(session: Session): void {
    if (this.requestScope.bookmarks) this.requestScope.bookmarks.value = session.lastBookmarks();
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

/**
 * The driver formats a stack trace for every statement, begin and commit, to give a failure its call site: 5 % of a
 * W1 request's CPU (bench/results/profile-w1-before-call-site.txt). On the request's read path a failure keeps its
 * code and message (all that mapNeo4jError, formatError and the log read); only the driver's copy of the call site
 * goes, which is not worth that price.
 */
function withoutCallSite<T>(call: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return call();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function rowsOf<T extends Row>(result: Pick<QueryResult, "records">): T[] {
  return result.records.map((record) => toNative(record.toObject()) as T);
}
