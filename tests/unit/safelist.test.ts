import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSafelist, safelistText } from "../../scripts/safelist";
import { PROJECT_ROOT } from "../../src/config";
import { LANDING_OPERATION, PICKER_OPERATION } from "../../src/http/landing-operation";
import { operationId, readSafelist, SAFELIST_FILE, withSafelistedDocuments } from "../../src/limits/safelist";

describe("the persisted-only safelist (schema/safelist.json)", () => {
  it("is current: regenerate it with `npm run safelist` after changing the widget's or the docs' operations", () => {
    expect(fs.readFileSync(SAFELIST_FILE, "utf8")).toBe(safelistText());
  });

  it("holds the widget's operation, every example in examples/ and the operations the explorers open with", () => {
    const sources = new Set(readSafelist().operations.map((operation) => operation.source));
    const examples = fs
      .readdirSync(path.join(PROJECT_ROOT, "examples"))
      .filter((f) => f.endsWith(".graphql"));
    expect(examples.length).toBeGreaterThan(10);
    for (const file of examples) expect(sources).toContain(`examples/${file}`);
    expect(sources).toContain("widget/paingraph.js");
    const ids = new Set(readSafelist().operations.map((operation) => operation.id));
    expect(ids).toContain(operationId(LANDING_OPERATION.document));
    expect(ids).toContain(operationId(PICKER_OPERATION.document));
  });

  it("fails to build when a documented operation no longer validates against the schema", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-safelist-"));
    try {
      for (const part of ["schema", "examples", "docs", "widget"]) fs.mkdirSync(path.join(root, part));
      fs.copyFileSync(
        path.join(PROJECT_ROOT, "schema/schema.graphql"),
        path.join(root, "schema/schema.graphql"),
      );
      fs.writeFileSync(path.join(root, "README.md"), "no operations here\n");
      fs.writeFileSync(path.join(root, "widget/paingraph.js"), "");
      fs.writeFileSync(path.join(root, "examples/bad.graphql"), '{ condition(id: "x") { noSuchField } }');
      expect(() => buildSafelist(root)).toThrow(/examples\/bad\.graphql: .*noSuchField/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("operationId", () => {
  it("is the same for spellings that differ only in whitespace, commas and comments", () => {
    const tidy = `query Q($id: ID!) {\n  condition(id: $id) { id name }\n}`;
    const squashed = `# a comment\nquery Q($id:ID!){condition(id:$id){id,name}}`;
    expect(operationId(squashed)).toBe(operationId(tidy));
    expect(operationId(tidy)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs when the operation does, and is null for text that is not GraphQL", () => {
    expect(operationId("{ conditions { items { id } } }")).not.toBe(
      operationId("{ conditions { items { id name } } }"),
    );
    expect(operationId('{ condition(id: "unterminated) }')).toBeNull();
  });
});

describe("withSafelistedDocuments", () => {
  it("answers a safelisted id with its document, and anything else from the underlying store", async () => {
    const safelist = readSafelist();
    const store = withSafelistedDocuments(null, safelist);
    const [first] = safelist.operations;
    await expect(store.get(first!.id)).resolves.toBe(first!.document);
    await expect(store.get("f".repeat(64))).resolves.toBeUndefined();
    await store.set("f".repeat(64), "{ __typename }");
    await expect(store.get("f".repeat(64))).resolves.toBe("{ __typename }");
  });
});
