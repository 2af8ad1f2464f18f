import fs from "node:fs";
import path from "node:path";
import { Kind, parse } from "graphql";
import { LANDING_OPERATION } from "../../src/http/landing-operation";
import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const files = fs
  .readdirSync(EXAMPLES)
  .filter((file) => file.endsWith(".graphql"))
  .sort();

/** True when some list or object in the data holds something: an example that finds nothing proves nothing. */
function hasContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === "object") return Object.values(value).some(hasContent);
  return value !== null && value !== undefined;
}

describe("the example operations in examples/", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server.close());

  it("include one operation for each user task, each asking the root fields that task needs", () => {
    const rootFields = (file: string) =>
      parse(fs.readFileSync(path.join(EXAMPLES, file), "utf8"))
        .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
        .flatMap((operation) =>
          operation.selectionSet.selections.flatMap((selection) =>
            selection.kind === Kind.FIELD ? [selection.name.value] : [],
          ),
        );
    const asked = Object.fromEntries(
      files.map((file) => [file.replace(/^\d+-|\.graphql$/g, ""), rootFields(file)]),
    );
    expect(asked).toMatchObject({
      "treatments-for-a-condition": ["conditionByCode"],
      "condition-by-code": ["conditionByCode"],
      "guideline-conflicts": ["condition"],
      "search-lay-terms": ["search"],
      "care-team": ["condition"],
      "browse-conditions": ["conditions"],
      "non-opioid-non-invasive": ["treatments"],
      "guideline-and-its-recommendations": ["guideline"],
      "myths-and-statistics": ["myths", "statistics"],
      "node-and-lists": ["node", "conditionGroups", "modalities", "disciplines", "professions"],
      "related-conditions": ["condition"],
      "data-release": ["dataRelease", "guidelines"],
      "recommend-treatments": ["recommendTreatments"],
      "explain-path": ["explainPath"],
      "recommend-for-a-patient": ["recommendTreatments"],
    });
  });

  it.each(files)("%s runs without errors and returns data", async (file) => {
    const { status, body } = await server.graphql(fs.readFileSync(path.join(EXAMPLES, file), "utf8"));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    for (const [field, value] of Object.entries(body.data ?? {})) {
      expect([field, hasContent(value)]).toEqual([field, true]);
    }
  });

  it("include the operation the explorers open with, which runs with its variables as they stand", async () => {
    const { body } = await server.graphql<{ recommendTreatments: { items: unknown[]; disclaimer: string } }>(
      LANDING_OPERATION.document,
      { ...LANDING_OPERATION.variables },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.recommendTreatments.items.length).toBeGreaterThan(0);
    expect(body.data?.recommendTreatments.disclaimer).toMatch(/does not prescribe/);
  });
});
