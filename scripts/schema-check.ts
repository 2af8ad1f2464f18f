/**
 * Schema evolution check: compares schema/schema.graphql with the last released schema (schema/released.graphql)
 * with GraphQL Inspector and fails on a breaking change that schema/breaking-changes.json does not list with a
 * reason. `-- --release` makes the current schema the released one and empties the allow-list.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Change, CriticalityLevel, diff, DiffRule } from "@graphql-inspector/core";
import { buildSchema } from "graphql";
import { PROJECT_ROOT } from "../src/config";

export const CURRENT_SCHEMA = "schema/schema.graphql";
export const RELEASED_SCHEMA = "schema/released.graphql";
export const ALLOW_LIST = "schema/breaking-changes.json";

/** One accepted breaking change: Inspector's change type and path (e.g. FIELD_REMOVED, Treatment.refId). */
export interface AllowedChange {
  type: string;
  path: string;
  reason: string;
}

export interface SchemaCheckResult {
  changes: Change[];
  /** Breaking changes not in the allow-list: any makes the check fail. */
  unmarked: Change[];
  /** Allow-list entries that are malformed (no reason) or match no change. */
  problems: string[];
}

export function parseAllowList(json: string): AllowedChange[] {
  const parsed = JSON.parse(json) as { allowed?: unknown };
  if (!Array.isArray(parsed.allowed)) throw new Error(`${ALLOW_LIST}: "allowed" must be an array`);
  return parsed.allowed as AllowedChange[];
}

/**
 * Removing a field that the released schema already marked @deprecated is not breaking under the deprecation
 * policy (it is reported as dangerous); everything else Inspector calls breaking must be allow-listed.
 */
export async function checkSchemaEvolution(
  releasedSdl: string,
  currentSdl: string,
  allowed: readonly AllowedChange[],
): Promise<SchemaCheckResult> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl), [
    DiffRule.suppressRemovalOfDeprecatedField,
  ]);
  const problems = allowed
    .filter((entry) => typeof entry.reason !== "string" || entry.reason.trim().length < 10)
    .map((entry) => `allow-list entry ${entry.type} ${entry.path} needs a reason (10 characters or more)`);
  const isAllowed = (change: Change) =>
    allowed.some(
      (entry) =>
        entry.type === change.type &&
        entry.path === change.path &&
        typeof entry.reason === "string" &&
        entry.reason.trim().length >= 10,
    );
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  for (const entry of allowed) {
    if (!breaking.some((change) => change.type === entry.type && change.path === entry.path)) {
      problems.push(`allow-list entry ${entry.type} ${entry.path} matches no breaking change: remove it`);
    }
  }
  return { changes, unmarked: breaking.filter((change) => !isAllowed(change)), problems };
}

function describe(change: Change): string {
  return `${change.criticality.level.padEnd(12)} ${change.type} ${change.path ?? ""}: ${change.message}`;
}

async function main(): Promise<void> {
  const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");
  if (process.argv.includes("--release")) {
    copyFileSync(path.join(PROJECT_ROOT, CURRENT_SCHEMA), path.join(PROJECT_ROOT, RELEASED_SCHEMA));
    const list = JSON.parse(read(ALLOW_LIST)) as Record<string, unknown>;
    writeFileSync(
      path.join(PROJECT_ROOT, ALLOW_LIST),
      `${JSON.stringify({ ...list, allowed: [] }, null, 2)}\n`,
    );
    console.log(`${RELEASED_SCHEMA} is now the current schema; ${ALLOW_LIST} emptied.`);
    return;
  }
  const result = await checkSchemaEvolution(
    read(RELEASED_SCHEMA),
    read(CURRENT_SCHEMA),
    parseAllowList(read(ALLOW_LIST)),
  );
  for (const change of result.changes) console.log(describe(change));
  for (const problem of result.problems) console.error(`problem: ${problem}`);
  for (const change of result.unmarked) {
    console.error(
      `UNMARKED BREAKING CHANGE ${change.type} ${change.path ?? ""}: ${change.message}\n` +
        `  Deprecate instead (README, 'Schema evolution'), or list it in ${ALLOW_LIST} with a reason.`,
    );
  }
  const failed = result.unmarked.length > 0 || result.problems.length > 0;
  console.log(
    `${result.changes.length} change(s) since the released schema; ${result.unmarked.length} unmarked breaking.` +
      (failed ? "" : " OK."),
  );
  if (failed) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
