/** Treatment pages with their filters, and the conditions each treatment is recommended for (or against). */
import type { Database } from "../neo4j/database";
import { inKeyOrder } from "../graph/entity.model";
import { entityProjection, nodeFromRow } from "../graph/entity.repository";
import type { ConditionNode, TreatmentNode } from "../graph/node.records";
import { indexedPage, keysetPage, type SortDirection } from "../pagination/keyset";
import type { Page } from "../pagination/page";
import { readPage } from "../pagination/read-page";
import { isUnfiltered, type PageRequest, type TreatmentCriteria } from "./catalog.model";

export type TreatmentSortField = "NAME" | "ID" | "INVASIVENESS";
const SORT_EXPRESSION: Record<TreatmentSortField, string> = {
  NAME: "t.name",
  ID: "t.id",
  INVASIVENESS: "t.invasivenessMax",
};

const TREATMENT_FILTER = /* cypher */ `
  ($modalityId IS NULL OR EXISTS { (t)-[:HAS_MODALITY]->(:Modality {id: $modalityId}) })
  AND ($opioid IS NULL OR t.opioid = $opioid)
  AND ($maxInvasiveness IS NULL OR t.invasivenessMax <= $maxInvasiveness)
  AND ($deliveredBy IS NULL OR EXISTS { (:Entity {id: $deliveredBy})-[:DELIVERS]->(t) })
  AND ($recommendedFor IS NULL OR EXISTS {
    (t)<-[:ABOUT_TREATMENT]-(:Recommendation {direction: 'FOR'})-[:FOR_CONDITION]->(:Condition {id: $recommendedFor})
  })
  AND ($name IS NULL OR toLower(t.name) CONTAINS $name OR any(alias IN t.aliases WHERE toLower(alias) CONTAINS $name))
  AND ($isClass IS NULL OR t.isClass = $isClass)`;

export const pageTreatments = (field: TreatmentSortField, direction: SortDirection) =>
  keysetPage({
    match: "(t:Treatment)",
    variable: "t",
    filter: TREATMENT_FILTER,
    sortExpression: SORT_EXPRESSION[field],
    direction,
    projection: entityProjection("t"),
  });

/** Sort fields an index serves in order (treatment_name, treatment_id); invasiveness is not indexed. */
const INDEXED_SORTS: ReadonlySet<TreatmentSortField> = new Set(["NAME", "ID"]);

/** The unfiltered list by name or id, read in index order. */
export const pageAllTreatments = (
  field: TreatmentSortField,
  direction: SortDirection,
  afterCursor: boolean,
) =>
  indexedPage({
    label: "Treatment",
    variable: "t",
    sortExpression: SORT_EXPRESSION[field],
    direction,
    projection: entityProjection("t"),
    afterCursor,
  });

export const FIND_CONDITIONS_OF_TREATMENTS = /* cypher */ `
  UNWIND $ids AS key
  CALL (key) {
    MATCH (:Treatment {id: key})<-[:ABOUT_TREATMENT]-(r:Recommendation {direction: $direction})-[:FOR_CONDITION]->(c:Condition)
    WITH DISTINCT c ORDER BY c.name, c.id
    RETURN collect(${entityProjection("c")}) AS items
  }
  RETURN key, items`;

export class TreatmentRepository {
  constructor(private readonly db: Database) {}

  page(criteria: TreatmentCriteria, request: PageRequest<TreatmentSortField>): Promise<Page<TreatmentNode>> {
    const cypher =
      isUnfiltered(criteria) && INDEXED_SORTS.has(request.field)
        ? pageAllTreatments(request.field, request.direction, request.after !== null)
        : pageTreatments(request.field, request.direction);
    return readPage(
      this.db,
      { cypher, params: { ...criteria }, first: request.first, after: request.after },
      nodeFromRow("Treatment"),
    );
  }

  async findConditions(ids: readonly string[], direction: string): Promise<ConditionNode[][]> {
    const rows = await this.db.read<{ key: string; items: Array<Record<string, unknown>> }>(
      FIND_CONDITIONS_OF_TREATMENTS,
      {
        ids,
        direction,
      },
    );
    return inKeyOrder(
      ids,
      rows.map((row) => ({ key: row.key, value: row.items.map(nodeFromRow("Condition")) })),
      [],
    );
  }
}
