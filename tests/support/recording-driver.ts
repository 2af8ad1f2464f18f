/**
 * A real neo4j-driver Driver that records every session the API opens: its config (database, access mode, the
 * bookmarks it starts from), how each unit of work ran in it, and the bookmarks it ended with. What a single
 * Neo4j cannot show (a lagging follower, routing) is then asserted on what the API asked the driver for.
 */
// eslint-disable-next-line no-restricted-imports -- the recorder stands where the driver does, below the port
import neo4j, { Neo4jError, type Driver, type Session, type SessionConfig } from "neo4j-driver";
import type { Neo4jConfig } from "../../src/config";
import { resolveNeo4jPassword } from "../../src/neo4j/credentials";
import type { Database } from "../../src/neo4j/database";
import { Neo4jDatabase } from "../../src/neo4j/neo4j-database";

/** How a unit of work ran: a managed read or write transaction, an explicit one, or an auto-commit statement. */
export type WorkKind = "executeRead" | "executeWrite" | "beginTransaction" | "run";

export interface SessionRecord {
  database: string | undefined;
  accessMode: string | undefined;
  /** The bookmarks the session was opened with. */
  bookmarks: string[];
  work: WorkKind[];
  /** session.lastBookmarks() when it closed: after a write, the write's bookmark. */
  closedWith: string[] | null;
}

export interface RecordingDriver {
  driver: Driver;
  sessions: SessionRecord[];
  /**
   * Fault injection: this many of the next auto-commit statements (session.run) fail, before reaching Neo4j, with
   * the retryable error a lost connection raises.
   */
  failRuns: number;
  /** A Database over this driver, as connectNeo4j builds one. */
  database(config: Neo4jConfig): Database;
  close(): Promise<void>;
}

const WORK: readonly WorkKind[] = ["executeRead", "executeWrite", "beginTransaction", "run"];

export function recordingDriver(config: Neo4jConfig): RecordingDriver {
  const real = neo4j.driver(config.uri, neo4j.auth.basic(config.user, resolveNeo4jPassword(config)), {
    telemetryDisabled: true,
  });
  const sessions: SessionRecord[] = [];
  const faults = { failRuns: 0 };
  const driver = new Proxy(real, {
    get(target, property) {
      if (property === "session") {
        return (sessionConfig: SessionConfig = {}) => {
          const record: SessionRecord = {
            database: sessionConfig.database,
            accessMode: sessionConfig.defaultAccessMode,
            bookmarks: [...((sessionConfig.bookmarks as string[] | undefined) ?? [])],
            work: [],
            closedWith: null,
          };
          sessions.push(record);
          return recordingSession(target.session(sessionConfig), record, faults);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    driver,
    sessions,
    get failRuns() {
      return faults.failRuns;
    },
    set failRuns(count: number) {
      faults.failRuns = count;
    },
    database: (neo4jConfig) =>
      new Neo4jDatabase(driver, {
        database: neo4jConfig.database,
        transactionTimeoutMs: neo4jConfig.transactionTimeoutMs,
      }),
    close: () => real.close(),
  };
}

function recordingSession(session: Session, record: SessionRecord, faults: { failRuns: number }): Session {
  return new Proxy(session, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (WORK.includes(property as WorkKind)) {
        return (...args: unknown[]) => {
          record.work.push(property as WorkKind);
          if (property === "run" && faults.failRuns > 0) {
            faults.failRuns--;
            return Promise.reject(
              new Neo4jError("Connection lost (injected)", "ServiceUnavailable", "08000", ""),
            );
          }
          return method(...args);
        };
      }
      if (property === "close") {
        return async () => {
          record.closedWith = target.lastBookmarks();
          return method();
        };
      }
      return method;
    },
  });
}
