/**
 * What the heavy fields cost, sized by the work they do on the real graph, in the units of the query cost
 * (1 ≈ one cheap field resolved). With the default QUERY_MAX_COST of 25,000 one operation may hold one
 * dataExport, or two explainPath at maxHops 6, but not more: aliasing a heavy field no longer buys its work
 * for the price of a cheap one. tests/unit/field-costs.test.ts checks these sizes against the seed files.
 */

/** Work a heavy field does before its selection is resolved; keyed "Type.field". */
export const HEAVY_FIELD_COSTS: Readonly<Record<string, (args: Record<string, unknown>) => number>> = {
  // Reads and serialises every record of the graph: about 890 records of ~16 fields each in the seed graph
  // (14 statements, ~450 kB of JSON per export).
  "Query.dataExport": () => 14_000,
  // A variable-length path search: the paths Neo4j expands roughly double with every hop on this graph.
  "Query.explainPath": (args) => 150 * 2 ** hops(args.maxHops),
  // Reads every recommendation of the conditions asked (up to ~55 each), their guidelines, treatments and
  // care links, then ranks them.
  "Query.recommendTreatments": () => 2_000,
  // A full-text query over every searchable label, then a fuzzy pass when it finds little.
  "Query.search": () => 500,
  "Query.didYouMean": () => 200,
  "Query.suggest": () => 50,
};

/**
 * Unpaginated lists, sized by what they hold in the seed graph with headroom (the unit test fails when the data
 * outgrows a size). Other lists without `first` count LIST_FACTOR items.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  "Query.conditionGroups": 10,
  "Query.disciplines": 10,
  "Query.modalities": 10,
  "Query.myths": 10,
  "Query.professions": 10,
  "Query.statistics": 25,
  "ConditionGroup.conditions": 25,
  "Modality.treatments": 60,
  "Discipline.delivers": 60,
  "Profession.delivers": 60,
};

/** One more rate-limit token for every this many units of cost. */
export const COST_PER_RATE_TOKEN = 5_000;

/**
 * Rate-limit tokens an operation of this cost takes in all: 1 below 5,000 (most documented examples), 2 for
 * the widget's recommendation query (~8,000), 3 for a dataExport, 6 at the default cost limit. The door has
 * already taken 1; the complexity plugin takes the rest once the cost is known. The one pricing rule for every
 * store (in process or Redis).
 */
export function operationTokens(cost: number): number {
  return Number.isFinite(cost) && cost > 0 ? 1 + Math.floor(cost / COST_PER_RATE_TOKEN) : 1;
}

function hops(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) ? Math.min(Math.max(value, 1), 6) : 4;
}
