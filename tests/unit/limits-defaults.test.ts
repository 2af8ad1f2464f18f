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
});
