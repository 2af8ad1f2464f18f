/**
 * Validation rule: refuses operations whose root type the schema lacks (e.g. a subscription). graphql-js 16
 * only finds that out while executing, and then answers 200 with an uncoded error.
 */
import { type ASTVisitor, GraphQLError, type ValidationContext } from "graphql";

export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  const roots = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  };
  return {
    OperationDefinition(operation) {
      if (!roots[operation.operation]) {
        context.reportError(
          new GraphQLError(`This API has no ${operation.operation} operations.`, { nodes: operation }),
        );
      }
      return false;
    },
  };
}
