import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const { LAYERS, layerOf } = require("../../layers.cjs") as {
  LAYERS: Array<{ name: string }>;
  layerOf(file: string): number;
};

const root = path.resolve(__dirname, "../..");

/** Lints code as if it lived at file, through the project's real ESLint config. */
async function lintAs(file: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/eslint/bin/eslint.js"),
      "--format",
      "json",
      "--stdin",
      "--stdin-filename",
      file,
    ],
    { cwd: root, input: code, encoding: "utf8" },
  );
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe("the layering lint rule", () => {
  it("refuses neo4j-driver outside src/neo4j", async () => {
    const messages = await lintAs(
      "src/catalog/condition.resolver.ts",
      'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n',
    );
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: .*Only src\/neo4j\//)]);
  });

  it("allows neo4j-driver inside src/neo4j", async () => {
    expect(
      await lintAs("src/neo4j/extra.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n'),
    ).toEqual([]);
  });

  it("refuses a repository importing a resolver (an upward import)", async () => {
    const code =
      'import { ConditionResolver } from "./condition.resolver";\nexport const x = ConditionResolver;\n';
    expect(await lintAs("src/catalog/condition.repository.ts", code)).toEqual([
      expect.stringMatching(/no-restricted-imports/),
    ]);
  });

  it("refuses src/neo4j importing a repository", async () => {
    const code =
      'import { ConditionRepository } from "../catalog/condition.repository";\nexport const x = ConditionRepository;\n';
    expect(await lintAs("src/neo4j/database-extra.ts", code)).toEqual([
      expect.stringMatching(/bottom layer/),
    ]);
  });

  it("allows a resolver to import a loader", async () => {
    // The imported name must exist: a lint on stdin does not check it, so the test does.
    expect(typeof (await import("../../src/catalog/catalog.loaders")).CatalogLoaders).toBe("function");
    const code = 'import { CatalogLoaders } from "./catalog.loaders";\nexport const x = CatalogLoaders;\n';
    expect(await lintAs("src/catalog/condition.resolver.ts", code)).toEqual([]);
  });

  it.each([
    ["src/config.ts", 'import { Neo4jDatabase } from "./neo4j/neo4j-database";'],
    ["src/auth/api-keys.ts", 'import { createServer } from "../server";'],
    ["src/cache/release-watcher.ts", 'import { main } from "../main";'],
    ["src/limits/complexity.ts", 'import { main } from "../main";'],
    ["src/observability/metrics.ts", 'import { main } from "../main";'],
    ["src/http/router.ts", 'import { main } from "../main";'],
    ["src/context.ts", 'import { ConditionResolver } from "./catalog/condition.resolver";'],
    ["src/catalog/catalog.slice.ts", 'import { createRequestContext } from "../context";'],
    ["src/write-model/seed.service.ts", 'import { CatalogLoaders } from "../catalog/catalog.loaders";'],
    ["src/errors.ts", 'import { Neo4jDatabase } from "./neo4j/neo4j-database";'],
  ])("refuses %s an upward import", async (file, line) => {
    const imported = /import \{ (\w+) \}/.exec(line)![1];
    const messages = await lintAs(file, `${line}\nexport const x = ${imported};\n`);
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });
});

/** Relative imports of every file in src/, resolved to files. */
function importGraph(): Map<string, string[]> {
  const files = fs
    .readdirSync(path.join(root, "src"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.posix.join("src", file.split(path.sep).join("/")));
  const graph = new Map<string, string[]>();
  const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|(?:^|\n)\s*import\s+"(\.[^"]+)"/g;
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const targets = [...text.matchAll(IMPORT)]
      .map((match) => path.posix.join(path.posix.dirname(file), match[1] ?? match[2]!))
      .map((target) => (files.includes(`${target}.ts`) ? `${target}.ts` : `${target}/index.ts`))
      .filter((target) => files.includes(target));
    graph.set(file, targets);
  }
  return graph;
}

describe("the import graph of src/", () => {
  const graph = importGraph();

  it("puts every file in a layer of layers.cjs", () => {
    expect([...graph.keys()].filter((file) => layerOf(file) < 0)).toEqual([]);
  });

  it("has at most 4 imports that break the layer order", () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => layerOf(target) < layerOf(file))
        .map(
          (target) =>
            `${file} (${LAYERS[layerOf(file)]!.name}) → ${target} (${LAYERS[layerOf(target)]!.name})`,
        ),
    );
    expect(upward.length).toBeLessThanOrEqual(4);
    expect(upward).toEqual([
      "src/recommend/recommend.service.ts (repositories) → src/recommend/recommend.input.ts (resolvers)",
    ]);
  });

  it("has no import cycle", () => {
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, stack: string[]) => {
      state.set(file, "visiting");
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === "visiting")
          cycles.push([...stack.slice(stack.indexOf(target)), file, target].join(" → "));
        else if (!state.has(target)) visit(target, [...stack, file]);
      }
      state.set(file, "done");
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it("finds imports at all (the graph is not empty)", () => {
    expect(graph.get("src/server.ts")).toContain("src/context.ts");
  });
});
