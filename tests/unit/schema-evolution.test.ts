import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";
import {
  ALLOW_LIST,
  checkSchemaEvolution,
  CURRENT_SCHEMA,
  parseAllowList,
  RELEASED_SCHEMA,
} from "../../scripts/schema-check";

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");

const RELEASED = /* GraphQL */ `
  type Query {
    treatment(id: ID!): Treatment
  }
  type Treatment {
    id: ID!
    name: String!
    refId: String @deprecated(reason: "Use id.")
    opioid: Boolean!
  }
`;

describe("the schema evolution check", () => {
  it("finds no unmarked breaking change between the released schema and schema/schema.graphql", async () => {
    const result = await checkSchemaEvolution(
      read(RELEASED_SCHEMA),
      read(CURRENT_SCHEMA),
      parseAllowList(read(ALLOW_LIST)),
    );
    expect(result.problems).toEqual([]);
    expect(result.unmarked.map((change) => change.message)).toEqual([]);
  });

  it("accepts an added field as non-breaking", async () => {
    const current = RELEASED.replace("opioid: Boolean!", "opioid: Boolean!\n    aliases: [String!]!");
    const result = await checkSchemaEvolution(RELEASED, current, []);
    expect(result.changes.map((change) => [change.type, change.criticality.level])).toEqual([
      ["FIELD_ADDED", "NON_BREAKING"],
    ]);
    expect(result.unmarked).toEqual([]);
  });

  it("fails on a removed field that was never deprecated", async () => {
    const result = await checkSchemaEvolution(RELEASED, RELEASED.replace("opioid: Boolean!", ""), []);
    expect(result.unmarked.map((change) => [change.type, change.path])).toEqual([
      ["FIELD_REMOVED", "Treatment.opioid"],
    ]);
  });

  it("fails on a field whose type changed incompatibly", async () => {
    const result = await checkSchemaEvolution(RELEASED, RELEASED.replace("name: String!", "name: Int!"), []);
    expect(result.unmarked.map((change) => change.type)).toEqual(["FIELD_TYPE_CHANGED"]);
  });

  it("passes a breaking change that the allow-list marks with a reason", async () => {
    const allowed = [
      {
        type: "FIELD_REMOVED",
        path: "Treatment.opioid",
        reason: "Replaced by drugClass; no client reads it.",
      },
    ];
    const result = await checkSchemaEvolution(RELEASED, RELEASED.replace("opioid: Boolean!", ""), allowed);
    expect(result.unmarked).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it("refuses an allow-list entry without a reason, and one that matches no change", async () => {
    const allowed = [
      { type: "FIELD_REMOVED", path: "Treatment.opioid", reason: "" },
      { type: "FIELD_REMOVED", path: "Treatment.name", reason: "Stale entry from an earlier release." },
    ];
    const result = await checkSchemaEvolution(RELEASED, RELEASED.replace("opioid: Boolean!", ""), allowed);
    expect(result.unmarked).toHaveLength(1);
    expect(result.problems).toEqual([
      "allow-list entry FIELD_REMOVED Treatment.opioid needs a reason (10 characters or more)",
      "allow-list entry FIELD_REMOVED Treatment.name matches no breaking change: remove it",
    ]);
  });

  it("lets a field deprecated in the released schema be removed (reported as dangerous)", async () => {
    const current = RELEASED.replace('refId: String @deprecated(reason: "Use id.")', "");
    const result = await checkSchemaEvolution(RELEASED, current, []);
    expect(result.unmarked).toEqual([]);
    expect(result.changes.map((change) => [change.type, change.criticality.level])).toEqual([
      ["FIELD_REMOVED", "DANGEROUS"],
    ]);
  });
});
