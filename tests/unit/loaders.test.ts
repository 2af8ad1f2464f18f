import { ParameterisedLoader, simpleLoader } from "../../src/graph/loader-kit";
import { EntityRepository } from "../../src/graph/entity.repository";
import { GraphLoaders } from "../../src/graph/graph.loaders";
import { RelationRepository } from "../../src/graph/relation.repository";
import { FakeDatabase, reversedKeyRows } from "../support/fake-database";

describe("simpleLoader", () => {
  it("sends the keys of one tick as one batch and returns one slot per key, in key order", async () => {
    const calls: string[][] = [];
    const loader = simpleLoader(
      async (ids) => {
        calls.push([...ids]);
        return ids.map((id) => id.toUpperCase());
      },
      { maxBatchSize: 1000 },
    );
    const values = await Promise.all([
      loader.load("a"),
      loader.load("b"),
      loader.load("a"),
      loader.load("c"),
    ]);
    expect(calls).toEqual([["a", "b", "c"]]);
    expect(values).toEqual(["A", "B", "A", "C"]);
  });

  it("sends one key per batch when batching is off (the N+1 baseline)", async () => {
    const calls: string[][] = [];
    const loader = simpleLoader(
      async (ids) => {
        calls.push([...ids]);
        return [...ids];
      },
      { maxBatchSize: 1 },
    );
    await Promise.all([loader.load("a"), loader.load("b")]);
    expect(calls).toEqual([["a"], ["b"]]);
  });
});

describe("ParameterisedLoader", () => {
  it("answers what a parent primed as it is (no promise, no call), keeps an answer already asked, and forgets on clear", async () => {
    const calls: string[][] = [];
    const loader = new ParameterisedLoader<string, string>(
      async (ids) => {
        calls.push([...ids]);
        return ids.map((id) => `read:${id}`);
      },
      { maxBatchSize: 1000 },
    );
    loader.prime("x", "FOR", "FOR", "primed:x");
    expect(loader.load("x", "FOR", "FOR")).toBe("primed:x");
    expect(await loader.load("y", "FOR", "FOR")).toBe("read:y");
    loader.prime("y", "FOR", "FOR", "primed:y");
    expect(await loader.load("y", "FOR", "FOR")).toBe("read:y");
    loader.prime("x", "FOR", "FOR", "primed again:x");
    expect(loader.load("x", "FOR", "FOR")).toBe("primed:x");
    loader.clear("x");
    expect(await loader.load("x", "FOR", "FOR")).toBe("read:x");
    expect(calls).toEqual([["y"], ["x"]]);
  });

  it("groups keys by their parameters, one call per group, and keeps the key order", async () => {
    const calls: Array<[string[], string]> = [];
    const loader = new ParameterisedLoader<string, string>(
      async (ids, direction) => {
        calls.push([[...ids], direction]);
        return ids.map((id) => `${id}:${direction}`);
      },
      { maxBatchSize: 1000 },
    );
    const values = await Promise.all([
      loader.load("x", "FOR"),
      loader.load("y", "AGAINST"),
      loader.load("z", "FOR"),
      loader.load("x", "FOR"),
    ]);
    expect(calls).toEqual([
      [["x", "z"], "FOR"],
      [["y"], "AGAINST"],
    ]);
    expect(values).toEqual(["x:FOR", "y:AGAINST", "z:FOR", "x:FOR"]);
  });

  it("forgets an id under every parameter set when cleared", async () => {
    let calls = 0;
    const loader = new ParameterisedLoader<number, number>(
      async (ids) => {
        calls += 1;
        return ids.map(() => calls);
      },
      { maxBatchSize: 1000 },
    );
    await loader.load("a", 1);
    loader.clear("a");
    expect(await loader.load("a", 1)).toBe(2);
  });
});

describe("GraphLoaders", () => {
  it("loads entities in one query and answers in key order although the database answers reversed", async () => {
    const db = new FakeDatabase(reversedKeyRows((key) => ({ id: key, name: key, __label: "Condition" })));
    const loaders = new GraphLoaders(new EntityRepository(db), new RelationRepository(db), {
      maxBatchSize: 1000,
    });
    const nodes = await Promise.all(
      ["condition:a", "condition:b", "condition:c"].map((id) => loaders.entityById.load(id)),
    );
    expect(db.calls.map((call) => call.params.ids)).toEqual([["condition:a", "condition:b", "condition:c"]]);
    expect(nodes.map((node) => node?.id)).toEqual(["condition:a", "condition:b", "condition:c"]);
    expect(nodes.every((node) => node?.__typename === "Condition")).toBe(true);
  });

  it("returns null for an id the database does not know, and [] for a relation with no rows", async () => {
    const db = new FakeDatabase(() => []);
    const loaders = new GraphLoaders(new EntityRepository(db), new RelationRepository(db), {
      maxBatchSize: 1000,
    });
    expect(await loaders.entityById.load("condition:none")).toBeNull();
    expect(await loaders.related("groupsOfCondition").load("condition:none")).toEqual([]);
  });

  it("batches one relation's keys into one query per request", async () => {
    const db = new FakeDatabase(
      reversedKeyRows((key) => ({ id: `group-of-${key}`, __label: "ConditionGroup" })),
    );
    const loaders = new GraphLoaders(new EntityRepository(db), new RelationRepository(db), {
      maxBatchSize: 1000,
    });
    const groups = await Promise.all(["c1", "c2"].map((id) => loaders.related("groupsOfCondition").load(id)));
    expect(db.calls).toHaveLength(1);
    expect(groups.map((list) => list.map((g) => g.id))).toEqual([["group-of-c1"], ["group-of-c2"]]);
  });
});
