/** Validation rule: refuses documents with more aliases than the limit (alias floods multiply work per request). */
import { type ASTVisitor, type DocumentNode, type ValidationContext, visit } from "graphql";
import { LimitCode, LimitExceededError } from "../errors";

export function countAliases(document: DocumentNode): number {
  let aliases = 0;
  visit(document, {
    Field(field) {
      if (field.alias) aliases += 1;
    },
  });
  return aliases;
}

export function maxAliasesRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const aliases = countAliases(document);
      if (aliases > maxAliases) {
        context.reportError(
          new LimitExceededError(
            LimitCode.TOO_MANY_ALIASES,
            `The document uses ${aliases} aliases; at most ${maxAliases} are allowed.`,
            { maxAliases, aliases },
          ),
        );
      }
      return false;
    },
  });
}
