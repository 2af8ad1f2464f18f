import {
  BUMP_RELEASE,
  deleteNodesNotIn,
  deleteRelationshipsNotIn,
  SCHEMA_STATEMENTS,
  upsertNodes,
  upsertRelationships,
} from "../../src/write-model/seed.repository";
import { planGraph } from "../../src/write-model/graph-plan";
import { minimalSeedSet } from "../support/seed-fixture";

describe("the seed loader's Cypher", () => {
  it("matches the reviewed snapshots", () => {
    expect({
      schema: SCHEMA_STATEMENTS,
      upsertCondition: upsertNodes("Condition"),
      deleteConditions: deleteNodesNotIn("Condition"),
      upsertCites: upsertRelationships("CITES"),
      deleteCites: deleteRelationshipsNotIn("CITES"),
      bumpRelease: BUMP_RELEASE,
    }).toMatchSnapshot();
  });

  it("passes every value as a parameter: no record text appears in a statement", () => {
    const plan = planGraph(minimalSeedSet());
    const statements = [upsertNodes("Condition"), upsertRelationships("CITES")].join("\n");
    for (const row of plan.nodes.Condition) expect(statements).not.toContain(row.id);
    expect(statements).toMatch(/\$rows/);
  });
});

describe("planGraph", () => {
  it("gives every record a content hash that changes only when its content does", () => {
    const first = planGraph(minimalSeedSet());
    const second = planGraph(minimalSeedSet());
    expect(second.nodes.Condition[0]!.hash).toBe(first.nodes.Condition[0]!.hash);
    const edited = minimalSeedSet();
    edited.conditions[0]!.description = "Changed description of fibromyalgia.";
    expect(planGraph(edited).nodes.Condition[0]!.hash).not.toBe(first.nodes.Condition[0]!.hash);
  });

  it("creates one Code node per code, keyed without case or dot, identifying its condition", () => {
    const plan = planGraph(minimalSeedSet());
    expect(plan.nodes.Code.map((row) => row.props)).toEqual([
      { id: "code:icd10cm-m797", system: "ICD10CM", code: "M79.7", key: "M797", position: 0 },
      { id: "code:snomedct-203082005", system: "SNOMEDCT", code: "203082005", key: "203082005", position: 1 },
    ]);
    expect(plan.relationships.IDENTIFIES.map(({ from, to }) => [from, to])).toEqual([
      ["code:icd10cm-m797", "condition:fibromyalgia"],
      ["code:snomedct-203082005", "condition:fibromyalgia"],
    ]);
  });

  it("computes each recommendation's strength from its guideline's scheme and keeps the raw grade", () => {
    const [rec] = planGraph(minimalSeedSet()).nodes.Recommendation;
    expect(rec!.props).toMatchObject({
      rawGrade: "Strong for (Ia, A)",
      strength: "STRONG",
      gradingSystem: "GRADE strong/weak",
    });
  });
});

describe("syncDifference", () => {
  it("writes only the records an edit changed, and deletes only what it removed", async () => {
    const { syncDifference } = await import("../../src/write-model/seed.service");
    const { SeedWriter } = await import("../../src/write-model/seed.repository");
    const { FakeDatabase } = await import("../support/fake-database");
    const before = minimalSeedSet();
    const after = minimalSeedSet();
    after.conditions[0]!.aliases = ["fibro", "FMS"];
    after.myths = [];
    const db = new FakeDatabase();
    await db.writeTransaction((tx) =>
      syncDifference(new SeedWriter(tx), planGraph(before), planGraph(after)),
    );
    const sent = db.calls.map((call) => ({
      statement: call.cypher.trim().split("\n").slice(0, 3).join(" ").replace(/\s+/g, " "),
      ids:
        (call.params.rows as Array<{ id?: string; from?: string }> | undefined)?.map(
          (row) => row.id ?? row.from,
        ) ??
        call.params.ids ??
        (call.params.ends as Array<{ from: string }> | undefined)?.map((end) => end.from),
    }));
    expect(sent).toEqual([
      {
        statement:
          "UNWIND $ends AS end MATCH (a:Entity {id: end.from})-[r:CITES]->(b:Entity {id: end.to}) DELETE r",
        ids: ["mythfact:only-opioids-1"],
      },
      {
        statement:
          "UNWIND $ends AS end MATCH (a:Entity {id: end.from})-[r:HAS_FACT]->(b:Entity {id: end.to}) DELETE r",
        ids: ["myth:only-opioids"],
      },
      { statement: "UNWIND $ids AS id MATCH (n:Myth {id: id}) DETACH DELETE n", ids: ["myth:only-opioids"] },
      {
        statement: "UNWIND $ids AS id MATCH (n:MythFact {id: id}) DETACH DELETE n",
        ids: ["mythfact:only-opioids-1"],
      },
      {
        statement: "UNWIND $rows AS row MERGE (n:Condition {id: row.id}) ON CREATE SET n:Entity",
        ids: ["condition:fibromyalgia"],
      },
      // Removing the myth renumbers the relationships listed after it (the statistic's citation).
      {
        statement: "UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})",
        ids: ["statistic:chronic-pain-2021"],
      },
    ]);
  });
});
