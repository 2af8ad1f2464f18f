import fs from "node:fs";
import path from "node:path";
import { parse, validate } from "graphql";
import { loadConfig } from "../../src/config";
import { maxAliasesRule } from "../../src/limits/aliases.rule";
import { queryCost } from "../../src/limits/complexity";
import { maxDepthRule } from "../../src/limits/depth.rule";
import { createSchema } from "../../src/schema";

const EXAMPLES = path.resolve(__dirname, "../../examples");

// The defaults must leave room for every documented task: each example operation passes with headroom.
describe("the default limits", () => {
  const { limits } = loadConfig({});
  const examples = fs
    .readdirSync(EXAMPLES)
    .filter((file) => file.endsWith(".graphql"))
    .map((file) => [file, fs.readFileSync(path.join(EXAMPLES, file), "utf8")] as const);

  it.each(examples)("accept %s", async (_file, text) => {
    const schema = await createSchema();
    const document = parse(text, { maxTokens: limits.maxTokens });
    expect(
      validate(schema, document, [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases)]),
    ).toEqual([]);
    const cost = queryCost(schema, document, {}, undefined);
    expect(cost).toBeLessThanOrEqual(limits.maxCost / 2);
  });

  // The widget's query and the benchmark's workloads run as they stand, at the price of an ordinary request.
  const widget = fs.readFileSync(path.resolve(__dirname, "../../widget/paingraph.js"), "utf8");
  const workloads = fs.readFileSync(path.resolve(__dirname, "../../bench/src/workloads.ts"), "utf8");
  const ours = workloads.slice(workloads.indexOf("const OURS"), workloads.indexOf("const NEO4J_GRAPHQL"));
  const operations: Array<[string, string, Record<string, unknown>]> = [
    [
      "the widget",
      /const QUERY = \/\* GraphQL \*\/ `([^`]*)`/.exec(widget)![1]!,
      { input: { conditionIds: ["condition:fibromyalgia"] } },
    ],
    ...[...ours.matchAll(/(W\d): \/\* GraphQL \*\/ `([^`]*)`/g)].map(
      (match): [string, string, Record<string, unknown>] => [
        `bench ${match[1]}`,
        match[2]!,
        { first: 20, ids: ["condition:migraine"], query: "migraine", prefix: "mig", code: "G43.909" },
      ],
    ),
  ];

  it("find the widget's query and five bench workloads", () => {
    expect(operations.map(([name]) => name)).toEqual([
      "the widget",
      "bench W1",
      "bench W2",
      "bench W3",
      "bench W4",
      "bench W6",
    ]);
  });

  it.each(operations)("accept %s under the cost limit", async (_name, text, variables) => {
    const schema = await createSchema();
    const cost = queryCost(schema, parse(text), variables, undefined);
    expect(cost).not.toBeNull();
    expect(cost!).toBeLessThanOrEqual(limits.maxCost / 2);
  });
});
