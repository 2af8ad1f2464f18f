import { concurrencyCap } from "../../src/limits/concurrency";
import type { Database } from "../../src/neo4j/database";
import { decorate } from "../../src/neo4j/decorate";

/** A database whose every call takes a few milliseconds and records how many ran at once. */
function slowDatabase() {
  const seen = { running: 0, most: 0 };
  const slowly = async <T>(value: T): Promise<T> => {
    seen.running += 1;
    seen.most = Math.max(seen.most, seen.running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    seen.running -= 1;
    return value;
  };
  const database: Database = {
    read: async <T>(cypher: string) => slowly([{ cypher }] as T[]),
    write: async <T>(cypher: string) => slowly([{ cypher }] as T[]),
    writeTransaction: async (work) =>
      slowly(null).then(() => work({ run: async () => [], counters: {} as never })),
    schema: async () => undefined,
    scope: () => database,
  };
  return { database, seen };
}

describe("the per-request concurrency cap", () => {
  it("runs at most `limit` database calls at once and answers every one, in order", async () => {
    const { database, seen } = slowDatabase();
    const cap = concurrencyCap(3);
    const capped = decorate(database, cap.around);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => capped.read(`q${i}`)));
    expect(answers.map(([row]) => row!.cypher)).toEqual(Array.from({ length: 20 }, (_, i) => `q${i}`));
    expect([seen.most, cap.peak()]).toEqual([3, 3]);
  });

  it("is what makes the difference: without it the same calls all run at once", async () => {
    const { database, seen } = slowDatabase();
    await Promise.all(Array.from({ length: 20 }, (_, i) => database.read(`q${i}`)));
    expect(seen.most).toBe(20);
  });

  it("frees the slot when a call fails, and counts a write transaction as one call", async () => {
    const failing = decorate(
      {
        ...slowDatabase().database,
        read: async () => {
          throw new Error("boom");
        },
      },
      concurrencyCap(1).around,
    );
    await expect(failing.read("a")).rejects.toThrow("boom");
    await expect(failing.read("b")).rejects.toThrow("boom");
    const { database, seen } = slowDatabase();
    const capped = decorate(database, concurrencyCap(1).around);
    await Promise.all([capped.writeTransaction(async (tx) => tx.run("x")), capped.read("y")]);
    expect(seen.most).toBe(1);
  });
});
