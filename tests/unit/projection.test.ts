/**
 * Projection push-down: what a selection makes a loader read. A field without a resolver needs its own property, a
 * listed resolver what it is listed to read, and anything else the whole node: a projection may only ever be safe.
 */
import {
  buildSchema,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import { ALL, foldedEnds, foldKey, projectionOf, unionOf } from "../../src/graph/projection";
import { createSchema } from "../../src/schema";

/**
 * The info Condition.recommendations' resolver gets: the selection at `index` under the root field, one level down.
 */
function recommendationsOf(info: GraphQLResolveInfo, index: number): GraphQLResolveInfo {
  const recommendations = info.fieldNodes[0]!.selectionSet!.selections[index] as FieldNode;
  const condition = info.schema.getType("Condition") as GraphQLObjectType;
  return {
    ...info,
    fieldNodes: [recommendations],
    returnType: condition.getFields().recommendations!.type,
  } as GraphQLResolveInfo;
}

/** The resolve info of the operation's first root field, as graphql-js hands it to that field's resolver. */
function infoFor(schema: GraphQLSchema, document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  const returnType = schema.getQueryType()!.getFields()[field.name.value]!.type;
  return { fieldNodes: [field], returnType, schema, fragments } as unknown as GraphQLResolveInfo;
}

describe("projectionOf", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it("reads only the stored properties a traversal selects (W2: a page of conditions)", () => {
    const info = infoFor(
      schema,
      `{ conditions(first: 20) { totalCount edges { cursor node { id name recommendations { id } } } } }`,
    );
    expect(projectionOf(info, ["edges", "node"])).toEqual(["name"]);
  });

  it("adds what a listed resolver reads: a property, or the id column of an end it asks a loader for", () => {
    const info = infoFor(
      schema,
      `{ conditionByCode(system: ICD10CM, code: "M79.7") {
           name recommendations { id strength phase treatment { id name } } } }`,
    );
    expect(projectionOf(info)).toEqual(["name"]);
    expect(projectionOf(recommendationsOf(info, 1))).toEqual(["phases", "strength", "treatmentId"]);
  });

  it("reads no end's id column when no end is selected", () => {
    const info = infoFor(
      schema,
      `{ conditionByCode(system: ICD10CM, code: "M79.7") { recommendations { id strength direction } } }`,
    );
    expect(projectionOf(recommendationsOf(info, 0))).toEqual(["direction", "strength"]);
  });

  it("reads the whole node when a selected field's resolver is not known to read only its id", () => {
    const info = infoFor(
      schema,
      `{ conditionByCode(system: ICD10CM, code: "G43.909") { name overuseThresholds { medication } } }`,
    );
    expect(projectionOf(info)).toBe(ALL);
  });

  it("follows named and inline fragments on every type an abstract field may return", () => {
    const info = infoFor(
      schema,
      `query { node(id: "discipline:physiatry") { __typename ...Named ... on Discipline { description } } }
       fragment Named on CareProvider { name }`,
    );
    expect(projectionOf(info)).toEqual(["description", "name"]);
  });

  it("projects nothing on a schema whose stored fields were never recorded", () => {
    const plain = buildSchema(`type Query { thing: Thing } type Thing { id: ID! name: String }`);
    expect(projectionOf(infoFor(plain, "{ thing { id name } }"))).toBe(ALL);
  });

  it("unites projections for one batch, and ALL wins", () => {
    expect(unionOf([["name"], ["publisher", "year"], ["name"]])).toEqual(["name", "publisher", "year"]);
    expect(unionOf([["name"], ALL])).toBe(ALL);
  });
});

describe("foldedEnds", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  /** The resolve info of a condition's `recommendations` field, one level below conditionByCode. */
  function recommendationsInfo(selection: string, fragments = ""): GraphQLResolveInfo {
    const info = infoFor(
      schema,
      `{ conditionByCode(system: ICD10CM, code: "M79.7") { recommendations { ${selection} } } } ${fragments}`,
    );
    const condition = schema.getType("Condition") as GraphQLObjectType;
    return {
      ...info,
      fieldNodes: [info.fieldNodes[0]!.selectionSet!.selections[0] as FieldNode],
      returnType: condition.getFields().recommendations!.type,
    } as GraphQLResolveInfo;
  }

  const ENDS = ["treatment", "condition", "guideline"] as const;

  it("folds only the ends the selection asks for, each with its projection", () => {
    const info = recommendationsInfo(`id strength treatment { id name } guideline { publisher year }`);
    expect(foldedEnds(info, ENDS)).toEqual({ treatment: ["name"], guideline: ["publisher", "year"] });
  });

  it("unites every selection of one end: aliases and fragments", () => {
    const info = recommendationsInfo(
      `a: treatment { name } b: treatment { opioid } ...More`,
      `fragment More on Recommendation { treatment { invasivenessMax } }`,
    );
    expect(foldedEnds(info, ENDS)).toEqual({ treatment: ["invasivenessMax", "name", "opioid"] });
  });

  it("folds an end whose selection needs the whole node as ALL, and folds nothing when no end is asked", () => {
    expect(foldedEnds(recommendationsInfo(`treatment { precautions { id } }`), ENDS)).toEqual({
      treatment: ALL,
    });
    expect(foldedEnds(recommendationsInfo(`id strength`), ENDS)).toEqual({});
  });

  it("keys equal folds equally, whatever the order they were asked in", () => {
    expect(foldKey({ treatment: ["name"], guideline: ALL })).toBe(
      foldKey({ guideline: ALL, treatment: ["name"] }),
    );
    expect(foldKey({ treatment: ["name"] })).not.toBe(foldKey({ treatment: ["name", "opioid"] }));
    expect(foldKey({ treatment: ALL })).not.toBe(foldKey({}));
  });
});
