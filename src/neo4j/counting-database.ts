/** A per-request view of the Database that counts Cypher round trips (exposed as queryStats). */
import type { Database, Params, Row, TransactionOptions, WriteTransaction } from "./database";

export class CountingDatabase implements Database {
  private trips = 0;

  constructor(private readonly inner: Database) {}

  /** Round trips made so far through this view. */
  get roundTrips(): number {
    return this.trips;
  }

  read<T extends Row>(cypher: string, params?: Params): Promise<T[]> {
    this.trips += 1;
    return this.inner.read<T>(cypher, params);
  }

  write<T extends Row>(cypher: string, params?: Params): Promise<T[]> {
    this.trips += 1;
    return this.inner.write<T>(cypher, params);
  }

  writeTransaction<R>(work: (tx: WriteTransaction) => Promise<R>, options?: TransactionOptions): Promise<R> {
    return this.inner.writeTransaction(
      (tx) =>
        work({
          run: <T extends Row>(cypher: string, params?: Params) => {
            this.trips += 1;
            return tx.run<T>(cypher, params);
          },
          get counters() {
            return tx.counters;
          },
        }),
      options,
    );
  }

  schema(cypher: string, params?: Params): Promise<void> {
    this.trips += 1;
    return this.inner.schema(cypher, params);
  }
}
