/**
 * The raw-Cypher floor: node:http + neo4j-driver, one hand-written Cypher statement per request that returns the
 * JSON PainGraph returns. W3 ranks in memory with PainGraph's own pure rankTreatments (the floor of the
 * database and HTTP work, not a different ranking). Requests name their workload in operationName.
 */
import path from "node:path";
import neo4j from "neo4j-driver";
import { RANKED_CONDITION_HITS } from "./search-statement";
import { neo4jSettings, roundTrips, serve, type JsonRequest } from "./serve";

// PainGraph's pure helpers, from its build (npm run build): the floor shares its code normalisation and ranking.
const DIST = path.resolve(__dirname, "../../../dist/src");
/* eslint-disable @typescript-eslint/no-explicit-any */
const codes = require(path.join(DIST, "model/codes")) as {
  icd10Key(code: string): string;
  isWellFormedIcd10cm(code: string): boolean;
};
const lucene = require(path.join(DIST, "search/lucene")) as { toLuceneQuery(text: string): string | null };
const ranking = require(path.join(DIST, "recommend/ranking")) as {
  rankTreatments(
    records: any[],
    treatments: Map<string, any>,
    options: any,
  ): { items: any[]; excluded: any[] };
};
const rankingModel = require(path.join(DIST, "recommend/ranking.model")) as { DEFAULT_WEIGHTS: any };
const recommendations = require(path.join(DIST, "evidence/recommendation.repository")) as {
  RETURN_RECOMMENDATION: string;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

const RECOMMENDATION_ORDER = `
  ORDER BY CASE r.strength WHEN 'STRONG' THEN 0 WHEN 'CONDITIONAL' THEN 1 ELSE 2 END,
           CASE r.direction WHEN 'FOR' THEN 0 WHEN 'AGAINST' THEN 1 ELSE 2 END,
           g.year DESC, r.id`;

export const W1 = /* cypher */ `
  MATCH (:Code {system: 'ICD10CM', key: $key})-[:IDENTIFIES]->(c:Condition)
  RETURN c {
    .id, .name,
    recommendations: COLLECT {
      MATCH (c)<-[:FOR_CONDITION]-(r:Recommendation)-[:ABOUT_TREATMENT]->(t:Treatment)
      MATCH (r)-[:CITES]->(g:Guideline)
      WITH r, t, g ${RECOMMENDATION_ORDER}
      RETURN r { .id, .direction, .strength, .rawGrade, .statement,
                 treatment: t { .id, .name }, guideline: g { .id, .publisher, .year } }
    }
  } AS condition`;

// WHERE c.name IS NOT NULL lets the planner read the first page from the condition_name index (names are
// never null, so the rows are the same): the floor is the best statement, not one that sorts every condition.
export const W2 = /* cypher */ `
  MATCH (c:Condition) WHERE c.name IS NOT NULL
  WITH c ORDER BY c.name, c.id LIMIT $first
  RETURN c {
    .id, .name,
    recommendations: COLLECT {
      MATCH (c)<-[:FOR_CONDITION]-(r:Recommendation)-[:ABOUT_TREATMENT]->(t:Treatment)
      MATCH (r)-[:CITES]->(g:Guideline)
      WITH r, t, g ${RECOMMENDATION_ORDER}
      RETURN r { .id, .direction, .strength,
        treatment: t { .id, .name,
          deliveredBy: COLLECT {
            MATCH (p:Entity)-[d:DELIVERS]->(t)
            WITH p, d ORDER BY p.name, p.id
            RETURN { basis: d.basis,
                     provider: { __typename: [l IN labels(p) WHERE l <> 'Entity'][0], name: p.name } }
          } } }
    }
  } AS node`;

const W3 = () => /* cypher */ `
  CALL () {
    UNWIND $ids AS requested
    MATCH (c:Condition {id: requested})
    RETURN collect(c { .id, .category }) AS conditions
  }
  CALL () {
    UNWIND $ids AS conditionId
    MATCH (c:Condition {id: conditionId})<-[:FOR_CONDITION]-(r:Recommendation)-[:ABOUT_TREATMENT]->(t:Treatment)
    MATCH (r)-[:CITES]->(g:Guideline)
    WITH r, t, c, g ORDER BY r.id
    RETURN collect({
      recommendation: ${recommendations.RETURN_RECOMMENDATION},
      treatment: t { .id, .name, .opioid, .invasivenessMax, .isClass,
                     classIds: [(t)-[:MEMBER_OF]->(k:Treatment) | k.id] }
    }) AS evidence
  }
  RETURN conditions, evidence`;

export const W4 = /* cypher */ `${RANKED_CONDITION_HITS}
  RETURN collect({ score: round(score * 1000) / 1000, node: node { .id, .name } }) AS hits`;

const PHASE_OF_CATEGORY: Record<string, string> = { ACUTE: "ACUTE", CHRONIC: "CHRONIC", EITHER: "ANY" };

/** As search.resolver.ts: an ICD-10-CM code or SNOMED CT id typed on its own is also looked up exactly. */
function exactCodeKey(query: string): string | null {
  const trimmed = query.trim();
  if (/^\d{6,18}$/.test(trimmed)) return trimmed;
  const key = codes.icd10Key(trimmed);
  return codes.isWellFormedIcd10cm(key.length > 3 ? `${key.slice(0, 3)}.${key.slice(3)}` : key) ? key : null;
}

async function main(): Promise<void> {
  const settings = neo4jSettings();
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    telemetryDisabled: true,
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
  });
  const run = async (cypher: string, params: Record<string, unknown>) => {
    roundTrips.count += 1;
    const { records } = await driver.executeQuery(cypher, params, {
      database: settings.database,
      routing: neo4j.routing.READ,
    });
    return records.map((record) => record.toObject());
  };

  const handlers: Record<string, (variables: Record<string, unknown>) => Promise<unknown>> = {
    async W1(variables) {
      const [row] = await run(W1, { key: codes.icd10Key(String(variables.code)) });
      return { conditionByCode: row?.condition ?? null };
    },
    async W2(variables) {
      const rows = await run(W2, { first: neo4j.int(Number(variables.first)) });
      return { conditions: { edges: rows.map((row) => ({ node: row.node })) } };
    },
    async W3(variables) {
      const [row] = await run(W3(), { ids: variables.ids });
      const conditions = (row!.conditions as Array<{ id: string; category: string }>)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((c) => ({ id: c.id, phase: PHASE_OF_CATEGORY[c.category] ?? "ANY" }));
      const evidence = row!.evidence as Array<{ recommendation: { id: string }; treatment: { id: string } }>;
      const treatments = new Map(evidence.map((item) => [item.treatment.id, item.treatment]));
      const result = ranking.rankTreatments(
        evidence.map((item) => item.recommendation),
        treatments,
        {
          conditions,
          excludeOpioids: false,
          maxInvasiveness: null,
          excludeTreatmentIds: [],
          guidelineIds: null,
          jurisdictions: null,
          includeSuperseded: false,
          minStrength: null,
          weights: rankingModel.DEFAULT_WEIGHTS,
        },
      );
      const ids = (list: Array<{ id: string }>) => list.map((item) => ({ id: item.id }));
      return {
        recommendTreatments: {
          items: result.items.slice(0, Number(variables.first ?? 10)).map((item) => ({
            rank: item.rank,
            score: item.score,
            conflict: item.conflict,
            treatment: { id: item.treatment.id, name: item.treatment.name },
            supporting: ids(item.supporting),
            opposing: ids(item.opposing),
          })),
          excluded: result.excluded.map((item) => ({
            reason: item.reason,
            treatment: { id: item.treatment.id },
          })),
        },
      };
    },
    async W4(variables) {
      const query = String(variables.query);
      const [row] = await run(W4, {
        lucene: lucene.toLuceneQuery(query),
        codeKey: exactCodeKey(query),
        first: neo4j.int(Number(variables.first ?? 10)),
      });
      return { search: row?.hits ?? [] };
    },
  };

  serve(async (request: JsonRequest) => {
    const handler = handlers[request.operationName ?? ""];
    if (!handler) throw new Error(`unknown operation ${request.operationName}`);
    return JSON.stringify({ data: await handler(request.variables ?? {}) });
  });
  process.on("exit", () => void driver.close());
}

main().catch((error: unknown) => {
  process.stderr.write(`cypher-floor server failed: ${String(error)}\n`);
  process.exit(1);
});
