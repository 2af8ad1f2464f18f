import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse } from "graphql";
import { PROJECT_ROOT } from "../../src/config";
import { queryCost } from "../../src/limits/complexity";
import { HEAVY_FIELD_COSTS, LIST_SIZES, operationTokens } from "../../src/limits/field-costs";
import { createSchema } from "../../src/schema";

const seed = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "seed", "data", file), "utf8")) as Array<
    Record<string, unknown>
  >;

/** The most records sharing one value of `key` (a list field's largest answer in the seed graph). */
const most = (records: Array<Record<string, unknown>>, key: (record: Record<string, unknown>) => unknown) => {
  const counts = new Map<unknown, number>();
  for (const record of records)
    for (const value of [key(record)].flat()) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Math.max(...counts.values());
};

describe("field costs", () => {
  const schema = buildSchema(fs.readFileSync(path.join(PROJECT_ROOT, "schema", "schema.graphql"), "utf8"));

  it("name fields that exist in the schema", () => {
    for (const key of [...Object.keys(HEAVY_FIELD_COSTS), ...Object.keys(LIST_SIZES)]) {
      const [type, field] = key.split(".");
      const fields = (schema.getType(type!) as { getFields?: () => Record<string, unknown> }).getFields?.();
      expect({ key, exists: Boolean(fields?.[field!]) }).toEqual({ key, exists: true });
    }
  });

  it("size the unpaginated lists at least as large as the seed graph makes them", () => {
    const careLinks = seed("care-links.json").filter((link) => link.type === "DELIVERS");
    const held: Record<string, number> = {
      "Query.conditionGroups": seed("condition-groups.json").length,
      "Query.disciplines": seed("disciplines.json").length,
      "Query.modalities": seed("modalities.json").length,
      "Query.myths": seed("myths.json").length,
      "Query.professions": seed("professions.json").length,
      "Query.statistics": seed("statistics.json").length,
      "ConditionGroup.conditions": most(seed("conditions.json"), (condition) => condition.groupIds),
      "Modality.treatments": most(seed("treatments.json"), (treatment) => treatment.modalityIds),
      "Discipline.delivers": most(careLinks, (link) => link.from),
      "Profession.delivers": most(careLinks, (link) => link.from),
    };
    for (const [key, count] of Object.entries(held))
      expect({ key, count, fits: LIST_SIZES[key]! >= count }).toEqual({ key, count, fits: true });
  });

  it("price dataExport at no less than 15 units per record it reads from the seed graph", () => {
    const files = fs.readdirSync(path.join(PROJECT_ROOT, "seed", "data")).filter((f) => f.endsWith(".json"));
    const records = files.reduce((sum, file) => sum + seed(file).length, 0);
    expect(HEAVY_FIELD_COSTS["Query.dataExport"]!({})).toBeGreaterThanOrEqual(15 * records);
  });

  it("with the default limit, refuse two dataExport or three explainPath(maxHops: 6), not one or two", async () => {
    const live = await createSchema();
    const cost = (text: string) => queryCost(live, parse(text), {}, undefined)!;
    const exports = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `e${i}: dataExport { version }`).join(" ")} }`;
    const paths = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: explainPath(fromId: "a", toId: "b", maxHops: 6) { length }`).join(" ")} }`;
    const maxCost = 25_000;
    expect([cost(exports(1)) <= maxCost, cost(exports(2)) > maxCost]).toEqual([true, true]);
    expect([cost(paths(2)) <= maxCost, cost(paths(3)) > maxCost]).toEqual([true, true]);
    // A shorter path search costs less: maxHops prices the search.
    expect(cost('{ explainPath(fromId: "a", toId: "b", maxHops: 2) { length } }')).toBeLessThan(
      cost('{ explainPath(fromId: "a", toId: "b", maxHops: 6) { length } }') / 10,
    );
  });

  it("price rate-limit tokens by cost: one for an ordinary operation, more for a heavy one", () => {
    expect([0, 100, 4_999].map(operationTokens)).toEqual([1, 1, 1]);
    expect(operationTokens(13_032)).toBe(3);
    expect(operationTokens(25_000)).toBe(6);
    expect(operationTokens(Infinity)).toBe(1);
  });
});
