/**
 * The benchmark's smoke: `npm run bench -- --quick` without its warm-up, against the test Neo4j.
 * It proves the harness still runs every system (PainGraph, @neo4j/graphql, the N+1 baseline, the Cypher and static
 * floors), that each answers every workload with PainGraph's data and no error, and that the JSON keeps its shape.
 * The full benchmark is never run in CI (it takes 45 minutes); BENCHMARKS.md holds its last results.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config";
import { connectNeo4j } from "../../src/neo4j/connection";
import { resolveNeo4jPassword } from "../../src/neo4j/credentials";
import { testConfig, testNeo4jUri } from "../support/server";
import { seedTestGraph } from "../support/graph";

const BENCH = path.join(PROJECT_ROOT, "bench");
const ROW_FIELDS = [
  "workload",
  "dataset",
  "concurrency",
  "system",
  "requestsPerSec",
  "p50Ms",
  "p99Ms",
  "roundTripsPerRequest",
  "apiCpuMsPerRequest",
  "neo4jCpuMsPerRequest",
  "errors",
  "rssMb",
];

interface Row {
  workload: string;
  system: string;
  errors: number;
  requests: number;
  roundTripsPerRequest: number | null;
  [field: string]: unknown;
}

/** Installs the benchmark-only packages (bench/package-lock.json) when missing, and compiles the harness. */
function prepareHarness(): void {
  if (!fs.existsSync(path.join(BENCH, "node_modules", "@neo4j", "graphql"))) {
    execFileSync("npm", ["--prefix", BENCH, "ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  }
  const tsc = path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(BENCH, "tsconfig.json")], { stdio: "inherit" });
  if (!fs.existsSync(path.join(PROJECT_ROOT, "dist", "src", "main.js"))) {
    throw new Error("dist/src/main.js is missing: run the tests through `npm test`, which builds first");
  }
}

describe("npm run bench -- --quick (smoke)", () => {
  let report: { machine: Record<string, unknown>; results: Row[] };

  beforeAll(async () => {
    const connection = connectNeo4j(testConfig().neo4j);
    try {
      await seedTestGraph(connection.database);
    } finally {
      await connection.close();
    }
    prepareHarness();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-")), "quick.json");
    execFileSync(
      process.execPath,
      [
        path.join(BENCH, "dist", "run.js"),
        "--quick",
        "--neo4j-uri",
        testNeo4jUri(),
        "--seconds",
        "2",
        "--warmup",
        "0",
        "--out",
        out,
        "--no-markdown",
      ],
      {
        cwd: PROJECT_ROOT,
        stdio: "inherit",
        timeout: 150_000,
        env: { ...process.env, NEO4J_PASSWORD: resolveNeo4jPassword(testConfig().neo4j) },
      },
    );
    report = JSON.parse(fs.readFileSync(out, "utf8")) as typeof report;
  }, 240_000);

  it("writes the documented shape: the machine and one row per workload and system", () => {
    expect(report.machine).toEqual(
      expect.objectContaining({ cores: expect.any(Number), command: expect.any(String) }),
    );
    for (const row of report.results) {
      for (const field of ROW_FIELDS) expect(row).toHaveProperty(field);
      expect(row.workload).toMatch(/^W[1-6]$/);
    }
  });

  it("has every system answer every workload it supports, with zero errors", () => {
    const answered = (system: string) =>
      report.results
        .filter((row) => row.system === system)
        .map((row) => row.workload)
        .sort();
    for (const system of ["paingraph", "paingraph-uncached", "naive", "static"]) {
      expect(answered(system)).toEqual(["W1", "W2", "W3", "W4", "W5", "W6"]);
    }
    expect(answered("cypher-floor")).toEqual(["W1", "W2", "W3", "W4", "W5"]);
    expect(answered("neo4j-graphql")).toEqual(["W1", "W2", "W4", "W5"]);
    for (const row of report.results) {
      expect({ system: row.system, workload: row.workload, errors: row.errors }).toEqual({
        system: row.system,
        workload: row.workload,
        errors: 0,
      });
      expect(row).not.toHaveProperty("sameData");
    }
    // Every system answered every request correctly before the load (sameData); under load only the fast ones
    // are sure to complete within the smoke's 2 s on a busy 2-core machine (naive W2 takes over a second each).
    const completed = report.results.filter((row) => row.system !== "naive");
    for (const row of completed)
      expect({ system: row.system, workload: row.workload, answered: row.requests > 0 }).toMatchObject({
        answered: true,
      });
  });

  it("shows batching: W2 costs one round trip per level less the folded ones, and the N+1 baseline far more", () => {
    const w2 = (system: string) =>
      report.results.find((row) => row.workload === "W2" && row.system === system)!;
    // The page with its recommendations, their treatments and the treatments' deliveredBy folded in.
    expect(w2("paingraph").roundTripsPerRequest).toBe(1);
    expect(w2("paingraph-uncached").roundTripsPerRequest).toBe(1);
    expect(w2("naive").roundTripsPerRequest).toBeGreaterThanOrEqual(20 * 1);
  });
});
