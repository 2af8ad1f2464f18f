/** Maps driver and server failures onto the API's typed errors, in one place. */
import { Neo4jError } from "neo4j-driver";
import { BadUserInputError, ServiceUnavailableError } from "../errors";
import { MissingNeo4jPasswordError } from "./credentials";

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired"]);

/** Raised when a query breaks a uniqueness constraint: the input named a thing that already exists. */
export class ConstraintViolationError extends BadUserInputError {}

/** Raised when Neo4j ends a transaction that ran past its timeout. */
export class QueryTimeoutError extends ServiceUnavailableError {
  constructor() {
    super("The query took too long and was stopped; try a narrower request.");
  }
}

/** Raised when every pooled connection stayed busy for the whole acquisition timeout: overload, not a fault. */
export class PoolExhaustedError extends ServiceUnavailableError {
  constructor() {
    super("The knowledge graph is at capacity right now; try again in a moment.");
  }
}

export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError))
    return isConnectionFailure(error) || error instanceof MissingNeo4jPasswordError
      ? new ServiceUnavailableError()
      : error;
  // Neo4j refused our credentials: a deployment fault the client cannot fix (the log has the cause).
  if (error.code.startsWith("Neo.ClientError.Security.")) return new ServiceUnavailableError();
  if (isPoolAcquisitionTimeout(error)) return new PoolExhaustedError();
  if (UNAVAILABLE_CODES.has(error.code) || error.retriable) return new ServiceUnavailableError();
  if (error.code.includes("TransactionTimedOut") || error.code.endsWith("Transaction.Terminated")) {
    return new QueryTimeoutError();
  }
  if (error.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    return new ConstraintViolationError("A record with that identifier already exists.");
  }
  return error;
}

// The driver raises this without a code (neo4j-driver-core's pool.js); its message is the only mark it has.
function isPoolAcquisitionTimeout(error: Neo4jError): boolean {
  return error.message.startsWith("Connection acquisition timed out");
}

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ECONNREFUSED" || code === "ECONNRESET" || code === "ETIMEDOUT";
}
