/**
 * node bench/dist/profile.js [--system paingraph] [--workload W2] [--dataset seed] [--seconds 10] [--concurrency 8]:
 * [--out FILE]: runs one system under load with --cpu-prof and prints where its CPU time goes, by package and by
 * function, per request served.
 */
import fs from "node:fs";
import path from "node:path";
import { openDataset } from "./datasets";
import { runLoad } from "./load";
import { loadAverage } from "./procfs";
import { ROOT, startSystem } from "./systems";
import { questions, requestBody, type System, type WorkloadName } from "./workloads";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Buckets a frame by the package (or PainGraph folder) it belongs to. */
export function bucketOf(url: string): string {
  if (!url) return "(native / idle / gc)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/dist\/src\/([^/]+)/.exec(url);
  if (ours) return `paingraph src/${ours[1]}`;
  if (url.startsWith("node:")) return "node core";
  return path.basename(url);
}

export function summarise(profile: CpuProfile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    total += micros;
    const bucket = bucketOf(frame.url);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + micros);
    const name = `${frame.functionName || "(anonymous)"} ${bucket}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => ({ name: k, ms: Math.round(v / 1000), share: Math.round((1000 * v) / total) / 10 }));
  return { totalMs: Math.round(total / 1000), byPackage: sorted(buckets), byFunction: sorted(functions) };
}

async function main(argv: string[]) {
  const value = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1]! : fallback;
  };
  const system = value("system", "paingraph") as System;
  const workload = value("workload", "W2") as WorkloadName;
  const dataset = await openDataset(
    value("dataset", "seed"),
    argv.includes("--neo4j-uri") ? value("neo4j-uri", "") : undefined,
  );
  const dir = path.join(ROOT, "bench/.data/profiles", `${system}-${workload}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  const server = await startSystem(system, {
    neo4jUri: dataset.uri,
    neo4jPassword: dataset.neo4jPassword,
    nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  });
  let served = 0;
  let heading = "";
  try {
    /* eslint-disable @typescript-eslint/no-explicit-any */
    const codes = require(path.join(ROOT, "dist/src/model/codes")) as any;
    const lucene = require(path.join(ROOT, "dist/src/search/lucene")) as any;
    const normalise = {
      icd10Key: codes.icd10Key,
      toLuceneQuery: lucene.toLuceneQuery,
      exactCodeKey: () => null,
    };
    /* eslint-enable @typescript-eslint/no-explicit-any */
    const requests = questions(workload, dataset.params).map((q) => {
      const body = requestBody(system, q, normalise);
      return { body, expectedBody: "", matches: () => true };
    });
    const result = await runLoad(
      server.url,
      requests,
      Number(value("concurrency", "8")),
      Number(value("seconds", "10")),
    );
    served = result.ok;
    heading =
      `${system} ${workload} on ${dataset.name}, concurrency ${value("concurrency", "8")}: ${result.ok} requests in ` +
      `${Math.round(result.durationMs)} ms, ${result.errors} errors; load average ${loadAverage().join(" / ")}`;
  } finally {
    await server.stop();
    await dataset.close();
  }
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const summary = summarise(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CpuProfile);
  fs.writeFileSync(path.join(dir, "summary.json"), JSON.stringify(summary, null, 2));
  const text = asText(heading, summary, served);
  const out = argv.includes("--out") ? value("out", "") : null;
  if (out) fs.writeFileSync(out, text);
  console.log(text);
}

/** The summary as a reader wants it: self time per request (the process's CPU over every request it served). */
export function asText(heading: string, summary: ReturnType<typeof summarise>, requests: number): string {
  const perRequest = (ms: number) => (requests > 0 ? (ms / requests).toFixed(2) : "–");
  const table = (rows: Array<{ name: string; ms: number; share: number }>) =>
    rows.map((r) => `${perRequest(r.ms).padStart(8)} ms/req  ${r.share.toFixed(1).padStart(5)} %  ${r.name}`);
  return [
    heading,
    `CPU samples (self time, idle excluded): ${summary.totalMs} ms in all, ${perRequest(summary.totalMs)} ms per request`,
    "",
    "By package (or PainGraph folder):",
    ...table(summary.byPackage),
    "",
    "By function (self time):",
    ...table(summary.byFunction),
    "",
  ].join("\n");
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
