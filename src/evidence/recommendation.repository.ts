/** Recommendations by condition, treatment or guideline, with a filter, and the conflicts between them. */
import type { Database } from "../neo4j/database";
import { inKeyOrder } from "../graph/entity.model";
import { entityProjection, nodeFromRow } from "../graph/entity.repository";
import { ALL, propertiesOf, without, type LinksRead, type Projection } from "../graph/projection";
import { deliveriesOfTreatments } from "../graph/relation.repository";
import {
  NO_ENDS,
  RECOMMENDATION_ENDS,
  type RecommendationCriteria,
  type RecommendationEnd,
  type RecommendationEnds,
  type RecommendationRead,
  type RecommendationRecord,
} from "./recommendation.model";

/** Each end: the variable every recommendation statement binds it to, and how its row becomes a record. */
const ENDS = {
  treatment: { variable: "t", label: "Treatment", record: nodeFromRow("Treatment") },
  condition: { variable: "c", label: "Condition", record: nodeFromRow("Condition") },
  guideline: { variable: "g", label: "Guideline", record: nodeFromRow("Guideline") },
} as const;

/** The asked ends as one map column (`ends: {treatment: t {.id, .name, __label: 'Treatment'}}`), or nothing. */
function endsColumn(ends: RecommendationEnds): string {
  const folded = RECOMMENDATION_ENDS.filter((end) => end in ends).map(
    (end) => `${end}: ${entityProjection(ENDS[end].variable, ends[end]!, ENDS[end].label)}`,
  );
  return folded.length === 0 ? "" : `, ends: {${folded.join(", ")}}`;
}

/** Columns every recommendation query computes from its neighbours: never read as stored properties. */
const COMPUTED = [
  "__typename",
  "treatmentId",
  "conditionId",
  "guidelineId",
  "jurisdiction",
  "guidelineYear",
  "superseded",
];

/** Whether the cited guideline `g` has been replaced by a later one. */
const GUIDELINE_SUPERSEDED = "EXISTS { (g)-[:SUPERSEDED_BY]->(:Guideline) }";

/**
 * A recommendation with the projection's stored properties (all by default) and the computed columns. With a
 * projection, only the computed columns its fields read: an end's id only where the end is selected and not folded
 * in, and `superseded` only when selected (jurisdiction and guidelineYear serve the ranking, which reads every
 * column).
 */
export const returnRecommendation = (
  projection: Projection = ALL,
  ends: RecommendationEnds = NO_ENDS,
  guidelineSuperseded = GUIDELINE_SUPERSEDED,
) => /* cypher */ `
  r {
    ${propertiesOf(without(projection, COMPUTED))}, __typename: 'Recommendation'${computedColumns(projection, ends, guidelineSuperseded)}${endsColumn(ends)}
  }`;

function computedColumns(
  projection: Projection,
  ends: RecommendationEnds,
  guidelineSuperseded: string,
): string {
  const superseded = `superseded: ${guidelineSuperseded} OR r.supersededById IS NOT NULL`;
  if (projection === ALL)
    return `,
    treatmentId: t.id, conditionId: c.id, guidelineId: g.id,
    jurisdiction: g.jurisdiction, guidelineYear: g.year,
    ${superseded}`;
  const columns = RECOMMENDATION_ENDS.filter((end) => !(end in ends) && projection.includes(`${end}Id`)).map(
    (end) => `${end}Id: ${ENDS[end].variable}.id`,
  );
  if (projection.includes("superseded")) columns.push(superseded);
  return columns.map((column) => `, ${column}`).join("");
}

/** Whether a read must work out each guideline's supersession: to answer `superseded` or to leave superseded out. */
const readsSupersession = (projection: Projection, criteria: RecommendationCriteria) =>
  projection === ALL || projection.includes("superseded") || !criteria.includeSuperseded;

export const RETURN_RECOMMENDATION = returnRecommendation();

/**
 * The criteria's conditions, only those that restrict (a criterion is null when it does not): Neo4j evaluates a
 * `$directions IS NULL OR …` guard on every row even when the parameter is null, and the unfiltered reads (every
 * list a page or a look-up folds in) are the common ones. The values stay parameters; only which clauses appear
 * depends on the criteria, so a statement has at most 2^7 forms.
 */
function filterOf(criteria: RecommendationCriteria, supersession: boolean): string {
  const clauses = [
    criteria.directions !== null && "r.direction IN $directions",
    criteria.strengths !== null && "r.strength IN $strengths",
    criteria.kinds !== null && "r.kind IN $kinds",
    // Phase ANY on either side overlaps everything; otherwise the phases must share one.
    criteria.phase !== null && criteria.phase !== "ANY" && "('ANY' IN r.phases OR $phase IN r.phases)",
    criteria.guidelineIds !== null && "g.id IN $guidelineIds",
    criteria.jurisdictions !== null && "g.jurisdiction IN $jurisdictions",
    supersession && !criteria.includeSuperseded && "NOT guidelineSuperseded AND r.supersededById IS NULL",
  ].filter((clause): clause is string => clause !== false);
  return clauses.length === 0 ? "" : `\n    WHERE ${clauses.join("\n      AND ")}`;
}

const ORDER = /* cypher */ `
  ORDER BY CASE r.strength WHEN 'STRONG' THEN 0 WHEN 'CONDITIONAL' THEN 1 ELSE 2 END,
           CASE r.direction WHEN 'FOR' THEN 0 WHEN 'AGAINST' THEN 1 ELSE 2 END,
           g.year DESC, r.id`;

const byAnchor = (
  anchor: string,
  criteria: RecommendationCriteria,
  projection: Projection = ALL,
  ends: RecommendationEnds = NO_ENDS,
  supersession = true,
) => /* cypher */ `
  UNWIND $ids AS key
  CALL (key) {
    ${statementsAbout(anchor, criteria, projection, ends, supersession)}
  }
  RETURN key, items`;

/**
 * Rows of statements `(r)-[:CITES]->(g)` with `guidelineSuperseded` beside each. A guideline is cited by dozens of
 * statements and its few SUPERSEDED_BY relationships have no index, so whether it is superseded is read once per
 * guideline (the rows grouped by it, `carried` the variables each row keeps), not once per statement: half a
 * statement's database hits. `imported` are variables a subquery imported: one value throughout, they stay grouping
 * keys (Cypher forbids rebinding them).
 */
export const withGuidelineSupersession = (carried: readonly string[], imported: readonly string[] = []) => {
  const grouping = [...imported, "g"].join(", ");
  return /* cypher */ `
    WITH ${grouping}, collect({${carried.map((name) => `${name}: ${name}`).join(", ")}}) AS statements
    WITH ${grouping}, statements, ${GUIDELINE_SUPERSEDED} AS guidelineSuperseded
    UNWIND statements AS statement
    WITH ${carried.map((name) => `statement.${name} AS ${name}`).join(", ")}, ${grouping}, guidelineSuperseded`;
};

/** The anchor of a fold into a parent that bound the condition to `c` and imported it (recommendationsOfCondition). */
const IMPORTED_CONDITION = "(c)";

/** withGuidelineSupersession for statementsAbout's anchor: an imported condition stays a grouping key. */
const supersessionOf = (anchor: string) =>
  anchor === IMPORTED_CONDITION
    ? withGuidelineSupersession(["r", "t"], ["c"])
    : withGuidelineSupersession(["r", "t", "c"]);

/**
 * The statements about `anchor` (a pattern naming a variable the caller imported), as one list: `items`; with each
 * guideline's supersession read once (withGuidelineSupersession), or not at all when nothing needs it
 * (readsSupersession). With `deliveries`, also the care links of the statements' distinct treatments, as
 * `deliveries` (deliveriesOfTreatments).
 */
const statementsAbout = (
  anchor: string,
  criteria: RecommendationCriteria,
  projection: Projection,
  ends: RecommendationEnds,
  supersession: boolean,
  deliveries?: LinksRead,
) => {
  const items = `collect(${returnRecommendation(projection, ends, supersession ? "guidelineSuperseded" : undefined)}) AS items`;
  const returned = deliveries
    ? `WITH ${items}, collect(DISTINCT t) AS treatments${deliveriesOfTreatments("treatments", deliveries)}
    RETURN items, deliveries`
    : `RETURN ${items}`;
  return /* cypher */ `MATCH ${anchor}
    MATCH (t:Treatment)<-[:ABOUT_TREATMENT]-(r:Recommendation)-[:FOR_CONDITION]->(c:Condition)
    MATCH (r)-[:CITES]->(g:Guideline)${supersession ? supersessionOf(anchor) : ""}
${filterOf(criteria, supersession)}
    WITH r, t, c, g${supersession ? ", guidelineSuperseded" : ""} ${ORDER}
    ${returned}`;
};

/**
 * For a parent statement that bound a condition to `c`: `CALL (c) { … }` giving its statements as `items`, with the
 * criteria as parameters ($directions, …), read by recommendationsFromRow. How a parent folds the condition's
 * recommendations into its own read; with `deliveries`, their treatments' care links too (as `deliveries`). With
 * `onlyIf`, a boolean variable of the parent's row: where it is false, the lists are empty and nothing is read (a
 * page's extra row, which only tells whether more follow).
 */
export const recommendationsOfCondition = (
  { criteria, projection, ends }: RecommendationRead,
  deliveries?: LinksRead,
  onlyIf?: string,
) => {
  const imports = onlyIf ? `c, ${onlyIf}` : "c";
  const guard = onlyIf ? `\n    WITH c WHERE ${onlyIf}` : "";
  const statements = statementsAbout(
    IMPORTED_CONDITION,
    criteria,
    projection,
    ends,
    readsSupersession(projection, criteria),
    deliveries,
  );
  return /* cypher */ `
  CALL (${imports}) {${guard}
    ${statements}
  }`;
};

/** The `items` of recommendationsOfCondition as records, their folded ends as the records of their labels. */
export function recommendationsFromRow(items: RecommendationRecord[]): RecommendationRecord[] {
  return items.map(withEndRecords);
}

/** What a list of recommendations can hang off: the anchor node each statement starts from (findBy). */
export const RECOMMENDATION_ANCHORS = {
  condition: "(c:Condition {id: key})",
  treatment: "(t:Treatment {id: key})",
  guideline: "(g:Guideline {id: key})",
  recommendation: "(r:Recommendation {id: key})",
} as const;
export type RecommendationAnchor = keyof typeof RECOMMENDATION_ANCHORS;

/** Conflict (docs/data-model.md): same treatment and condition, opposite directions (FOR vs AGAINST), overlapping phases. */
export const FIND_CONFLICTS = /* cypher */ `
  UNWIND $ids AS key
  CALL (key) {
    MATCH (self:Recommendation {id: key})-[:ABOUT_TREATMENT]->(t:Treatment)
    MATCH (self)-[:FOR_CONDITION]->(c:Condition)
    MATCH (t)<-[:ABOUT_TREATMENT]-(r:Recommendation)-[:FOR_CONDITION]->(c)
    MATCH (r)-[:CITES]->(g:Guideline)
    WHERE r.direction <> self.direction AND r.direction IN ['FOR', 'AGAINST'] AND self.direction IN ['FOR', 'AGAINST']
      AND ('ANY' IN self.phases OR 'ANY' IN r.phases OR any(phase IN r.phases WHERE phase IN self.phases))
    WITH r, t, c, g ${ORDER}
    RETURN collect(${RETURN_RECOMMENDATION}) AS items
  }
  RETURN key, items`;

export class RecommendationRepository {
  constructor(private readonly db: Database) {}

  /**
   * For each anchor id, its recommendations that meet the criteria, strongest first; each with the `ends` asked
   * (its treatment, condition or guideline with their projections) folded in, read by the same statement.
   */
  async findBy(
    anchor: RecommendationAnchor,
    ids: readonly string[],
    criteria: RecommendationCriteria,
    projection: Projection = ALL,
    ends: RecommendationEnds = NO_ENDS,
  ) {
    const plain = projection === ALL && Object.keys(ends).length === 0;
    const cypher = byAnchor(
      RECOMMENDATION_ANCHORS[anchor],
      criteria,
      projection,
      ends,
      readsSupersession(projection, criteria),
    );
    const found = await this.fetch(cypher, ids, { ...criteria });
    return plain ? found : found.map(recommendationsFromRow);
  }

  /** For each recommendation id, the recommendations that conflict with it. */
  async findConflicts(ids: readonly string[]): Promise<RecommendationRecord[][]> {
    return this.fetch(FIND_CONFLICTS, ids, {});
  }

  private async fetch(cypher: string, ids: readonly string[], params: Record<string, unknown>) {
    const rows = await this.db.read<{ key: string; items: RecommendationRecord[] }>(cypher, {
      ids,
      ...params,
    });
    return inKeyOrder(
      ids,
      rows.map((row) => ({ key: row.key, value: row.items })),
      [] as RecommendationRecord[],
    );
  }
}

/** The folded ends of a row as the records of their labels (a row without them is returned as it is). */
function withEndRecords(item: RecommendationRecord): RecommendationRecord {
  const rows = item.ends as Partial<Record<RecommendationEnd, Record<string, unknown>>> | undefined;
  if (!rows) return item;
  item.ends = {
    treatment: rows.treatment && ENDS.treatment.record(rows.treatment),
    condition: rows.condition && ENDS.condition.record(rows.condition),
    guideline: rows.guideline && ENDS.guideline.record(rows.guideline),
  };
  return item;
}
