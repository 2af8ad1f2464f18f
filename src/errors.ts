/** Typed API errors with stable extensions.code values, and the one formatError that masks the rest. */
import { GraphQLError, type GraphQLFormattedError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** A write lost a race with another writer; nothing was written and the same request may be retried. */
  WRITE_CONFLICT: "WRITE_CONFLICT",
  /** PERSISTED_QUERIES_ONLY is on and the operation is not on the server's safelist. */
  PERSISTED_QUERY_NOT_ALLOWED: "PERSISTED_QUERY_NOT_ALLOWED",
  /** Patient factors (health data) arrived in a GET URL: refused; send them in a POST body. */
  PATIENT_DATA_REQUIRES_POST: "PATIENT_DATA_REQUIRES_POST",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes of the protective limits (docs/operations.md, "Limits and reliability"): what a client gets when a request asks too much. */
export const LimitCode = {
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  RATE_LIMITED: "RATE_LIMITED",
  REQUEST_TIMEOUT: "REQUEST_TIMEOUT",
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];

/**
 * Codes that clients may see verbatim; anything else is masked as INTERNAL_SERVER_ERROR. INTERNAL_SERVER_ERROR
 * itself is not one: Apollo gives that code to every uncoded error, so its message must be masked too.
 */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  ...Object.values(LimitCode),
  // Apollo Server's own request-level codes.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export class BadUserInputError extends GraphQLError {
  constructor(message: string, argumentName?: string) {
    super(message, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) },
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor(message = "The knowledge graph is temporarily unavailable; try again shortly.") {
    super(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
  }
}

/**
 * Another writer changed the graph between this write's read and its commit. The write was rolled back
 * whole, so retrying the same mutation is safe: extensions.retryable says so to clients.
 */
export class WriteConflictError extends GraphQLError {
  constructor(message = "The graph changed while this write was prepared; retry it.") {
    super(message, { extensions: { code: ErrorCode.WRITE_CONFLICT, retryable: true } });
  }
}

/** Persisted-only mode refused an operation that is not on the safelist (src/limits/safelist.ts): HTTP 400. */
export class PersistedQueryNotAllowedError extends GraphQLError {
  constructor() {
    super(
      "This server answers only the operations on its safelist (PERSISTED_QUERIES_ONLY); this one is not on it.",
      { extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, http: { status: 400 } } },
    );
  }
}

/** The request ran past REQUEST_TIMEOUT_MS: answered 503, and its queries still running were ended. */
export class RequestTimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(`The request took longer than ${timeoutMs} ms and was stopped; try a narrower request.`, {
      extensions: { code: LimitCode.REQUEST_TIMEOUT, timeoutMs, http: { status: 503 } },
    });
  }
}

/** A request asked for more than a configured limit allows; answered with HTTP 400 and the limit's code. */
export class LimitExceededError extends GraphQLError {
  constructor(code: LimitCode, message: string, details: Record<string, number> = {}) {
    super(message, { extensions: { code, ...details, http: { status: 400 } } });
  }
}

export type ErrorLogger = (error: unknown, formatted: GraphQLFormattedError) => void;

/**
 * Passes typed errors through and replaces everything else with a generic INTERNAL_SERVER_ERROR,
 * after handing the original to the logger: internals never reach clients.
 */
export function createFormatError(logUnexpected: ErrorLogger, includeStacktrace: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    formatted = withRequestCode(withLimitCode(formatted, error), error);
    const code = formatted.extensions?.code;
    if (typeof code === "string" && PUBLIC_CODES.has(code)) {
      return includeStacktrace ? formatted : withoutStacktrace(formatted);
    }
    logUnexpected(error, formatted);
    return {
      message: "Internal server error",
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Apollo re-codes every validation-rule error GRAPHQL_VALIDATION_FAILED; a limit's own code is more useful. */
function withLimitCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (!(original instanceof LimitExceededError)) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: original.extensions.code } };
}

/**
 * graphql-js and Apollo reject some requests with an uncoded GraphQLError outside any field (too many bad
 * variables, a persisted-query hash that does not match): those are the client's mistakes, not ours.
 */
function withRequestCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const isRequestRejection =
    error instanceof GraphQLError &&
    error.extensions.code === undefined &&
    error.path === undefined &&
    error.originalError === undefined;
  if (!isRequestRejection) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: "BAD_REQUEST" } };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !("stacktrace" in formatted.extensions)) return formatted;
  const { stacktrace: _omitted, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
