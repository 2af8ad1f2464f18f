/** A Database that records every statement and answers from a script: for Cypher snapshots and loader tests. */
import type { Database, Params, Row, WriteTransaction } from "../../src/neo4j/database";

export interface RecordedCall {
  cypher: string;
  params: Params;
}

export class FakeDatabase implements Database {
  readonly calls: RecordedCall[] = [];

  constructor(private readonly answer: (cypher: string, params: Params) => Row[] = () => []) {}

  async read<T extends Row>(cypher: string, params: Params = {}): Promise<T[]> {
    this.calls.push({ cypher, params });
    return this.answer(cypher, params) as T[];
  }

  write<T extends Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.read<T>(cypher, params);
  }

  async writeTransaction<R>(work: (tx: WriteTransaction) => Promise<R>): Promise<R> {
    return work({
      run: (cypher, params) => this.read(cypher, params),
      counters: {} as WriteTransaction["counters"],
    });
  }

  async schema(cypher: string, params: Params = {}): Promise<void> {
    this.calls.push({ cypher, params });
  }

  scope(): Database {
    return this;
  }
}

/** Answers batched look-ups `UNWIND $ids AS key` with one row per id, deliberately in reverse order. */
export function reversedKeyRows(item: (key: string) => unknown) {
  return (_cypher: string, params: Params): Row[] =>
    [...((params.ids as string[]) ?? [])]
      .reverse()
      .map((key) => ({ key, items: [item(key)], node: item(key) }));
}
