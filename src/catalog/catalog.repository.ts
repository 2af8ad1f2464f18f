/** The short, whole lists: condition groups, modalities, disciplines, professions, guidelines' page, myths, statistics. */
import type { Database } from "../neo4j/database";
import type { EntityRecord } from "../graph/entity.model";
import { entityFromRow, entityProjection } from "../graph/entity.repository";
import { afterCursor, orderBy } from "../pagination/keyset";
import type { Keyset } from "../pagination/cursor";
import type { Page } from "../pagination/page";
import { readPage } from "../pagination/read-page";

const list = (label: string, order: string) => /* cypher */ `
  MATCH (n:${label})
  WITH n ORDER BY ${order}
  RETURN ${entityProjection("n")} AS node`;

export const LISTS = {
  conditionGroups: list("ConditionGroup", "n.articleOrder, n.id"),
  modalities: list("Modality", "n.fromArticle DESC, n.name, n.id"),
  disciplines: list("Discipline", "n.fromArticle DESC, n.name, n.id"),
  professions: list("Profession", "n.name, n.id"),
  myths: list("Myth", "n.id"),
  statistics: list("Statistic", "n.year DESC, n.metric, n.id"),
} as const;
export type ListName = keyof typeof LISTS;

// Guidelines page by (year, id), newest first.
export const PAGE_GUIDELINES = /* cypher */ `
  CALL () { MATCH (g:Guideline) RETURN count(g) AS totalCount }
  CALL () {
    MATCH (g:Guideline) WHERE ${afterCursor("g", "g.year", "DESC")}
    WITH g ${orderBy("g", "g.year", "DESC")}
    LIMIT $limit
    RETURN collect(${entityProjection("g")}) AS items
  }
  RETURN totalCount, items`;

export class CatalogRepository {
  constructor(private readonly db: Database) {}

  async list(name: ListName): Promise<EntityRecord[]> {
    const rows = await this.db.read<{ node: Record<string, unknown> }>(LISTS[name]);
    return rows.map((row) => entityFromRow(row.node));
  }

  pageGuidelines(first: number, after: Keyset | null): Promise<Page<EntityRecord>> {
    return readPage(this.db, { cypher: PAGE_GUIDELINES, params: {}, first, after }, entityFromRow);
  }
}
