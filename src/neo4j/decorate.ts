/**
 * The one way to wrap the Database port: decorate(database, around) calls `around` for every query, transaction
 * and statement, with a `proceed` that runs it. Round-trip counting, request metrics and test fault injection are
 * all decorations; none re-implements the port.
 */
import type { Database, Params, Row, TransactionOptions, WriteTransaction } from "./database";

export type Access = "READ" | "WRITE";

/** One unit of work about to reach Neo4j. */
export type Call =
  /** A statement in a transaction of its own (read, write). */
  | { kind: "query"; access: Access; cypher: string; params: Params }
  /** A schema statement (constraints, indexes). */
  | { kind: "schema"; cypher: string; params: Params }
  /** A whole write transaction: it holds one connection until it commits. */
  | { kind: "transaction"; access: Access }
  /** One statement inside a transaction. */
  | { kind: "statement"; cypher: string; params: Params };

/** Runs `proceed` (or refuses to) and returns what it returns; must not change the result's type. */
export type Around = <R>(call: Call, proceed: () => Promise<R>) => Promise<R>;

/** A call that costs one Cypher round trip: every one but the transaction that groups statements. */
export const isRoundTrip = (call: Call): boolean => call.kind !== "transaction";

/** A call that holds a pooled connection while it runs: every one but a statement inside a transaction. */
export const holdsConnection = (call: Call): boolean => call.kind !== "statement";

export function decorate(database: Database, around: Around): Database {
  return {
    read: <T extends Row>(cypher: string, params: Params = {}) =>
      around({ kind: "query", access: "READ", cypher, params }, () => database.read<T>(cypher, params)),
    write: <T extends Row>(cypher: string, params: Params = {}) =>
      around({ kind: "query", access: "WRITE", cypher, params }, () => database.write<T>(cypher, params)),
    schema: (cypher: string, params: Params = {}) =>
      around({ kind: "schema", cypher, params }, () => database.schema(cypher, params)),
    writeTransaction: <R>(work: (tx: WriteTransaction) => Promise<R>, options?: TransactionOptions) =>
      around({ kind: "transaction", access: "WRITE" }, () =>
        database.writeTransaction((tx) => work(decorateTransaction(tx, around)), options),
      ),
    scope: (scope) => decorate(database.scope(scope), around),
  };
}

function decorateTransaction(tx: WriteTransaction, around: Around): WriteTransaction {
  return {
    run: <T extends Row>(cypher: string, params: Params = {}) =>
      around({ kind: "statement", cypher, params }, () => tx.run<T>(cypher, params)),
    get counters() {
      return tx.counters;
    },
  };
}
