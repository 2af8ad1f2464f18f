/** Liveness (/health: the process answers) and readiness (/ready: Neo4j reachable and the graph loaded). */
import type { ServerResponse } from "node:http";
import type { Neo4jConnection } from "../neo4j/connection";
import { DataReleaseRepository } from "../release/data-release.repository";
import { sendJson } from "./responses";

export function sendHealth(response: ServerResponse) {
  sendJson(response, 200, { status: "ok" });
}

/** How long one readiness answer is shared: however often /ready is asked, Neo4j sees one query a second. */
export const READINESS_TTL_MS = 1000;

interface Readiness {
  status: number;
  body: Record<string, unknown>;
}

/**
 * /ready: one round trip (reading the data release proves Neo4j answers and the graph is loaded), shared by every
 * caller within READINESS_TTL_MS. While the server drains it reports "stopping", so load balancers send no new
 * traffic.
 */
export function createReadiness(connection: Neo4jConnection, now: () => number = Date.now) {
  let last: { at: number; answer: Promise<Readiness> } | null = null;
  const check = async (): Promise<Readiness> => {
    try {
      const release = await new DataReleaseRepository(connection.database).findCurrent();
      if (!release) return { status: 503, body: { status: "unavailable", neo4j: "ok", graph: "not loaded" } };
      return {
        status: 200,
        body: { status: "ready", neo4j: "ok", graph: "loaded", dataVersion: release.version },
      };
    } catch {
      return { status: 503, body: { status: "unavailable", neo4j: "unreachable" } };
    }
  };
  return async (response: ServerResponse, stopping = false): Promise<void> => {
    if (stopping) return sendJson(response, 503, { status: "stopping" });
    if (!last || now() - last.at >= READINESS_TTL_MS) last = { at: now(), answer: check() };
    const { status, body } = await last.answer;
    sendJson(response, status, body);
  };
}
