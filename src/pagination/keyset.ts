/** Builds the Cypher pieces of keyset pagination for a fixed, code-defined sort expression. */
export type SortDirection = "ASC" | "DESC";

/** Rows strictly after the cursor in (sortKey, id) order; both values arrive as parameters. */
export function afterCursor(variable: string, sortExpression: string, direction: SortDirection): string {
  const beyond = direction === "ASC" ? ">" : "<";
  return `($afterId IS NULL OR ${sortExpression} ${beyond} $afterSort OR (${sortExpression} = $afterSort AND ${variable}.id ${beyond} $afterId))`;
}

export function orderBy(variable: string, sortExpression: string, direction: SortDirection): string {
  return `ORDER BY ${sortExpression} ${direction}, ${variable}.id ${direction}`;
}
