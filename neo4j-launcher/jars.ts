/** Fetches Neo4j's jars with Maven once (into .neo4j/lib) and compiles the Java launcher; later calls are no-ops. */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface LauncherPaths {
  root: string;
  lib: string;
  classes: string;
  pom: string;
  conf: string;
  javaSources: string;
}

export function launcherPaths(projectRoot: string): LauncherPaths {
  const base = path.join(projectRoot, "neo4j-launcher");
  return {
    root: projectRoot,
    lib: path.join(projectRoot, ".neo4j", "lib"),
    classes: path.join(projectRoot, ".neo4j", "classes"),
    pom: path.join(base, "pom.xml"),
    conf: path.join(base, "neo4j.conf"),
    javaSources: path.join(base, "src", "main", "java", "dev", "paingraph", "neo4j"),
  };
}

/** The Neo4j version pinned in pom.xml. */
export function pinnedNeo4jVersion(paths: LauncherPaths): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(paths.pom, "utf8"));
  if (!match?.[1]) throw new Error(`No <neo4j.version> in ${paths.pom}`);
  return match[1];
}

export function ensureJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new Error("Java 17+ is needed to run the embedded Neo4j (or set NEO4J_URI to a running Neo4j).");
  }
}

export function ensureJars(paths: LauncherPaths, log: (message: string) => void): void {
  const marker = path.join(paths.lib, `.resolved-${pinnedNeo4jVersion(paths)}`);
  if (!fs.existsSync(marker)) {
    log(`Fetching Neo4j ${pinnedNeo4jVersion(paths)} with Maven (first run only)...`);
    fs.rmSync(paths.lib, { recursive: true, force: true });
    const mvn = spawnSync(
      "mvn",
      [
        "-q",
        "-B",
        "-f",
        paths.pom,
        "dependency:copy-dependencies",
        `-DoutputDirectory=${paths.lib}`,
        "-DincludeScope=runtime",
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    if (mvn.error || mvn.status !== 0) {
      throw new Error(
        `Maven could not fetch Neo4j:\n${mvn.stdout ?? ""}${mvn.stderr ?? mvn.error?.message ?? ""}`,
      );
    }
    fs.writeFileSync(marker, new Date().toISOString());
  }
  compileLauncher(paths);
}

function compileLauncher(paths: LauncherPaths): void {
  const sources = fs.readdirSync(paths.javaSources).filter((name) => name.endsWith(".java"));
  const newestSource = Math.max(
    ...sources.map((name) => fs.statSync(path.join(paths.javaSources, name)).mtimeMs),
  );
  const stamp = path.join(paths.classes, ".compiled");
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestSource) return;
  fs.rmSync(paths.classes, { recursive: true, force: true });
  fs.mkdirSync(paths.classes, { recursive: true });
  execFileSync(
    "javac",
    [
      "-d",
      paths.classes,
      "-cp",
      path.join(paths.lib, "*"),
      ...sources.map((name) => path.join(paths.javaSources, name)),
    ],
    { stdio: "inherit" },
  );
  fs.writeFileSync(stamp, "");
}
