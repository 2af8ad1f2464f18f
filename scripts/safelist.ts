/**
 * Generates schema/safelist.json, the operations a server in persisted-only mode answers (src/limits/safelist.ts):
 * the widget's (widget/paingraph.js), the documented examples (examples/*.graphql, the operations the explorers
 * open with, and the ```graphql blocks of README.md and docs/). Each is validated against schema/schema.graphql.
 * `npm run safelist` writes the file; `-- --check` exits 1 when the committed one is stale
 * (tests/unit/safelist.test.ts fails then too).
 */
import fs from "node:fs";
import path from "node:path";
import { buildSchema, Kind, parse, stripIgnoredCharacters, validate } from "graphql";
import { PROJECT_ROOT } from "../src/config";
import * as explorerOperations from "../src/http/landing-operation";
import {
  operationId,
  SAFELIST_FORMAT,
  type Safelist,
  type SafelistedOperation,
} from "../src/limits/safelist";

const OUTPUT = "schema/safelist.json";

interface FoundDocument {
  source: string;
  document: string;
}

/** Template literals marked with a GraphQL comment (as scripts/codegen.ts reads the widget), and the demo's picker. */
function widgetDocuments(root: string): FoundDocument[] {
  return ["widget/paingraph.js", "widget/demo.js"]
    .filter((file) => fs.existsSync(path.join(root, file)))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      return [...text.matchAll(/\/\* GraphQL \*\/ `([^`]*)`/g)].map((match) => ({
        source: file,
        document: match[1] ?? "",
      }));
    });
}

function exampleDocuments(root: string): FoundDocument[] {
  const folder = path.join(root, "examples");
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => ({
      source: `examples/${file}`,
      document: fs.readFileSync(path.join(folder, file), "utf8"),
    }));
}

function markdownDocuments(root: string): FoundDocument[] {
  const docs = fs
    .readdirSync(path.join(root, "docs"))
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => `docs/${file}`);
  return ["README.md", ...docs].flatMap((file) =>
    [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map(
      (match) => ({ source: file, document: match[1] ?? "" }),
    ),
  );
}

function operationNames(document: string): string[] {
  return parse(document).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? "anonymous"] : [],
  );
}

/** The safelist as the sources stand now; throws when one of their operations does not validate. */
export function buildSafelist(root = PROJECT_ROOT): Safelist {
  const schema = buildSchema(fs.readFileSync(path.join(root, "schema/schema.graphql"), "utf8"));
  const found: FoundDocument[] = [
    ...widgetDocuments(root),
    ...exampleDocuments(root),
    ...Object.values(explorerOperations).map(({ document }) => ({
      source: "src/http/landing-operation.ts",
      document,
    })),
    ...markdownDocuments(root),
  ];
  const operations = new Map<string, SafelistedOperation>();
  for (const { source, document } of found) {
    const errors = validate(schema, parse(document));
    if (errors.length > 0) throw new Error(`${source}: ${errors.map((error) => error.message).join("; ")}`);
    const id = operationId(document)!;
    if (!operations.has(id))
      operations.set(id, {
        id,
        names: operationNames(document),
        source,
        document: stripIgnoredCharacters(document),
      });
  }
  return { format: SAFELIST_FORMAT, operations: [...operations.values()] };
}

export function safelistText(root = PROJECT_ROOT): string {
  return `${JSON.stringify(buildSafelist(root), null, 2)}\n`;
}

function main(): void {
  const target = path.join(PROJECT_ROOT, OUTPUT);
  const generated = safelistText();
  if (!process.argv.includes("--check")) {
    fs.writeFileSync(target, generated);
    console.log(`Wrote ${OUTPUT} (${buildSafelist().operations.length} operations)`);
    return;
  }
  const committed = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (committed !== generated) {
    console.error(`${OUTPUT} is stale: run \`npm run safelist\` and commit the result.`);
    process.exitCode = 1;
    return;
  }
  console.log(`${OUTPUT} is up to date.`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
