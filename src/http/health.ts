/** Liveness (/health: the process answers) and readiness (/ready: Neo4j reachable and the graph loaded). */
import type { ServerResponse } from "node:http";
import type { Neo4jConnection } from "../neo4j/connection";
import { DataReleaseRepository } from "../release/data-release.repository";
import { sendJson } from "./responses";

export function sendHealth(response: ServerResponse) {
  sendJson(response, 200, { status: "ok" });
}

/** While the server drains for shutdown it reports "stopping", so load balancers send no new traffic. */
export async function sendReadiness(response: ServerResponse, connection: Neo4jConnection, stopping = false) {
  if (stopping) return sendJson(response, 503, { status: "stopping" });
  if (!(await connection.isReachable())) {
    return sendJson(response, 503, { status: "unavailable", neo4j: "unreachable" });
  }
  try {
    const release = await new DataReleaseRepository(connection.database).findCurrent();
    if (!release) return sendJson(response, 503, { status: "unavailable", neo4j: "ok", graph: "not loaded" });
    return sendJson(response, 200, {
      status: "ready",
      neo4j: "ok",
      graph: "loaded",
      dataVersion: release.version,
    });
  } catch {
    return sendJson(response, 503, { status: "unavailable", neo4j: "unreachable" });
  }
}
