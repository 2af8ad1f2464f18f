/**
 * Turns a repository page into a connection, with opaque keyset cursors.
 * Folder pagination/: keyset pages (repositories layer) and their GraphQL connections (this file and *.type.ts, resolvers layer).
 */
import type { ConnectionShape } from "./connection.type";
import { encodeCursor } from "./cursor";
import type { Page } from "./page";

export function toConnection<T extends { id: string }>(
  page: Page<T>,
  sortKeyOf: (row: T) => string | number,
): ConnectionShape<T> {
  const edges = page.rows.map((node) => ({
    node,
    cursor: encodeCursor({ sort: sortKeyOf(node), id: node.id }),
  }));
  return {
    totalCount: page.totalCount,
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
