/**
 * Where the embedded Neo4j's password lives, and how a client finds the password it should send.
 * The launcher writes a random password on first start into a file only its owner can read (0600, in a
 * 0700 data folder); NEO4J_PASSWORD, when set, overrides it everywhere.
 */
import fs from "node:fs";

export { neo4jPasswordFile, PASSWORD_FILE_NAME } from "../config";

export interface Neo4jCredentialSource {
  /** NEO4J_PASSWORD, when set. */
  password?: string;
  /** NEO4J_PASSWORD_FILE, else the embedded instance's password file; null when neither applies. */
  passwordFile: string | null;
}

export class MissingNeo4jPasswordError extends Error {
  constructor(file: string | null) {
    super(
      file
        ? `No Neo4j password: ${file} does not exist. Start the embedded Neo4j once (npm run db:start) ` +
            "or set NEO4J_PASSWORD."
        : "No Neo4j password: with NEO4J_URI set, set NEO4J_PASSWORD (or NEO4J_PASSWORD_FILE) too.",
    );
    this.name = "MissingNeo4jPasswordError";
  }
}

/** The password a client sends: the explicit one, else the file's first line. Read when connecting. */
export function resolveNeo4jPassword(source: Neo4jCredentialSource): string {
  if (source.password !== undefined) return source.password;
  if (source.passwordFile === null) throw new MissingNeo4jPasswordError(null);
  try {
    return fs.readFileSync(source.passwordFile, "utf8").split("\n")[0]!.trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new MissingNeo4jPasswordError(source.passwordFile);
    throw error;
  }
}
