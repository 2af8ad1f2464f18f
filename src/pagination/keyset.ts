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
  /**
   * Clauses run for each item of the page once it is cut (e.g. a CALL reading its neighbours for `projection`).
   * Each row has `shown` beside `variable`: false on the extra row, which only tells whether more follow, so the
   * clauses can skip reading what the page never returns.
   */
  perItem?: string;
}

/**
 * One round trip: the filtered total, and first + 1 rows after the cursor in (sort, id) order, one record each (a
 * page sent as one record of lists spans many Bolt chunks, which the driver joins and decodes slowly). An empty
 * page is one record whose item is null, so the total still arrives.
 */
export function keysetPage(spec: KeysetPageSpec): string {
  const { match, variable, filter, sortExpression, direction, projection } = spec;
  return /* cypher */ `
  CALL () {
    MATCH ${match} WHERE ${filter}
    RETURN count(${variable}) AS totalCount
  }
  OPTIONAL CALL () {
    MATCH ${match} WHERE ${filter} AND ${afterCursor(variable, sortExpression, direction)}
    WITH ${variable} ${orderBy(variable, sortExpression, direction)}
    LIMIT $limit${perItem(spec)}
    RETURN ${projection} AS item
  }
  RETURN totalCount, item`;
}

/**
 * The cut page numbered, with `shown` (every row but the extra one), then the per-item clauses. They keep the page's
 * order: UNWIND yields the list in order and each clause passes its rows on as they came (an Apply, not a sort).
 */
const perItem = (spec: { variable: string; perItem?: string }) =>
  spec.perItem
    ? `
    WITH collect(${spec.variable}) AS cut
    UNWIND range(0, size(cut) - 1) AS position
    WITH cut[position] AS ${spec.variable}, position < $limit - 1 AS shown
    ${spec.perItem.trim()}`
    : "";

export interface IndexedPageSpec {
  /** The label whose count store gives the total, e.g. "Condition". */
  label: string;
  variable: string;
  /** A property with a range index (or uniqueness constraint) on this label; ties break on `variable.id`. */
  sortExpression: string;
  direction: SortDirection;
  projection: string;
  /** Whether the page starts after a cursor ($afterSort, $afterId) or at the beginning. */
  afterCursor: boolean;
  /** As KeysetPageSpec's. */
  perItem?: string;
}

/**
 * The unfiltered page read in index order: the total from the label's count store and the rows from a range
 * seek feeding a PartialTop, so its cost does not grow with the label's size (keysetPage with no filter
 * counts and sorts every node). The same rows in the same order as keysetPage with a filter of "true".
 * The cursor is written without a top-level OR, which the planner would split into a union and re-sort.
 */
export function indexedPage(spec: IndexedPageSpec): string {
  const { label, variable, sortExpression, direction, projection } = spec;
  const [from, through] = direction === "ASC" ? [">=", "<="] : ["<=", ">="];
  const start = spec.afterCursor
    ? `${sortExpression} ${from} $afterSort AND NOT (${sortExpression} = $afterSort AND ${variable}.id ${through} $afterId)`
    : `${sortExpression} IS NOT NULL`;
  return /* cypher */ `
  CALL () {
    RETURN COUNT { (:${label}) } AS totalCount
  }
  OPTIONAL CALL () {
    MATCH (${variable}:${label}) WHERE ${start}
    WITH ${variable} ${orderBy(variable, sortExpression, direction)}
    LIMIT $limit${perItem(spec)}
    RETURN ${projection} AS item
  }
  RETURN totalCount, item`;
}
