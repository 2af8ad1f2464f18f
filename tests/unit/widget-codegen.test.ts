/**
 * Client compatibility of the widget: GraphQL Code Generator turns schema/schema.graphql and the widget's queries
 * into TypeScript types (scripts/codegen.ts, run from dist/ because its plugins load ES modules that jest cannot),
 * and the TypeScript compiler checks the widget's plain JavaScript against them through its JSDoc types.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { PROJECT_ROOT } from "../../src/config";

const CODEGEN = path.join(PROJECT_ROOT, "dist/scripts/codegen.js");
const WIDGET = path.join(PROJECT_ROOT, "widget/paingraph.js");
const TYPES = path.join(PROJECT_ROOT, "widget/paingraph.types.ts");

/** Compiles the widget with checkJs and strict, as a browser script with the DOM library. */
function typeCheck(files: string[]): string[] {
  const program = ts.createProgram(files, {
    allowJs: true,
    checkJs: true,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** A scratch project root holding the schema and a (possibly altered) copy of the widget. */
function scratchRoot(widgetSource: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "paingraph-codegen-"));
  mkdirSync(path.join(root, "schema"));
  mkdirSync(path.join(root, "widget"));
  copyFileSync(path.join(PROJECT_ROOT, "schema/schema.graphql"), path.join(root, "schema/schema.graphql"));
  copyFileSync(TYPES, path.join(root, "widget/paingraph.types.ts"));
  writeFileSync(path.join(root, "widget/paingraph.js"), widgetSource);
  return root;
}

describe("the widget's generated types", () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it("are generated from the schema and match the committed widget/paingraph.types.ts", () => {
    const run = spawnSync(process.execPath, [CODEGEN, "--check"], { cwd: PROJECT_ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const types = readFileSync(TYPES, "utf8");
    expect(types).toContain("export type PainGraphRecommendationsQuery =");
    expect(types).toContain("export type PainGraphRecommendationsQueryVariables =");
  });

  it("refuse a widget query that asks for a field the schema does not have", () => {
    const root = scratchRoot(readFileSync(WIDGET, "utf8").replace("rank\n", "rank\n          popularity\n"));
    roots.push(root);
    const script = `require(${JSON.stringify(CODEGEN)}).generateWidgetTypes(${JSON.stringify(root)})
      .then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); })`;
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Cannot query field "popularity" on type "RankedTreatment"');
  });

  it("type-check the widget's JavaScript: every field it reads is one its query selects", () => {
    expect(typeCheck([WIDGET, TYPES])).toEqual([]);
  });

  it("catch a widget that reads a field its query does not select", () => {
    const root = scratchRoot(readFileSync(WIDGET, "utf8").replace("item.conflict ?", "item.conflicts ?"));
    roots.push(root);
    const errors = typeCheck([
      path.join(root, "widget/paingraph.js"),
      path.join(root, "widget/paingraph.types.ts"),
    ]);
    expect(errors).toEqual([expect.stringContaining("Property 'conflicts' does not exist")]);
  });
});
