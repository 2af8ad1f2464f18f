import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatProblem } from "../../src/model/seed-set";
import { connectNeo4j, type Neo4jConnection } from "../../src/neo4j/connection";
import { totalChanges } from "../../src/neo4j/database";
import { DEFAULT_SEED_DIR, readSeedFiles } from "../../src/write-model/seed-files";
import { validateSeed } from "../../src/write-model/seed.rules";
import { loadSeed } from "../../src/write-model/seed.service";
import { countByLabel, graphFingerprint, seedTestGraph } from "../support/graph";
import { testConfig } from "../support/server";

type Json = Record<string, unknown> & { id?: string };

const copies: string[] = [];

function copySeedDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-seed-"));
  copies.push(dir);
  for (const file of fs.readdirSync(DEFAULT_SEED_DIR))
    fs.copyFileSync(path.join(DEFAULT_SEED_DIR, file), path.join(dir, file));
  return dir;
}

function editFile(dir: string, file: string, edit: (records: Json[]) => Json[]): void {
  const full = path.join(dir, file);
  fs.writeFileSync(full, JSON.stringify(edit(JSON.parse(fs.readFileSync(full, "utf8")) as Json[]), null, 2));
}

function validationProblems(dir: string): string[] {
  const raw = readSeedFiles(dir);
  return [...raw.problems, ...validateSeed(raw.parts).problems].map(formatProblem);
}

async function loadDir(connection: Neo4jConnection, dir: string, beforeStatement?: (index: number) => void) {
  const raw = readSeedFiles(dir);
  const { set } = validateSeed(raw.parts);
  if (!set) throw new Error(validationProblems(dir).join("\n"));
  return loadSeed(connection.database, set, { checksum: raw.checksum, beforeStatement });
}

const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(DEFAULT_SEED_DIR, file), "utf8")) as Json[];

describe("the seed loader", () => {
  let connection: Neo4jConnection;

  beforeAll(async () => {
    connection = connectNeo4j(testConfig().neo4j);
    await seedTestGraph(connection.database);
  });
  afterAll(async () => {
    await seedTestGraph(connection.database);
    await connection.close();
    for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("holds as many nodes of each label as the files hold records", async () => {
    const db = connection.database;
    expect(await countByLabel(db, "Condition")).toBe(read("conditions.json").length);
    expect(await countByLabel(db, "Treatment")).toBe(read("treatments.json").length);
    expect(await countByLabel(db, "Recommendation")).toBe(read("recommendations.json").length);
    expect(await countByLabel(db, "Guideline")).toBe(read("guidelines.json").length);
    expect(await countByLabel(db, "ConditionGroup")).toBe(read("condition-groups.json").length);
    expect(await countByLabel(db, "Discipline")).toBe(read("disciplines.json").length);
    expect(await countByLabel(db, "Profession")).toBe(read("professions.json").length);
    expect(await countByLabel(db, "Myth")).toBe(read("myths.json").length);
    expect(await countByLabel(db, "Statistic")).toBe(read("statistics.json").length);
  });

  it("makes zero writes and keeps the release when loaded again with unchanged files", async () => {
    const before = await graphFingerprint(connection.database);
    const result = await seedTestGraph(connection.database);
    expect(result.changed).toBe(false);
    expect(totalChanges(result.counters)).toBe(0);
    expect(await graphFingerprint(connection.database)).toBe(before);
  });

  it("links every recommendation to exactly one guideline, one treatment and one condition", async () => {
    const rows = await connection.database.read<{
      id: string;
      guidelines: number;
      treatments: number;
      conditions: number;
    }>(`
      MATCH (r:Recommendation)
      RETURN r.id AS id,
             COUNT { (r)-[:CITES]->(:Guideline) } AS guidelines,
             COUNT { (r)-[:ABOUT_TREATMENT]->(:Treatment) } AS treatments,
             COUNT { (r)-[:FOR_CONDITION]->(:Condition) } AS conditions`);
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.filter((row) => row.guidelines !== 1 || row.treatments !== 1 || row.conditions !== 1),
    ).toEqual([]);
  });

  it.each([
    [
      "a bad reference",
      "recommendations.json",
      (records: Json[]) => [{ ...records[0], conditionId: "condition:no-such-thing" }, ...records.slice(1)],
      /recommendations\.json: .* → conditionId: unknown reference "condition:no-such-thing"/,
    ],
    [
      "a duplicate id",
      "treatments.json",
      (records: Json[]) => [...records, { ...records[1] }],
      /treatments\.json: treatment:[a-z0-9-]+ → id: duplicate id/,
    ],
    [
      "a code mapped twice",
      "conditions.json",
      (records: Json[]) => [
        records[0]!,
        {
          ...records[1],
          icd10Codes: [...(records[1]!.icd10Codes as string[]), (records[0]!.icd10Codes as string[])[0]!],
        },
        ...records.slice(2),
      ],
      /conditions\.json: condition:[a-z0-9-]+ → icd10Codes: code "[A-Z0-9.]+" is already mapped to condition:/,
    ],
    [
      "a malformed ICD-10-CM code",
      "conditions.json",
      (records: Json[]) => [{ ...records[0], icd10Codes: ["M54-5"] }, ...records.slice(1)],
      /icd10Codes: "M54-5" is not a well-formed ICD-10-CM code/,
    ],
    [
      "an invasiveness out of range",
      "treatments.json",
      (records: Json[]) => [{ ...records[0], invasivenessMax: 7 }, ...records.slice(1)],
      /treatments\.json: treatment:[a-z0-9-]+ → invasivenessMax: invasivenessMax must not be greater than 3 \(got 7\)/,
    ],
    [
      "a recommendation without a guideline",
      "recommendations.json",
      (records: Json[]) => [
        Object.fromEntries(Object.entries(records[0]!).filter(([key]) => key !== "guidelineId")),
        ...records.slice(1),
      ],
      /recommendations\.json: .* → guidelineId: guidelineId must match/,
    ],
  ])("rejects %s with a precise message and writes nothing", async (_name, file, edit, expected) => {
    const dir = copySeedDir();
    editFile(dir, file, edit);
    const before = await graphFingerprint(connection.database);
    const problems = validationProblems(dir);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    await expect(loadDir(connection, dir)).rejects.toThrow();
    expect(await graphFingerprint(connection.database)).toBe(before);
  });

  it("leaves the previous graph exactly as it was when a load fails part-way", async () => {
    const dir = copySeedDir();
    editFile(dir, "myths.json", (records) => records.slice(1));
    const before = await graphFingerprint(connection.database);
    const failHalfway = (index: number) => {
      if (index === 30) throw new Error("injected failure at statement 30");
    };
    await expect(loadDir(connection, dir, failHalfway)).rejects.toThrow(/injected failure/);
    expect(await graphFingerprint(connection.database)).toBe(before);
  });

  it("removes from the graph a record removed from the files, and bumps the release once", async () => {
    const dir = copySeedDir();
    const [removed] = read("myths.json");
    editFile(dir, "myths.json", (records) => records.filter((record) => record.id !== removed!.id));
    const versionBefore = (await seedTestGraph(connection.database)).version;

    const result = await loadDir(connection, dir);
    expect(result).toMatchObject({ changed: true, version: versionBefore + 1 });
    const left = await connection.database.read(`MATCH (n {id: $id}) RETURN n`, { id: removed!.id });
    expect(left).toEqual([]);
    const orphanFacts = await connection.database.read(
      `MATCH (f:MythFact) WHERE NOT (:Myth)-[:HAS_FACT]->(f) RETURN f`,
    );
    expect(orphanFacts).toEqual([]);

    const restored = await seedTestGraph(connection.database);
    expect(restored).toMatchObject({ changed: true, version: versionBefore + 2 });
    expect(await countByLabel(connection.database, "Myth")).toBe(read("myths.json").length);
  });
});
