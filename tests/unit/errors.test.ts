import { GraphQLError } from "graphql";
import { BadUserInputError, createFormatError, NotFoundError, WriteConflictError } from "../../src/errors";

describe("formatError", () => {
  const logged: unknown[] = [];
  const format = createFormatError((error) => logged.push(error), false);

  beforeEach(() => logged.splice(0));

  it("passes typed errors through with their code", () => {
    const error = new BadUserInputError("first must be at most 100", "first");
    const formatted = format({ message: error.message, extensions: error.extensions }, error);
    expect(formatted).toEqual({
      message: "first must be at most 100",
      extensions: { code: "BAD_USER_INPUT", argumentName: "first" },
    });
    expect(logged).toHaveLength(0);
  });

  it("passes WRITE_CONFLICT through as public and retryable", () => {
    const error = new WriteConflictError();
    const formatted = format(
      { message: error.message, path: ["updateCondition"], extensions: error.extensions },
      error,
    );
    expect(formatted.extensions).toEqual({ code: "WRITE_CONFLICT", retryable: true });
    expect(formatted.message).toMatch(/retry/);
    expect(logged).toHaveLength(0);
  });

  it("masks unexpected errors as INTERNAL_SERVER_ERROR and logs the original", () => {
    const original = new Error("Neo.ClientError.Statement.SyntaxError: Invalid input 'MATCH'");
    const formatted = format({ message: original.message, path: ["conditions"], extensions: {} }, original);
    expect(formatted).toEqual({
      message: "Internal server error",
      path: ["conditions"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(logged).toEqual([original]);
  });

  it("strips stack traces unless configured to include them", () => {
    const error = new NotFoundError("No condition with id condition:x");
    const withStack = { message: error.message, extensions: { code: "NOT_FOUND", stacktrace: ["at x"] } };
    expect(format(withStack, error).extensions).toEqual({ code: "NOT_FOUND" });
    const verbose = createFormatError(() => undefined, true);
    expect(verbose(withStack, error).extensions).toEqual({ code: "NOT_FOUND", stacktrace: ["at x"] });
  });

  it("masks a GraphQLError whose code is not public", () => {
    const error = new GraphQLError("driver detail", { extensions: { code: "Neo.TransientError.General" } });
    expect(format({ message: error.message, extensions: error.extensions }, error).extensions).toEqual({
      code: "INTERNAL_SERVER_ERROR",
    });
  });
});
