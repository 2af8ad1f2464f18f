import fs from "node:fs";
import path from "node:path";
import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  isAbstractType,
  type GraphQLResolveInfo,
} from "graphql";
import { createSchema, printSortedSchema, RESOLVED_BY_TYPENAME } from "../../src/schema";

/** Every type, field, argument and enum value that lacks a description: what Sandbox users would miss. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (where: string, description: string | null | undefined) => {
    if (!description || description.trim().length < 3) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of "args" in field ? field.args : [])
          need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    if (isUnionType(type)) need(type.name, type.description);
  }
  return missing;
}

describe("the schema", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it("documents every type, field, argument and enum value", () => {
    expect(undocumented(schema)).toEqual([]);
  });

  it("resolves every interface and union from the record's __typename at once, not in a promise", () => {
    const abstract = Object.values(schema.getTypeMap()).filter(
      (type) => isAbstractType(type) && !isIntrospectionType(type),
    );
    expect(abstract.map((type) => type.name).sort()).toEqual([...RESOLVED_BY_TYPENAME].sort());
    for (const type of abstract) {
      if (!isAbstractType(type)) continue;
      const resolved = type.resolveType!(
        { id: "x", __typename: "Discipline" },
        {},
        {} as GraphQLResolveInfo,
        type,
      );
      expect({ type: type.name, resolved }).toEqual({ type: type.name, resolved: "Discipline" });
    }
  });

  it("matches the committed schema/schema.graphql (run npm run schema:emit after an API change)", () => {
    const committed = fs.readFileSync(path.resolve(__dirname, "../../schema/schema.graphql"), "utf8");
    expect(printSortedSchema(schema)).toBe(committed);
  });

  it("exposes the contract's root fields", () => {
    const roots = Object.keys(schema.getQueryType()!.getFields());
    expect(roots).toEqual(
      expect.arrayContaining([
        "condition",
        "conditionByCode",
        "treatment",
        "guideline",
        "node",
        "conditions",
        "treatments",
        "guidelines",
        "conditionGroups",
        "modalities",
        "disciplines",
        "professions",
        "myths",
        "statistics",
        "search",
        "dataRelease",
      ]),
    );
  });
});
