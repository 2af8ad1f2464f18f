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
  type Transaction,
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

interface SharedRead {
  session: Session;
  tx: Transaction;
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
  /** The request's one read transaction, opened by its first read when the scope asks for it. */
  private sharedRead: Promise<SharedRead> | null = null;
  /** After end(): a late read runs on its own, so nothing is left open that no one would close. */
  private ended = false;
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
    if (this.requestScope.readTransaction && !this.ended) return this.readShared<T>(cypher, params);
    return this.inSession("READ", (session) =>
      session.executeRead((tx) => tx.run(cypher, toDriverParams(params) as Params), this.txConfig()),
    ).then(rowsOf<T>);
  }

  async write<T extends Row>(cypher: string, params: Params = {}): Promise<T[]> {
    // Reads after a write start a new read transaction, from the write's bookmarks.
    await this.endSharedRead();
    return this.inSession("WRITE", (session) =>
      session.executeWrite((tx) => tx.run(cypher, toDriverParams(params) as Params), this.txConfig()),
    ).then(rowsOf<T>);
  }

  async writeTransaction<R>(
    work: (tx: WriteTransaction) => Promise<R>,
    options: TransactionOptions = {},
  ): Promise<R> {
    await this.endSharedRead();
    const timeout = options.timeoutMs ?? this.options.transactionTimeoutMs;
    return this.inSession("WRITE", (session) =>
      session.executeWrite((tx) => work(new CountingTransaction(tx)), { timeout }),
    );
  }

  async schema(cypher: string, params: Params = {}): Promise<void> {
    await this.inSession("WRITE", (session) => session.run(cypher, toDriverParams(params) as Params));
  }

  async end(): Promise<void> {
    this.ended = true;
    await this.endSharedRead();
  }

  /** Commits the request's read transaction, if one is open (reads only: nothing to lose), and frees its session. */
  private async endSharedRead(): Promise<void> {
    const shared = this.sharedRead;
    this.sharedRead = null;
    if (!shared) return;
    try {
      const { session, tx } = await shared;
      await withoutCallSite(() => tx.commit()).catch(() => undefined);
      this.keepBookmarks(session);
      await this.release(session);
    } catch {
      // The transaction never opened, or the deadline already closed it: nothing is left to end.
    }
  }

  /** Opens a session for one unit of work, closes it when the work ends or the request's signal aborts. */
  private async inSession<R>(access: Access, work: (session: Session) => Promise<R>): Promise<R> {
    const { signal } = this.requestScope;
    signal?.throwIfAborted();
    const session = this.openSession(access);
    try {
      const result = await work(session);
      this.keepBookmarks(session);
      return result;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw mapNeo4jError(error);
    } finally {
      this.open.delete(session);
      await session.close();
    }
  }

  /**
   * A read in the request's one transaction: BEGIN goes out with the first statement, COMMIT at end(). The driver's
   * managed retry is replaced by one retry here: a statement that fails with a retryable error (a connection lost,
   * a leader switch) drops the transaction, and the statement runs again in a new one.
   */
  private async readShared<T extends Row>(cypher: string, params: Params, attempt = 0): Promise<T[]> {
    const { signal } = this.requestScope;
    signal?.throwIfAborted();
    const shared = (this.sharedRead ??= this.openSharedRead());
    try {
      const { tx } = await shared;
      return rowsOf<T>(await withoutCallSite(() => tx.run(cypher, toDriverParams(params) as Params)));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // A failed statement ends its transaction: the request's later reads must not inherit it.
      if (this.sharedRead === shared) {
        this.sharedRead = null;
        void shared.then(({ session }) => this.release(session)).catch(() => undefined);
      }
      if (attempt === 0 && isRetryableError(error)) return this.readShared<T>(cypher, params, 1);
      throw mapNeo4jError(error);
    }
  }

  private async openSharedRead(): Promise<SharedRead> {
    const session = this.openSession("READ");
    const tx = withoutCallSite(() => session.beginTransaction(this.txConfig()));
    return { session, tx };
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
