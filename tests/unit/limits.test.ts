import { buildSchema, GraphQLError, parse, specifiedRules, validate } from "graphql";
import { maxAliasesRule } from "../../src/limits/aliases.rule";
import { LIST_FACTOR, queryCost } from "../../src/limits/complexity";
import { maxDepthRule } from "../../src/limits/depth.rule";
import { knownOperationTypesRule } from "../../src/limits/operation-type.rule";
import { RateLimiter } from "../../src/limits/rate-limiter";

const schema = buildSchema(`
  type Query { item: Item  items(first: Int): ItemConnection!  tags: [Tag!]!  search(first: Int! = 5): [Item!]! }
  type ItemConnection { edges: [ItemEdge!]!  totalCount: Int! }
  type ItemEdge { node: Item! }
  type Item { id: ID!  parent: Item  tags: [Tag!]! }
  type Tag { name: String! }
`);

const codesOf = (query: string, rules = [maxDepthRule(3), maxAliasesRule(2)]) =>
  validate(schema, parse(query), rules).map((error) => error.extensions.code);

describe("maxDepthRule", () => {
  it("accepts a query at the limit and refuses one deeper with QUERY_TOO_DEEP", () => {
    expect(codesOf("{ item { parent { id } } }")).toEqual([]);
    expect(codesOf("{ item { parent { parent { id } } } }")).toEqual(["QUERY_TOO_DEEP"]);
  });

  it("follows fragments and inline fragments", () => {
    expect(
      codesOf("{ item { ...P } } fragment P on Item { parent { ... on Item { parent { id } } } }"),
    ).toEqual(["QUERY_TOO_DEEP"]);
  });

  it("leaves introspection to graphql-js's own rule", () => {
    expect(codesOf("{ __schema { types { fields { type { name } } } } }")).toEqual([]);
  });

  it("measures each fragment once, so a fragment bomb is refused quickly", () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Item { parent { ...F${i + 1} ...F${i + 1} } }`,
    );
    const started = performance.now();
    const codes = codesOf(`{ item { ...F0 } } ${fragments.join(" ")} fragment F40 on Item { id }`, [
      maxDepthRule(10),
    ]);
    expect(codes).toEqual(["QUERY_TOO_DEEP"]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("maxAliasesRule", () => {
  it("refuses more aliases than allowed with TOO_MANY_ALIASES", () => {
    expect(codesOf("{ a: item { id } b: item { id } }")).toEqual([]);
    expect(codesOf("{ a: item { id } b: item { id } c: item { x: id } }")).toEqual(["TOO_MANY_ALIASES"]);
  });
});

describe("queryCost", () => {
  const cost = (query: string, variables?: Record<string, unknown>) =>
    queryCost(schema, parse(query), variables, undefined);

  it("costs a field 1 plus its selection", () => {
    expect(cost("{ item { id parent { id } } }")).toBe(4);
  });

  it("multiplies a connection by first, and not its edges again", () => {
    expect(cost("{ items(first: 50) { edges { node { id } } } }")).toBe(50 * (1 + (1 + (1 + 1))));
    expect(cost("query ($n: Int) { items(first: $n) { totalCount } }", { n: 7 })).toBe(7 * 2);
  });

  it("uses the default page size or the argument's default when first is not given", () => {
    expect(cost("{ items { totalCount } }")).toBe(20 * 2);
    // Query.search is also priced as a heavy field (src/limits/field-costs.ts): its own work, then its page.
    expect(cost("{ search { id } }")).toBe(500 + 5 * 2);
  });

  it("caps first at the largest page, which the resolver enforces anyway", () => {
    expect(cost("{ items(first: 100000) { totalCount } }")).toBe(100 * 2);
  });

  it("multiplies lists without first by LIST_FACTOR", () => {
    expect(cost("{ tags { name } }")).toBe(LIST_FACTOR * 2);
    expect(cost("{ item { tags { name } } }")).toBe(1 + LIST_FACTOR * 2);
  });

  it("does not cost introspection", () => {
    expect(cost("{ __schema { types { name fields { name } } } }")).toBe(0);
  });

  it("returns null when the variables are invalid, leaving the error to execution", () => {
    expect(cost("query ($n: Int) { items(first: $n) { totalCount } }", { n: "many" })).toBeNull();
  });
});

describe("knownOperationTypesRule", () => {
  it("refuses a mutation or subscription when the schema has none", () => {
    const errors = validate(schema, parse("mutation { x }"), [knownOperationTypesRule]);
    expect(errors.map((error: GraphQLError) => error.message)).toEqual([
      "This API has no mutation operations.",
    ]);
    expect(validate(schema, parse("{ item { id } }"), [...specifiedRules, knownOperationTypesRule])).toEqual(
      [],
    );
  });
});

describe("RateLimiter", () => {
  let now = 0;
  const limiter = () => new RateLimiter({ perMinute: 60, burst: 3, maxClients: 2, now: () => now });

  beforeEach(() => (now = 1_000_000));

  it("allows a burst, then refuses with the seconds until the next token", () => {
    const limit = limiter();
    expect([1, 2, 3].map(() => limit.take("a").allowed)).toEqual([true, true, true]);
    expect(limit.take("a")).toMatchObject({ allowed: false, retryAfterSeconds: 1, limit: 3, remaining: 0 });
  });

  it("refills at the per-minute rate", () => {
    const limit = limiter();
    for (let i = 0; i < 3; i += 1) limit.take("a");
    now += 2000;
    expect(limit.take("a").allowed).toBe(true);
    expect(limit.take("a").allowed).toBe(true);
    expect(limit.take("a").allowed).toBe(false);
  });

  it("keeps a bucket per client and forgets the least recently seen beyond maxClients", () => {
    const limit = limiter();
    for (let i = 0; i < 3; i += 1) limit.take("a");
    expect(limit.take("b").allowed).toBe(true);
    expect(limit.take("a").allowed).toBe(false);
    limit.take("c");
    expect(limit.size).toBe(2);
  });
});
