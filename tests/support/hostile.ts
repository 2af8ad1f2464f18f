/**
 * Generates malformed and hostile HTTP requests from a live schema: every argument reachable from Query gets
 * wrong types, huge and Cypher-looking strings; plus nesting, alias floods, unknown fields and broken HTTP.
 */
import {
  getNamedType,
  getNullableType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";

export interface HostileRequest {
  label: string;
  /** Requests of one group (one argument, say) vary the same thing; sampling keeps some of every group. */
  group?: string;
  method: string;
  /** Appended to /graphql (a query string for GET). */
  search?: string;
  headers: Record<string, string>;
  body?: string;
}

const JSON_HEADERS = { "content-type": "application/json" };

/** Text that must stay text: Cypher and Lucene syntax, escapes, control characters, odd Unicode. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR 1=1 //",
  '" OR 1=1 //',
  "MATCH (n) DETACH DELETE n",
  "x'}) MATCH (n) DETACH DELETE n //",
  "}) RETURN n //",
  "condition:fibromyalgia' OR '1'='1",
  "$ids",
  "${ids}",
  "`id`",
  "\\u0000\\' \\\\",
  "a\u0000b",
  "\u0000",
  "CALL db.labels() YIELD label RETURN label",
  "CREATE (:Condition {id: 'condition:x'})",
  "*:* OR name:*",
  'fibro~ AND (pain OR "nerve") NOT ^2 [a TO z] {a TO z} /regex/ \\',
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "😀🧠 Ωμέγα 中文 עברית \u202Eevil",
  "\uD800",
  " ",
  "",
  "M79.7;DROP",
  "x".repeat(10_000),
  "y".repeat(60_000),
  "z".repeat(100_000),
];

/** Values of the wrong shape for any argument. */
const WRONG_VALUES: readonly unknown[] = [
  123,
  -1,
  1.5,
  true,
  {},
  [],
  { $ne: null },
  [[["deep"]]],
  null,
  "text",
];

const INT_EDGES: readonly unknown[] = [2 ** 31, -(2 ** 31) - 1, -1, 0, 101, 2_147_483_647, 1e308, "1"];

interface Step {
  field: string;
  /** Inline fragment needed to reach the field (an interface or union member). */
  on?: string;
}

/** A path from Query to every composite type, through fields without required arguments. */
function pathsToTypes(schema: GraphQLSchema): Map<string, Step[]> {
  const query = schema.getQueryType()!;
  const paths = new Map<string, Step[]>([[query.name, []]]);
  const queue: GraphQLNamedType[] = [query];
  const visit = (type: GraphQLNamedType, path: Step[]) => {
    if (paths.has(type.name)) return;
    paths.set(type.name, path);
    queue.push(type);
  };
  while (queue.length > 0) {
    const type = queue.shift()!;
    const path = paths.get(type.name)!;
    if (isInterfaceType(type) || isUnionType(type)) {
      for (const member of schema.getPossibleTypes(type)) {
        visit(member, [...path.slice(0, -1), { ...path[path.length - 1]!, on: member.name }]);
      }
      continue;
    }
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      const reachable = field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);
      if (isCompositeType(target) && reachable) visit(target, [...path, { field: field.name }]);
    }
  }
  return paths;
}

/** Wraps `inner` in the selections of `path`. */
function wrap(path: Step[], inner: string): string {
  return path.reduceRight((selection, step) => {
    const body = step.on ? `__typename ... on ${step.on} { ${selection} }` : selection;
    return `${step.field} { ${body} }`;
  }, inner);
}

function leafSelection(field: GraphQLField<unknown, unknown>): string {
  return isCompositeType(getNamedType(field.type)) ? " { __typename }" : "";
}

/** Plausible values for the other required arguments, so each case varies exactly one argument. */
function fillerValue(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  const list = isListType(getNullableType(type));
  let value: unknown = "condition:fibromyalgia";
  if (isEnumType(named)) value = named.getValues()[0]!.name;
  else if (named.name === "Int" || named.name === "Float") value = 1;
  else if (named.name === "Boolean") value = true;
  else if (isInputObjectType(named)) value = {};
  return list ? [value] : value;
}

/** Hostile values for one argument type: wrong shapes, edge numbers, hostile text nested where text goes. */
function hostileValues(type: GraphQLInputType): unknown[] {
  const named = getNamedType(type);
  const values: unknown[] = [];
  if (named.name === "String" || named.name === "ID") values.push(...HOSTILE_STRINGS);
  values.push(...WRONG_VALUES);
  if (named.name === "Int" || named.name === "Float") values.push(...INT_EDGES);
  if (isEnumType(named)) values.push("NOPE", named.getValues()[0]!.name.toLowerCase(), "__proto__");
  if (isInputObjectType(named)) {
    values.push({ noSuchField: 1 }, { __proto__: { polluted: true } });
    for (const inner of Object.values(named.getFields())) {
      for (const value of hostileValues(inner.type).slice(0, 6)) values.push({ [inner.name]: value });
      if (getNamedType(inner.type).name === "String" || getNamedType(inner.type).name === "ID") {
        for (const text of HOSTILE_STRINGS) values.push({ [inner.name]: text });
      }
    }
  }
  if (isListType(getNullableType(type))) values.push(Array.from({ length: 2000 }, () => "x"));
  return values;
}

function post(label: string, query: string, variables?: Record<string, unknown>): HostileRequest {
  return { label, method: "POST", headers: JSON_HEADERS, body: JSON.stringify({ query, variables }) };
}

/**
 * Every argument of every field reachable from Query, and of every mutation (sent without credentials), each
 * with every hostile value as a variable.
 */
function argumentCases(schema: GraphQLSchema): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    for (const arg of field.args) {
      for (const value of hostileValues(arg.type))
        requests.push(argumentCase([], field, arg, value, "mutation"));
    }
  }
  for (const [typeName, path] of pathsToTypes(schema)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        for (const value of hostileValues(arg.type)) requests.push(argumentCase(path, field, arg, value));
        if (typeName === schema.getQueryType()!.name && getNamedType(arg.type).name.match(/^(String|ID)$/)) {
          for (const text of HOSTILE_STRINGS.slice(0, -1)) requests.push(literalCase(field, arg, text));
        }
      }
    }
  }
  return requests;
}

function argumentCase(
  path: Step[],
  field: GraphQLField<unknown, unknown>,
  arg: GraphQLArgument,
  value: unknown,
  operation: "query" | "mutation" = "query",
): HostileRequest {
  const others = field.args.filter(
    (other) => other !== arg && isNonNullType(other.type) && !other.defaultValue,
  );
  const definitions = [`$v: ${String(arg.type)}`, ...others.map((o, i) => `$o${i}: ${String(o.type)}`)];
  const args = [`${arg.name}: $v`, ...others.map((o, i) => `${o.name}: $o${i}`)];
  const variables: Record<string, unknown> = { v: value };
  others.forEach((other, i) => (variables[`o${i}`] = fillerValue(other.type)));
  const query = `${operation} Hostile(${definitions.join(", ")}) { ${wrap(path, `${field.name}(${args.join(", ")})${leafSelection(field)}`)} }`;
  const label = `${field.name}.${arg.name} = ${JSON.stringify(value)?.slice(0, 40)}`;
  return { ...post(label, query, variables), group: `${field.name}.${arg.name}` };
}

/** The hostile text written into the document itself, where the parser sees it. */
function literalCase(
  field: GraphQLField<unknown, unknown>,
  arg: GraphQLArgument,
  text: string,
): HostileRequest {
  const others = field.args
    .filter((other) => other !== arg && isNonNullType(other.type) && !other.defaultValue)
    .map((other) => {
      const value = fillerValue(other.type);
      return `${other.name}: ${typeof value === "string" && isEnumType(getNamedType(other.type)) ? value : JSON.stringify(value)}`;
    });
  const literal = isListType(getNullableType(arg.type)) ? `[${JSON.stringify(text)}]` : JSON.stringify(text);
  const query = `{ ${field.name}(${[`${arg.name}: ${literal}`, ...others].join(", ")})${leafSelection(field)} }`;
  const label = `literal ${field.name}.${arg.name} = ${JSON.stringify(text).slice(0, 40)}`;
  return { ...post(label, query), group: `literal ${field.name}.${arg.name}` };
}

/** Unknown fields on every reachable type, and unknown arguments on every reachable field. */
function unknownFieldCases(schema: GraphQLSchema): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const [typeName, path] of pathsToTypes(schema)) {
    requests.push(post(`unknown field on ${typeName}`, `{ ${wrap(path, "__typename noSuchField")} }`));
    const type = schema.getType(typeName);
    if (isObjectType(type) && typeName !== schema.getQueryType()!.name) {
      const field = Object.values(type.getFields())[0]!;
      requests.push(
        post(
          `unknown argument on ${typeName}.${field.name}`,
          `{ ${wrap(path, `${field.name}(noSuchArg: 1)${leafSelection(field)}`)} }`,
        ),
      );
    }
  }
  return requests;
}

/** The deepest legal chain: a field whose type leads back to its parent type. */
function cycle(schema: GraphQLSchema): [string, string] {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const child = getNamedType(field.type);
      if (!isObjectType(child) || field.args.some((arg) => isNonNullType(arg.type))) continue;
      const back = Object.values(child.getFields()).find(
        (f) => getNamedType(f.type) === type && f.args.every((arg) => !isNonNullType(arg.type)),
      );
      if (back) return [field.name, back.name];
    }
  }
  throw new Error("the schema has no cycle to nest");
}

function shapeCases(schema: GraphQLSchema): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const paths = pathsToTypes(schema);
  const [down, up] = cycle(schema);
  const cycleType = [...paths.keys()].find((name) => {
    const type = schema.getType(name);
    return isObjectType(type) && down in type.getFields();
  })!;
  for (const depth of [8, 13, 20, 50, 200, 1000]) {
    let inner = "__typename";
    for (let level = 0; level < depth; level += 1) inner = `${level % 2 === 0 ? down : up} { ${inner} }`;
    requests.push(post(`nested ${depth} deep`, `{ ${wrap(paths.get(cycleType)!, inner)} }`));
  }
  requests.push(post("brace bomb", `${"{".repeat(20_000)}${"}".repeat(20_000)}`));
  requests.push(
    post(
      "list literal bomb",
      `{ search(query: ${"[".repeat(10_000)}"x"${"]".repeat(10_000)}) { __typename } }`,
    ),
  );
  for (const count of [31, 100, 1000, 5000]) {
    const aliases = Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(" ");
    requests.push(post(`${count} aliases`, `{ ${aliases} }`));
    const heavy = Array.from(
      { length: count },
      (_, i) => `c${i}: conditions(first: 100) { totalCount }`,
    ).join(" ");
    requests.push(post(`${count} aliased lists`, `{ ${heavy} }`));
  }
  requests.push(post("one field 20000 times", `{ ${"__typename ".repeat(20_000)} }`));
  requests.push(post("same field 3000 times", `{ ${"dataRelease { version } ".repeat(3000)} }`));
  const fragments = Array.from(
    { length: 30 },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  requests.push(
    post("fragment bomb", `{ ...F0 } ${fragments.join(" ")} fragment F30 on Query { __typename }`),
  );
  requests.push(post("fragment cycle", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"));
  requests.push(post("directive flood", `{ __typename ${"@skip(if: false) ".repeat(3000)} }`));
  requests.push(post("unknown directive", "{ __typename @nope }"));
  requests.push(post("mutation", "mutation { __typename }"));
  requests.push(post("subscription", "subscription { __typename }"));
  requests.push(post("two operations, no name", "query A { __typename } query B { __typename }"));
  requests.push({
    ...post("operationName missing", "query A { __typename }"),
    body: JSON.stringify({ query: "query A { __typename }", operationName: "B" }),
  });
  requests.push(
    post(
      "introspection too deep",
      "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }",
    ),
  );
  requests.push(post("variable of undefined type", "query ($v: Nope) { __typename }", { v: 1 }));
  requests.push(post("undeclared variable", "{ condition(id: $v) { id } }", { v: "x" }));
  requests.push(
    post("include with a string", "query ($v: Boolean!) { __typename @include(if: $v) }", { v: "yes" }),
  );
  return requests;
}

const BROKEN_JSON = [
  "",
  "{",
  "}",
  '{"query": ',
  "{'query': '{ __typename }'}",
  '{"query": "{ __typename }",}',
  "null",
  "true",
  "42",
  '"{ __typename }"',
  "[]",
  '[{"query": "{ __typename }"}, {"query": "{ __typename }"}]',
  '{"query": 1}',
  '{"query": {}}',
  '{"query": null}',
  "{}",
  '{"variables": {}}',
  '{"query": "{ __typename }", "variables": "x"}',
  '{"query": "{ __typename }", "variables": [1]}',
  '{"query": "{ __typename }", "extensions": 1}',
  '{"query": "{ __typename }", "operationName": 1}',
  '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}',
  '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
  '{"query": "{ __typename }"}\u0000',
  '\uFEFF{"query": "{ __typename }"}',
  `{"query": "{ __typename }", "variables": ${"[".repeat(40_000)}${"]".repeat(40_000)}}`,
  `{"query": "{ __typename }", "variables": {"a": ${'{"a":'.repeat(8000)}1${"}".repeat(8000)}}}`,
  '{"__proto__": {"query": "{ __typename }"}}',
  '{"query": "{ __typename }", "constructor": {"prototype": {"x": 1}}}',
];

const CONTENT_TYPES = [
  "text/plain",
  "text/html",
  "application/xml",
  "application/graphql",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "application/octet-stream",
  "}{",
  "application/" + "x".repeat(2000),
];

function httpCases(): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const body of BROKEN_JSON)
    requests.push({ label: `body ${body.slice(0, 30)}`, method: "POST", headers: JSON_HEADERS, body });
  for (const type of CONTENT_TYPES) {
    requests.push({
      label: `content-type ${type.slice(0, 30)}`,
      method: "POST",
      headers: { "content-type": type },
      body: '{"query":"{ __typename }"}',
    });
  }
  requests.push({
    label: "no content-type",
    method: "POST",
    headers: {},
    body: '{"query":"{ __typename }"}',
  });
  requests.push({
    label: "graphql-response+json body",
    method: "POST",
    headers: { "content-type": "application/graphql-response+json" },
    body: '{"query":"{ __typename }"}',
  });
  requests.push({
    label: "accept nothing we serve",
    method: "POST",
    headers: { ...JSON_HEADERS, accept: "image/png" },
    body: '{"query":"{ __typename }"}',
  });
  requests.push({
    label: "oversized body",
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify({ query: `{ __typename } #${"x".repeat(200_000)}` }),
  });
  for (const method of ["PUT", "DELETE", "PATCH"]) {
    requests.push({ label: method, method, headers: JSON_HEADERS, body: '{"query":"{ __typename }"}' });
  }
  const gets: Array<[string, Record<string, string>]> = [
    ["", {}],
    ["?query=", {}],
    ["?query=%7B", {}],
    ["?query=%7B__typename%7D", {}],
    ["?query=%7B__typename%7D&variables=nope", {}],
    ["?query=%7B__typename%7D&variables=%5B1%5D", {}],
    ["?query=%7B__typename%7D&extensions=nope", {}],
    ["?query=%7B__typename%7D&operationName=Nope", {}],
    ["?query=mutation%7B__typename%7D", {}],
    ["?query=%7B__typename%7D&query=%7B__typename%7D", {}],
    ["?query=%7Bcondition(id:%22%27%20OR%201=1%20//%22)%7Bid%7D%7D", {}],
    ["?query=%00%00", {}],
    ["?query=%E0%A4%A", {}],
    [`?query=${encodeURIComponent(`{ ${"__typename ".repeat(700)} }`)}`, {}],
    ["?query=%7B__typename%7D", { accept: "text/html" }],
  ];
  for (const [search, headers] of gets) {
    for (const extra of [{}, { "apollo-require-preflight": "true" }] as Array<Record<string, string>>) {
      requests.push({
        label: `GET ${search.slice(0, 40)}`,
        method: "GET",
        search,
        headers: { ...headers, ...extra },
      });
    }
  }
  return requests;
}

/**
 * All shape and HTTP cases, plus argument cases up to `limit` in all: taken round-robin across groups (one
 * per argument), so every argument keeps its first cases — hostile text first — however large the schema grows.
 */
export function hostileRequests(schema: GraphQLSchema, limit = Infinity): HostileRequest[] {
  const fixed = [...unknownFieldCases(schema), ...shapeCases(schema), ...httpCases()];
  const groups = new Map<string, HostileRequest[]>();
  for (const request of argumentCases(schema)) {
    const group = groups.get(request.group!) ?? [];
    group.push(request);
    groups.set(request.group!, group);
  }
  const sampled: HostileRequest[] = [];
  for (let round = 0; sampled.length + fixed.length < limit; round += 1) {
    const picked = [...groups.values()]
      .map((group) => group[round])
      .filter((request) => request !== undefined);
    if (picked.length === 0) break;
    sampled.push(...picked.slice(0, limit - fixed.length - sampled.length));
  }
  return [...sampled, ...fixed];
}
