/**
 * The datasets: `seed` (the development Neo4j on 7687) and the kept synthetic graphs (one at a time on 7689,
 * built once by npm run seed:synthetic and reused). Finds what each offers the workloads.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import neo4j from "neo4j-driver";
import { pidListeningOn } from "./procfs";
import { ROOT } from "./systems";
import type { DatasetParams } from "./workloads";

export type DatasetName = "seed" | "synthetic-1e4" | "synthetic-1e5";
export const SYNTHETIC_CONDITIONS: Record<string, number> = {
  "synthetic-1e4": 10_000,
  "synthetic-1e5": 100_000,
};
const SYNTHETIC_PORT = 7689;

export interface OpenDataset {
  name: string;
  uri: string;
  /** The Neo4j JVM's pid (for its CPU time), when it runs on this machine. */
  neo4jPid: number | null;
  params: DatasetParams;
  close(): Promise<void>;
}

const portOf = (uri: string) =>
  Number(new URL(uri.replace(/^(bolt|neo4j)(\+s|\+ssc)?:/, "http:")).port || 7687);

function node(script: string, args: string[]): void {
  execFileSync(process.execPath, [path.join(ROOT, "dist", script), ...args], { cwd: ROOT, stdio: "inherit" });
}

/** Stops whichever kept synthetic instance holds the port, by its own CLI (data kept). */
function freeSyntheticPort(except: number): void {
  for (const conditions of Object.values(SYNTHETIC_CONDITIONS)) {
    if (conditions === except) continue;
    const pidFile = path.join(ROOT, ".neo4j", `synthetic-${conditions}`, "launcher.pid");
    if (!fs.existsSync(pidFile)) continue;
    const { pid } = JSON.parse(fs.readFileSync(pidFile, "utf8")) as { pid: number };
    if (pid && pidListeningOn(SYNTHETIC_PORT) === pid)
      node("bench/synthetic/synthetic.js", ["--conditions", String(conditions), "--stop"]);
  }
}

/** Opens a dataset. With `uri` given (e.g. the test Neo4j), uses that server and starts nothing. */
export async function openDataset(name: string, uri?: string): Promise<OpenDataset> {
  let target = uri ?? "bolt://127.0.0.1:7687";
  let close = async (): Promise<void> => undefined;
  const conditions = SYNTHETIC_CONDITIONS[name];
  if (!uri && conditions) {
    freeSyntheticPort(conditions);
    node("bench/synthetic/synthetic.js", ["--conditions", String(conditions)]);
    target = `bolt://127.0.0.1:${SYNTHETIC_PORT}`;
    close = async () => node("bench/synthetic/synthetic.js", ["--conditions", String(conditions), "--stop"]);
  } else if (!uri) {
    node("scripts/db.js", ["start"]);
  }
  const params = await discover(target);
  return { name, uri: target, neo4jPid: pidListeningOn(portOf(target)), params, close };
}

const SEED_SEARCHES = ["sciatica", "fibromialgia", "nerve pain"];
const SYNTHETIC_SEARCHES = ["radiculopathy", "cervical pain", "myofascal"];

/** Codes, condition pairs and search terms with ordinary fan-out (3 to 40 statements), in a stable order. */
async function discover(uri: string): Promise<DatasetParams> {
  const driver = neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "paingraph-local"),
    {
      disableLosslessIntegers: true,
      telemetryDisabled: true,
    },
  );
  try {
    const read = async (cypher: string) =>
      (
        await driver.executeQuery(cypher, {}, { database: process.env.NEO4J_DATABASE ?? "neo4j" })
      ).records.map((r) => r.toObject());
    const codes = await read(`
      MATCH (k:Code {system: 'ICD10CM'})-[:IDENTIFIES]->(c:Condition)
      WITH k, c, COUNT { (c)<-[:FOR_CONDITION]-(:Recommendation) } AS n WHERE 3 <= n <= 40
      WITH c, min(k.code) AS code ORDER BY code LIMIT 4
      RETURN code`);
    const ids = await read(`
      MATCH (c:Condition)
      WITH c, COUNT { (c)<-[:FOR_CONDITION]-(:Recommendation {direction: 'FOR'}) } AS n WHERE 3 <= n <= 40
      RETURN c.id AS id ORDER BY id LIMIT 4`);
    const synthetic = (
      await read(
        `MATCH (c:Condition) WHERE c.id STARTS WITH 'condition:synthetic' RETURN count(*) > 0 AS yes`,
      )
    )[0]!.yes as boolean;
    if (codes.length < 2 || ids.length < 2)
      throw new Error(`${uri} holds too little data: run npm run seed first`);
    const pairIds = ids.map((row) => row.id as string);
    return {
      codes: codes.map((row) => row.code as string),
      conditionPairs: [
        [pairIds[0]!, pairIds[1]!],
        [pairIds[2] ?? pairIds[0]!, pairIds[3] ?? pairIds[1]!],
      ],
      searches: [...(synthetic ? SYNTHETIC_SEARCHES : SEED_SEARCHES), codes[0]!.code as string],
    };
  } finally {
    await driver.close();
  }
}
