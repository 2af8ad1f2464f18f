// eslint-disable-next-line no-restricted-imports -- the mapper's input is the driver's own error type
import { Neo4jError } from "neo4j-driver";
import { ErrorCode } from "../../src/errors";
import {
  ConstraintViolationError,
  mapNeo4jError,
  PoolExhaustedError,
  QueryTimeoutError,
} from "../../src/neo4j/errors";

/** A driver error as Neo4j 5 sends it; the GQL status fields do not matter to the mapping. */
const driverError = (message: string, code: string) =>
  new Neo4jError(message, code, "50N42", "error: general processing exception");

const codeOf = (error: unknown) => (error as { extensions?: { code?: unknown } }).extensions?.code;

describe("mapNeo4jError: driver and server failures as typed API errors", () => {
  it("answers an exhausted connection pool with SERVICE_UNAVAILABLE, not an internal error", () => {
    // What neo4j-driver-core's pool raises under overload: no code of its own.
    const error = driverError(
      "Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 50, Idle conn count = 0.",
      "N/A",
    );
    const mapped = mapNeo4jError(error);
    expect(mapped).toBeInstanceOf(PoolExhaustedError);
    expect(codeOf(mapped)).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect((mapped as Error).message).not.toMatch(/conn count/);
  });

  it("answers an unreachable server and a refused connection with SERVICE_UNAVAILABLE", () => {
    expect(codeOf(mapNeo4jError(driverError("no server", "ServiceUnavailable")))).toBe(
      ErrorCode.SERVICE_UNAVAILABLE,
    );
    expect(codeOf(mapNeo4jError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" })))).toBe(
      ErrorCode.SERVICE_UNAVAILABLE,
    );
  });

  it("answers a transaction timeout with a typed timeout and a broken constraint with BAD_USER_INPUT", () => {
    expect(
      mapNeo4jError(
        driverError("timed out", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"),
      ),
    ).toBeInstanceOf(QueryTimeoutError);
    const constraint = mapNeo4jError(
      driverError("exists", "Neo.ClientError.Schema.ConstraintValidationFailed"),
    );
    expect(constraint).toBeInstanceOf(ConstraintViolationError);
    expect(codeOf(constraint)).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it("passes anything else through unchanged, for formatError to log and mask", () => {
    const syntax = driverError("bad cypher", "Neo.ClientError.Statement.SyntaxError");
    expect(mapNeo4jError(syntax)).toBe(syntax);
    const plain = new Error("bug");
    expect(mapNeo4jError(plain)).toBe(plain);
  });
});
