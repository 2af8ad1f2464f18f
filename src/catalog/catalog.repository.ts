/** The short, whole lists: condition groups, modalities, disciplines, professions, guidelines' page, myths, statistics. */
import type { Database } from "../neo4j/database";
import type { EntityRecord } from "../graph/entity.model";
import { entityFromRow, entityProjection, nodeFromRow } from "../graph/entity.repository";
import type { GuidelineNode } from "../graph/node.records";
import { keysetPage } from "../pagination/keyset";
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
export const PAGE_GUIDELINES = keysetPage({
  match: "(g:Guideline)",
  variable: "g",
  filter: "true",
  sortExpression: "g.year",
  direction: "DESC",
  projection: entityProjection("g"),
});

export class CatalogRepository {
  constructor(private readonly db: Database) {}

  async list(name: ListName): Promise<EntityRecord[]> {
    const rows = await this.db.read<{ node: Record<string, unknown> }>(LISTS[name]);
    return rows.map((row) => entityFromRow(row.node));
  }

  pageGuidelines(first: number, after: Keyset | null): Promise<Page<GuidelineNode>> {
    const query = { cypher: PAGE_GUIDELINES, params: {}, first, after };
    return readPage(this.db, query, nodeFromRow("Guideline"));
  }
}
