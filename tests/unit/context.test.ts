import { createRequestContext } from "../../src/context";
import { decorate, type Call } from "../../src/neo4j/decorate";
import { FakeDatabase, reversedKeyRows } from "../support/fake-database";

const condition = (key: string) => ({ id: key, name: key, __label: "Condition" });

describe("the request context", () => {
  it("serves loads after refreshLoaders() from new loaders, even on the copy Apollo gives the operation", async () => {
    const db = new FakeDatabase(reversedKeyRows(condition));
    const context = createRequestContext(db, { debug: false, loaderBatchSize: 100 });
    // Apollo runs each operation on a shallow copy of the context object.
    const operation = { ...context };
    await operation.loaders.graph.entityById.load("condition:a");
    await operation.loaders.graph.entityById.load("condition:a");
    expect(db.calls).toHaveLength(1);

    operation.refreshLoaders();
    await operation.loaders.graph.entityById.load("condition:a");
    expect(db.calls).toHaveLength(2);
  });

  it("counts every Cypher round trip of the request in its state", async () => {
    const context = createRequestContext(new FakeDatabase(reversedKeyRows(condition)), {
      debug: true,
      loaderBatchSize: 100,
    });
    await context.loaders.graph.entityById.loadMany(["condition:a", "condition:b"]);
    await context.db.writeTransaction(async (tx) => {
      await tx.run("RETURN 1");
      await tx.run("RETURN 2");
    });
    expect(context.state.info.roundTrips).toBe(3);
    expect(context.state.debug).toBe(true);
  });

  it("gives each feature's repositories, loaders and services to the request", () => {
    const context = createRequestContext(new FakeDatabase(), { debug: false, loaderBatchSize: 100 });
    expect(Object.keys(context.repositories).sort()).toEqual(
      [
        "catalog",
        "conditions",
        "curation",
        "dataExport",
        "dataRelease",
        "entities",
        "paths",
        "precautions",
        "recommend",
        "recommendations",
        "relations",
        "search",
        "treatments",
      ].sort(),
    );
    expect(Object.keys(context.loaders).sort()).toEqual(["catalog", "evidence", "graph"]);
    expect(Object.keys(context.services)).toEqual(["curation"]);
  });
});

describe("decorate", () => {
  it("calls around once per query, transaction and statement, in order, and returns what the database returns", async () => {
    const calls: string[] = [];
    const database = decorate(new FakeDatabase(() => [{ n: 1 }]), (call: Call, proceed) => {
      calls.push(
        call.kind === "transaction" ? "transaction" : `${call.kind} ${"cypher" in call ? call.cypher : ""}`,
      );
      return proceed();
    });
    expect(await database.read("RETURN 1 AS n")).toEqual([{ n: 1 }]);
    await database.writeTransaction((tx) => tx.run("CREATE (x)"));
    await database.schema("CREATE INDEX");
    expect(calls).toEqual([
      "query RETURN 1 AS n",
      "transaction",
      "statement CREATE (x)",
      "schema CREATE INDEX",
    ]);
  });

  it("lets a decoration refuse a call before it reaches the database", async () => {
    const inner = new FakeDatabase();
    const refusing = decorate(inner, () => Promise.reject(new Error("refused")));
    await expect(refusing.read("RETURN 1")).rejects.toThrow("refused");
    expect(inner.calls).toEqual([]);
  });

  it("keeps decorating the views scope() makes", async () => {
    let seen = 0;
    const database = decorate(new FakeDatabase(), (_call, proceed) => {
      seen += 1;
      return proceed();
    });
    await database.scope({ signal: new AbortController().signal }).read("RETURN 1");
    expect(seen).toBe(1);
  });
});
