/** The per-request context: a round-trip-counting view of the database, repositories and loaders for ONE request. */
import { randomUUID } from "node:crypto";
import type { Database } from "./neo4j/database";
import { CountingDatabase } from "./neo4j/counting-database";
import { DataReleaseRepository } from "./release/data-release.repository";

export interface Repositories {
  dataRelease: DataReleaseRepository;
}

export interface RequestContext {
  requestId: string;
  /** Set when the client asked for query stats and config allows it. */
  debug: boolean;
  startedAt: number;
  db: CountingDatabase;
  repositories: Repositories;
}

export function createRepositories(db: Database): Repositories {
  return {
    dataRelease: new DataReleaseRepository(db),
  };
}

export function createRequestContext(
  database: Database,
  options: { debug: boolean; requestId?: string },
): RequestContext {
  const db = new CountingDatabase(database);
  return {
    requestId: options.requestId ?? randomUUID(),
    debug: options.debug,
    startedAt: performance.now(),
    db,
    repositories: createRepositories(db),
  };
}
