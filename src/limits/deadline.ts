/**
 * The per-request deadline: a Database view that refuses new queries once the request's time is up, so an
 * abandoned request stops reaching Neo4j (each query already running is bounded by NEO4J_TX_TIMEOUT_MS).
 */
import { GraphQLError } from "graphql";
import { LimitCode } from "../errors";
import type { Database, Params, Row, TransactionOptions, WriteTransaction } from "../neo4j/database";

export class RequestTimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(`The request took longer than ${timeoutMs} ms and was stopped; try a narrower request.`, {
      extensions: { code: LimitCode.REQUEST_TIMEOUT, timeoutMs, http: { status: 503 } },
    });
  }
}

export class DeadlineDatabase implements Database {
  constructor(
    private readonly inner: Database,
    private readonly signal: AbortSignal,
    private readonly timeoutMs: number,
  ) {}

  read<T extends Row>(cypher: string, params?: Params): Promise<T[]> {
    return this.guard(() => this.inner.read<T>(cypher, params));
  }

  write<T extends Row>(cypher: string, params?: Params): Promise<T[]> {
    return this.guard(() => this.inner.write<T>(cypher, params));
  }

  writeTransaction<R>(work: (tx: WriteTransaction) => Promise<R>, options?: TransactionOptions): Promise<R> {
    return this.guard(() => this.inner.writeTransaction(work, options));
  }

  schema(cypher: string, params?: Params): Promise<void> {
    return this.guard(() => this.inner.schema(cypher, params));
  }

  private async guard<R>(run: () => Promise<R>): Promise<R> {
    if (this.signal.aborted) throw new RequestTimeoutError(this.timeoutMs);
    return run();
  }
}
