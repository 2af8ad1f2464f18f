import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, PROJECT_ROOT } from "../../src/config";
import { connectNeo4j, type Neo4jConnection } from "../../src/neo4j/connection";
import { neo4jPasswordFile } from "../../src/neo4j/credentials";
import { NODE_LABELS } from "../../src/write-model/graph-plan";
import { syntheticPlan } from "../../bench/synthetic/synthetic-plan";
import { buildSyntheticGraph, CuratedGraphError } from "../../bench/synthetic/synthetic.service";
import { parseArgs } from "../../bench/synthetic/synthetic";
import { startNeo4j, stopNeo4j } from "../../neo4j-launcher/launcher";
import { countByLabel } from "../support/graph";
import { testNeo4jPort } from "../support/test-neo4j";

// A port and folder of this file's own: the synthetic graph never touches the shared test instance.
const PORT = testNeo4jPort(7692);
const OPTIONS = { conditions: 300, seed: 42 };
const CLI = path.join(PROJECT_ROOT, "dist", "bench", "synthetic", "synthetic.js");

/** Runs the built CLI without NEO4J_URI, so it uses (and here reuses) the embedded instance it is given. */
function runCli(args: string[]) {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "NEO4J_URI"));
  const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the synthetic graph builder", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-synthetic-"));
  let connection: Neo4jConnection;

  beforeAll(async () => {
    const running = await startNeo4j({ projectRoot: PROJECT_ROOT, port: PORT, dataDir });
    connection = connectNeo4j({
      ...loadConfig({ NODE_ENV: "test" }).neo4j,
      uri: running.uri,
      passwordFile: neo4jPasswordFile(dataDir),
    });
  }, 180_000);
  afterAll(async () => {
    await connection?.close();
    await stopNeo4j({ dataDir });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("builds the planned number of nodes of every label, all of them synthetic Entities", async () => {
    const result = await buildSyntheticGraph(connection.database, OPTIONS);
    expect(result).toMatchObject({
      built: true,
      release: { checksum: "synthetic-300-42-v1", synthetic: true },
    });
    const plan = syntheticPlan(OPTIONS);
    for (const label of NODE_LABELS)
      expect([label, await countByLabel(connection.database, label)]).toEqual([
        label,
        plan.nodes[label].length,
      ]);
    const [row] = await connection.database.read<{ total: number; marked: number }>(
      `MATCH (n:Entity) RETURN count(n) AS total, count(CASE WHEN n.synthetic = true THEN 1 END) AS marked`,
    );
    expect(row!.marked).toBe(row!.total);
    expect(result.counts.totalNodes).toBe(row!.total + 1);
  }, 120_000);

  it("writes the release marker with the size, seed and generator version", async () => {
    const [release] = await connection.database.read(
      `MATCH (r:DataRelease) RETURN r.id AS id, r.version AS version, r.checksum AS checksum,
              r.synthetic AS synthetic, r.conditions AS conditions, r.loadedAt IS NOT NULL AS loaded`,
    );
    expect(release).toEqual({
      id: "release",
      version: 1,
      checksum: "synthetic-300-42-v1",
      synthetic: true,
      conditions: 300,
      loaded: true,
    });
  });

  it("links every recommendation to exactly one guideline, one treatment and one condition", async () => {
    const rows = await connection.database.read<{ bad: number; total: number }>(`
      MATCH (r:Recommendation)
      WITH r,
           COUNT { (r)-[:CITES]->(:Guideline) } AS guidelines,
           COUNT { (r)-[:CITES]->() } AS cites,
           COUNT { (r)-[:ABOUT_TREATMENT]->(:Treatment) } AS treatments,
           COUNT { (r)-[:FOR_CONDITION]->(:Condition) } AS conditions
      RETURN count(CASE WHEN guidelines <> 1 OR cites <> 1 OR treatments <> 1 OR conditions <> 1 THEN 1 END) AS bad,
             count(r) AS total`);
    expect(rows).toEqual([{ bad: 0, total: syntheticPlan(OPTIONS).nodes.Recommendation.length }]);
  });

  it("keeps a matching build: a second run without --force writes nothing", async () => {
    const before = await connection.database.read(`MATCH (r:DataRelease) RETURN r.loadedAt AS loadedAt`);
    const result = await buildSyntheticGraph(connection.database, OPTIONS);
    expect(result).toMatchObject({ built: false, written: { nodes: 0, relationships: 0, batches: 0 } });
    expect(await connection.database.read(`MATCH (r:DataRelease) RETURN r.loadedAt AS loadedAt`)).toEqual(
      before,
    );
  });

  it("says so from the command line and exits 0, leaving the instance running", () => {
    const { status, output } = runCli(["--conditions", "300", "--port", String(PORT), "--data-dir", dataDir]);
    expect(output).toMatch(/Already built: .*synthetic-300-42-v1.*nothing written/);
    expect(output).toContain(`Synthetic Neo4j running on bolt://127.0.0.1:${PORT}`);
    expect(status).toBe(0);
  });

  it("rebuilds with --force, replacing the earlier build instead of adding to it", async () => {
    const result = await buildSyntheticGraph(connection.database, {
      ...OPTIONS,
      force: true,
      batchSize: 700,
    });
    expect(result).toMatchObject({ built: true, written: { cleared: expect.any(Number) as number } });
    expect(result.written.cleared).toBe(result.written.nodes);
    expect(await countByLabel(connection.database, "Condition")).toBe(300);
    expect(await countByLabel(connection.database, "DataRelease")).toBe(1);
  }, 120_000);

  it("refuses to write into a graph that holds curated (non-synthetic) data", async () => {
    await connection.database.write(`CREATE (:Entity:Condition {id: 'condition:curated-probe'})`);
    try {
      await expect(buildSyntheticGraph(connection.database, { ...OPTIONS, seed: 1 })).rejects.toThrow(
        CuratedGraphError,
      );
      expect(await countByLabel(connection.database, "Condition")).toBe(301);
      const [release] = await connection.database.read(`MATCH (r:DataRelease) RETURN r.checksum AS checksum`);
      expect(release).toEqual({ checksum: "synthetic-300-42-v1" });
    } finally {
      await connection.database.write(`MATCH (n {id: 'condition:curated-probe'}) DELETE n`);
    }
  });
});

describe("the seed:synthetic command line", () => {
  it("reads every option, with defaults for all but --conditions", () => {
    expect(parseArgs(["--conditions", "10000"], "/work")).toEqual({
      conditions: 10_000,
      seed: 42,
      port: 7689,
      dataDir: null,
      batchSize: 5_000,
      force: false,
      stop: false,
      help: false,
    });
    expect(
      parseArgs(
        ["--conditions=5", "--seed=7", "--port", "7700", "--data-dir", "x", "--force", "--stop"],
        "/w",
      ),
    ).toMatchObject({ conditions: 5, seed: 7, port: 7700, dataDir: "/w/x", force: true, stop: true });
  });

  it.each([
    [[], /--conditions is required/],
    [["--conditions", "ten"], /--conditions must be an integer from 1 to 1000000 \(got "ten"\)/],
    [["--conditions", "0"], /--conditions must be an integer/],
    [["--conditions", "5", "--port"], /--port needs a value/],
    [["--conditions", "5", "--colour", "red"], /unknown argument "--colour"/],
    [["--conditions", "5", "--force=yes"], /--force takes no value/],
  ])("rejects %j with a clear message", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it("exits non-zero with the usage on a bad flag", () => {
    const { status, output } = runCli(["--conditions", "many"]);
    expect(status).toBe(2);
    expect(output).toMatch(/--conditions must be an integer[\s\S]*usage: npm run seed:synthetic/);
  });
});
