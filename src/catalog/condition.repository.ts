/** Condition lists, pages, code look-ups and the condition-level traversals (treatments, care team, related). */
import type { Database } from "../neo4j/database";
import { inKeyOrder } from "../graph/entity.model";
import { entityProjection, nodeFromRow } from "../graph/entity.repository";
import { ALL, withProperties, type LinksRead, type Projection } from "../graph/projection";
import { linksFromRows, type LinkRow } from "../graph/relation.repository";
import type { CareLinkRecord } from "../graph/entity.model";
import type { ConditionNode, DisciplineOrProfessionNode, TreatmentNode } from "../graph/node.records";
import { indexedPage, keysetPage, type SortDirection } from "../pagination/keyset";
import type { Page } from "../pagination/page";
import { readPage } from "../pagination/read-page";
import { isUnfiltered, type ConditionCriteria, type PageRequest } from "./catalog.model";
import type { RecommendationRead, RecommendationRecord } from "../evidence/recommendation.model";
import { recommendationsFromRow, recommendationsOfCondition } from "../evidence/recommendation.repository";

export type ConditionSortField = "NAME" | "ID";
const SORT_EXPRESSION: Record<ConditionSortField, string> = { NAME: "c.name", ID: "c.id" };

const CONDITION_FILTER = /* cypher */ `
  ($groupId IS NULL OR EXISTS { (c)-[:IN_GROUP]->(:ConditionGroup {id: $groupId}) })
  AND ($category IS NULL OR c.category = $category)
  AND ($name IS NULL OR toLower(c.name) CONTAINS $name OR any(alias IN c.aliases WHERE toLower(alias) CONTAINS $name))
  AND ($codeKeys IS NULL OR EXISTS { MATCH (code:Code)-[:IDENTIFIES]->(c) WHERE code.key IN $codeKeys })
  AND ($treatedWith IS NULL OR EXISTS {
    (c)<-[:FOR_CONDITION]-(:Recommendation {direction: 'FOR'})-[:ABOUT_TREATMENT]->(:Treatment {id: $treatedWith})
  })`;

/**
 * Each page item as its condition and, with `asked`, that condition's recommendations read by the page's own statement
 * (`{node, recommendations}`, for recommendationsFromRow); with `deliveries` too, their treatments' care links.
 */
function pageItem(projection: Projection, asked?: RecommendationRead, deliveries?: LinksRead) {
  const node = entityProjection("c", projection, "Condition");
  if (!asked) return { projection: node };
  return {
    projection: `{node: ${node}, recommendations: items${deliveries ? ", deliveries: deliveries" : ""}}`,
    perItem: recommendationsOfCondition(asked, deliveries, "shown"),
  };
}

export const pageConditions = (
  field: ConditionSortField,
  direction: SortDirection,
  projection: Projection = ALL,
  asked?: RecommendationRead,
  deliveries?: LinksRead,
) =>
  keysetPage({
    match: "(c:Condition)",
    variable: "c",
    filter: CONDITION_FILTER,
    sortExpression: SORT_EXPRESSION[field],
    direction,
    ...pageItem(projection, asked, deliveries),
  });

/** The unfiltered list by name or id, read in index order (condition_name, condition_id). */
export const pageAllConditions = (
  field: ConditionSortField,
  direction: SortDirection,
  afterCursor: boolean,
  projection: Projection = ALL,
  asked?: RecommendationRead,
  deliveries?: LinksRead,
) =>
  indexedPage({
    label: "Condition",
    variable: "c",
    sortExpression: SORT_EXPRESSION[field],
    direction,
    afterCursor,
    ...pageItem(projection, asked, deliveries),
  });

export const findConditionByCode = (projection: Projection = ALL) => /* cypher */ `
  MATCH (:Code {system: $system, key: $key})-[:IDENTIFIES]->(c:Condition)
  RETURN ${entityProjection("c", projection)} AS node`;

export const FIND_CONDITION_BY_CODE = findConditionByCode();

/** The condition a code identifies, with its recommendations as the asked read (one statement for both). */
export const findConditionByCodeWithRecommendations = (
  projection: Projection,
  asked: RecommendationRead,
  deliveries?: LinksRead,
) => /* cypher */ `
  MATCH (:Code {system: $system, key: $key})-[:IDENTIFIES]->(c:Condition)
  ${recommendationsOfCondition(asked, deliveries)}
  RETURN ${entityProjection("c", projection, "Condition")} AS node, items AS recommendations${deliveries ? ", deliveries" : ""}`;

export const FIND_TREATMENTS_OF_CONDITIONS = /* cypher */ `
  UNWIND $ids AS key
  CALL (key) {
    MATCH (:Condition {id: key})<-[:FOR_CONDITION]-(r:Recommendation {direction: $direction})-[:ABOUT_TREATMENT]->(t:Treatment)
    WITH DISTINCT t ORDER BY t.name, t.id
    RETURN collect(${entityProjection("t")}) AS items
  }
  RETURN key, items`;

// The care team comes from FOR recommendations only: who delivers a treatment some guideline recommends.
export const FIND_CARE_TEAMS = /* cypher */ `
  UNWIND $ids AS key
  CALL (key) {
    MATCH (:Condition {id: key})<-[:FOR_CONDITION]-(:Recommendation {direction: 'FOR'})-[:ABOUT_TREATMENT]->(:Treatment)<-[:DELIVERS]-(p:Entity)
    WITH DISTINCT p ORDER BY p.name, p.id
    RETURN collect(${entityProjection("p")}) AS items
  }
  RETURN key, items`;

// Jaccard similarity of the two conditions' sets of FOR-recommended treatments.
export const FIND_RELATED_CONDITIONS = /* cypher */ `
  UNWIND $ids AS key
  CALL (key) {
    MATCH (c:Condition {id: key})<-[:FOR_CONDITION]-(:Recommendation {direction: 'FOR'})-[:ABOUT_TREATMENT]->(t:Treatment)
    WITH c, collect(DISTINCT t) AS mine
    UNWIND mine AS t
    MATCH (t)<-[:ABOUT_TREATMENT]-(:Recommendation {direction: 'FOR'})-[:FOR_CONDITION]->(other:Condition)
    WHERE other <> c
    WITH mine, other, collect(DISTINCT t.id) AS shared
    CALL (other) {
      MATCH (other)<-[:FOR_CONDITION]-(:Recommendation {direction: 'FOR'})-[:ABOUT_TREATMENT]->(ot:Treatment)
      RETURN count(DISTINCT ot) AS otherCount
    }
    WITH other, shared, toFloat(size(shared)) / (size(mine) + otherCount - size(shared)) AS similarity
    ORDER BY similarity DESC, other.id
    LIMIT $first
    RETURN collect({condition: ${entityProjection("other")}, similarity: similarity, sharedTreatmentIds: shared}) AS items
  }
  RETURN key, items`;

export interface RelatedConditionRecord {
  condition: ConditionNode;
  similarity: number;
  sharedTreatmentIds: string[];
}

/** A page item with the recommendations folded in, and their treatments' care links when those were asked. */
export interface ConditionWithRecommendations {
  condition: ConditionNode;
  recommendations: RecommendationRecord[];
  deliveries: Array<{ treatmentId: string; links: CareLinkRecord[] }>;
}

/** A condition row with its folded recommendations (and care links), as the page and the code look-up return it. */
type ItemWithRecommendations = {
  node: Record<string, unknown>;
  recommendations: RecommendationRecord[];
  deliveries?: Array<{ key: string; items: LinkRow[] }>;
};

function withRecommendations(item: ItemWithRecommendations): ConditionWithRecommendations {
  return {
    condition: nodeFromRow("Condition")(item.node),
    recommendations: recommendationsFromRow(item.recommendations),
    deliveries: (item.deliveries ?? []).map(({ key, items }) => ({
      treatmentId: key,
      links: linksFromRows("deliveriesOfTreatment", key, items),
    })),
  };
}

type ItemsRow = { key: string; items: Array<Record<string, unknown>> };

export class ConditionRepository {
  constructor(private readonly db: Database) {}

  /** A page of conditions; with a projection, each has those properties and its name (the cursor's sort key). */
  page(
    criteria: ConditionCriteria,
    request: PageRequest<ConditionSortField>,
    projection: Projection = ALL,
  ): Promise<Page<ConditionNode>> {
    return readPage(this.db, this.pageQuery(criteria, request, projection), nodeFromRow("Condition"));
  }

  /**
   * page, with each condition's recommendations as `asked` read in the same statement; with `deliveries`, the care
   * links of their treatments too (deliveriesOfTreatment's, by treatment id).
   */
  pageWithRecommendations(
    criteria: ConditionCriteria,
    request: PageRequest<ConditionSortField>,
    projection: Projection,
    asked: RecommendationRead,
    deliveries?: LinksRead,
  ): Promise<Page<ConditionWithRecommendations>> {
    const query = this.pageQuery(criteria, request, projection, asked, deliveries);
    return readPage(this.db, query, withRecommendations);
  }

  private pageQuery(
    criteria: ConditionCriteria,
    request: PageRequest<ConditionSortField>,
    projection: Projection,
    asked?: RecommendationRead,
    deliveries?: LinksRead,
  ) {
    const read = withProperties(projection, ["name"]);
    const cypher = isUnfiltered(criteria)
      ? pageAllConditions(request.field, request.direction, request.after !== null, read, asked, deliveries)
      : pageConditions(request.field, request.direction, read, asked, deliveries);
    const params = { ...criteria, ...asked?.criteria };
    return { cypher, params, first: request.first, after: request.after };
  }

  /** The condition a code identifies, or null; key is already normalised (no dot, upper-case). */
  async findByCode(system: string, key: string, projection: Projection = ALL): Promise<ConditionNode | null> {
    const [row] = await this.db.read<{ node: Record<string, unknown> }>(findConditionByCode(projection), {
      system,
      key,
    });
    return row ? nodeFromRow("Condition")(row.node) : null;
  }

  /** findByCode, with the condition's recommendations as `asked` (and their treatments' care links, as page does). */
  async findByCodeWithRecommendations(
    system: string,
    key: string,
    projection: Projection,
    asked: RecommendationRead,
    deliveries?: LinksRead,
  ): Promise<ConditionWithRecommendations | null> {
    const [row] = await this.db.read<ItemWithRecommendations>(
      findConditionByCodeWithRecommendations(projection, asked, deliveries),
      { system, key, ...asked.criteria },
    );
    return row ? withRecommendations(row) : null;
  }

  async findTreatments(ids: readonly string[], direction: string): Promise<TreatmentNode[][]> {
    return this.nodeLists(FIND_TREATMENTS_OF_CONDITIONS, ids, { direction }, nodeFromRow("Treatment"));
  }

  async findCareTeams(ids: readonly string[]): Promise<DisciplineOrProfessionNode[][]> {
    return this.nodeLists(FIND_CARE_TEAMS, ids, {}, nodeFromRow("Discipline", "Profession"));
  }

  async findRelated(ids: readonly string[], first: number): Promise<RelatedConditionRecord[][]> {
    type RelatedRow = {
      condition: Record<string, unknown>;
      similarity: number;
      sharedTreatmentIds: string[];
    };
    const rows = await this.db.read<{ key: string; items: RelatedRow[] }>(FIND_RELATED_CONDITIONS, {
      ids,
      first,
    });
    return inKeyOrder(
      ids,
      rows.map((row) => ({
        key: row.key,
        value: row.items.map((item) => ({ ...item, condition: nodeFromRow("Condition")(item.condition) })),
      })),
      [],
    );
  }

  private async nodeLists<Node>(
    cypher: string,
    ids: readonly string[],
    params: Record<string, unknown>,
    toNode: (row: Record<string, unknown>) => Node,
  ): Promise<Node[][]> {
    const rows = await this.db.read<ItemsRow>(cypher, { ids, ...params });
    return inKeyOrder(
      ids,
      rows.map((row) => ({ key: row.key, value: row.items.map(toNode) })),
      [],
    );
  }
}
