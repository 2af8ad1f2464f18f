/** Authentication and authorisation failures, with their stable codes. */
import { GraphQLError } from "graphql";
import { ErrorCode } from "../errors";

export class UnauthenticatedError extends GraphQLError {
  constructor(message = "This operation needs credentials: an API key (x-api-key) or a bearer token.") {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = "Your credentials do not carry the role this operation needs.") {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}
