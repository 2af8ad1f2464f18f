/** Runs a keyset page query (one round trip: count and one extra row) and shapes the answer as a Page. */
import type { Database, Params } from "../neo4j/database";
import type { Keyset } from "./cursor";
import type { Page } from "./page";

export interface PageQuery {
  cypher: string;
  params: Params;
  first: number;
  after: Keyset | null;
}

/**
 * The query returns a record per item (first + 1 of them, the extra one telling whether more follow), each with the
 * `totalCount`; an empty page is one record with a null item.
 */
export async function readPage<Raw, T>(
  db: Database,
  query: PageQuery,
  map: (raw: Raw) => T,
): Promise<Page<T>> {
  const records = await db.read<{ totalCount: number; item: Raw | null }>(query.cypher, {
    ...query.params,
    limit: query.first + 1,
    afterSort: query.after?.sort ?? null,
    afterId: query.after?.id ?? null,
  });
  const items = records.flatMap((record) => (record.item === null ? [] : [record.item]));
  return {
    rows: items.slice(0, query.first).map(map),
    hasNextPage: items.length > query.first,
    totalCount: records[0]?.totalCount ?? 0,
  };
}
