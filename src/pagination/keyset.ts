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

export interface KeysetPageSpec {
  /** The pattern binding `variable`, e.g. "(c:Condition)". */
  match: string;
  variable: string;
  /** A boolean Cypher expression over parameters only; "true" for none. */
  filter: string;
  sortExpression: string;
  direction: SortDirection;
  /** What each item returns, e.g. an entity projection of the variable. */
  projection: string;
}

/** One round trip: the filtered total, and first + 1 rows after the cursor in (sort, id) order. */
export function keysetPage(spec: KeysetPageSpec): string {
  const { match, variable, filter, sortExpression, direction, projection } = spec;
  return /* cypher */ `
  CALL () {
    MATCH ${match} WHERE ${filter}
    RETURN count(${variable}) AS totalCount
  }
  CALL () {
    MATCH ${match} WHERE ${filter} AND ${afterCursor(variable, sortExpression, direction)}
    WITH ${variable} ${orderBy(variable, sortExpression, direction)}
    LIMIT $limit
    RETURN collect(${projection}) AS items
  }
  RETURN totalCount, items`;
}
