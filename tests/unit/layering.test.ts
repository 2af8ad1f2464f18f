import { spawnSync } from "node:child_process";
import path from "node:path";

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
    const code =
      'import { createCatalogLoaders } from "./catalog.loaders";\nexport const x = createCatalogLoaders;\n';
    expect(await lintAs("src/catalog/condition.resolver.ts", code)).toEqual([]);
  });
});
