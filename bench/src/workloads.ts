/**
 * The workloads W1–W6: for each system, the request bodies it is sent and how its answer maps onto one
 * canonical form, so every system is checked to return the same data as PainGraph.
 */
export type System =
  | "paingraph"
  | "paingraph-uncached"
  | "paingraph-before"
  | "neo4j-graphql"
  | "naive"
  | "cypher-floor"
  | "static";
export type WorkloadName = "W1" | "W2" | "W3" | "W4" | "W5" | "W6";

export const WORKLOAD_TITLES: Record<WorkloadName, string> = {
  W1: "W1 condition by ICD-10 code with its recommendations",
  W2: "W2 first 20 conditions → recommendations → treatment → deliveredBy",
  W3: "W3 recommendTreatments for two conditions",
  W4: "W4 search (conditions)",
  W5: "W5 mix (2×W1, 2×W4, 1×W2)",
  W6: "W6 suggest: a burst of keystrokes (2 to 5 letters of two searches)",
};

/** What a dataset offers the workloads, discovered from its graph (datasets.ts). */
export interface DatasetParams {
  codes: string[];
  conditionPairs: Array<[string, string]>;
  searches: string[];
}

/** One request of a workload, the same question put to every system. */
export interface Question {
  /** e.g. "W1:0": also the static server's payload key. */
  key: string;
  workload: Exclude<WorkloadName, "W5">;
  variables: Record<string, unknown>;
}

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OURS = {
  W1: /* GraphQL */ `
    query W1($code: String!) {
      conditionByCode(system: ICD10CM, code: $code) {
        id
        name
        recommendations {
          id
          direction
          strength
          rawGrade
          statement
          treatment {
            id
            name
          }
          guideline {
            id
            publisher
            year
          }
        }
      }
    }
  `,
  W2: /* GraphQL */ `
    query W2($first: Int!) {
      conditions(first: $first) {
        edges {
          node {
            id
            name
            recommendations {
              id
              direction
              strength
              treatment {
                id
                name
                deliveredBy {
                  basis
                  provider {
                    __typename
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  `,
  W3: /* GraphQL */ `
    query W3($ids: [ID!]!) {
      recommendTreatments(input: { conditionIds: $ids, first: 10 }) {
        items {
          rank
          score
          conflict
          treatment {
            id
            name
          }
          supporting {
            id
          }
          opposing {
            id
          }
        }
        excluded {
          reason
          treatment {
            id
          }
        }
      }
    }
  `,
  W4: /* GraphQL */ `
    query W4($query: String!, $first: Int!) {
      search(query: $query, types: [CONDITION], first: $first) {
        score
        node {
          ... on Condition {
            id
            name
          }
        }
      }
    }
  `,
  W6: /* GraphQL */ `
    query W6($prefix: String!) {
      suggest(prefix: $prefix, first: 8) {
        matchedText
        node {
          ... on Node {
            id
          }
        }
      }
    }
  `,
} as const;

const NEO4J_GRAPHQL = {
  W1: /* GraphQL */ `
    query W1($key: String!) {
      codes(where: { system: { eq: "ICD10CM" }, key: { eq: $key } }) {
        conditions {
          id
          name
          recommendations {
            id
            direction
            strength
            rawGrade
            statement
            treatment {
              id
              name
            }
            guideline {
              id
              publisher
              year
            }
          }
        }
      }
    }
  `,
  W2: /* GraphQL */ `
    query W2($first: Int!) {
      conditionsConnection(first: $first, sort: [{ name: ASC }, { id: ASC }]) {
        edges {
          node {
            id
            name
            recommendations {
              id
              direction
              strength
              treatment {
                id
                name
                deliveredByConnection {
                  edges {
                    properties {
                      basis
                    }
                    node {
                      __typename
                      ... on Discipline {
                        name
                      }
                      ... on Profession {
                        name
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  `,
  W4: /* GraphQL */ `
    query W4($lucene: String, $codeKey: String, $first: Int!) {
      searchConditions(lucene: $lucene, codeKey: $codeKey, first: $first) {
        id
        name
      }
    }
  `,
} as const;

const STATIC_QUERY = "query S($key: String!) { payload(key: $key) }";

/** Pure helpers PainGraph uses to normalise what a client typed; neo4j-graphql gets their output as variables. */
export interface Normalisers {
  icd10Key(code: string): string;
  toLuceneQuery(text: string): string | null;
  exactCodeKey(text: string): string | null;
}

export function questions(workload: WorkloadName, params: DatasetParams): Question[] {
  const w1 = params.codes.map((code, i): Question => ({
    key: `W1:${i}`,
    workload: "W1",
    variables: { code },
  }));
  const w2: Question[] = [{ key: "W2:0", workload: "W2", variables: { first: 20 } }];
  const w3 = params.conditionPairs.map((ids, i): Question => ({
    key: `W3:${i}`,
    workload: "W3",
    variables: { ids },
  }));
  const w4 = params.searches.map((query, i): Question => ({
    key: `W4:${i}`,
    workload: "W4",
    variables: { query, first: 10 },
  }));
  // What a picker sends while someone types: every prefix from the second to the fifth letter.
  const w6 = params.searches
    .filter((query) => /^[a-z]{5,}/i.test(query))
    .slice(0, 2)
    .flatMap((query) => [2, 3, 4, 5].map((length) => query.slice(0, length)))
    .map((prefix, i): Question => ({ key: `W6:${i}`, workload: "W6", variables: { prefix } }));
  switch (workload) {
    case "W6":
      return w6;
    case "W1":
      return w1;
    case "W2":
      return w2;
    case "W3":
      return w3;
    case "W4":
      return w4;
    case "W5":
      return [w1[0]!, w4[0]!, w1[1] ?? w1[0]!, w4[1] ?? w4[0]!, w2[0]!];
  }
}

/**
 * Whether the system can answer the workload: neo4j-graphql has no recommendTreatments, and completion (W6)
 * exists only in PainGraph (the static server replays its answers).
 */
export function supports(system: System, workload: WorkloadName): boolean {
  if (workload === "W6") return ["paingraph", "paingraph-uncached", "naive", "static"].includes(system);
  return !(system === "neo4j-graphql" && workload === "W3");
}

/** The JSON body the system is sent for the question. */
export function requestBody(system: System, question: Question, normalise: Normalisers): string {
  if (system === "static") return JSON.stringify({ query: STATIC_QUERY, variables: { key: question.key } });
  if (system !== "neo4j-graphql") {
    return JSON.stringify({
      operationName: question.workload,
      query: OURS[question.workload],
      variables: question.variables,
    });
  }
  const v = question.variables;
  const variables =
    question.workload === "W1"
      ? { key: normalise.icd10Key(String(v.code)) }
      : question.workload === "W4"
        ? {
            lucene: normalise.toLuceneQuery(String(v.query)),
            codeKey: normalise.exactCodeKey(String(v.query)),
            first: v.first,
          }
        : v;
  const query = NEO4J_GRAPHQL[question.workload as "W1" | "W2" | "W4"];
  return JSON.stringify({ operationName: question.workload, query, variables });
}

/**
 * W4 answers are compared on their best hit: PainGraph scores Lucene's candidates against its synonym vocabulary
 * and leaves out weak matches, while the baselines return Lucene's own top ten, so only the first hit is the
 * same question answered the same way.
 */
function topHit(hits: Data[]): Data[] {
  return hits.slice(0, 1);
}

function fromOurs(workload: Question["workload"], data: Data): unknown {
  switch (workload) {
    case "W1":
      return data.conditionByCode;
    case "W2":
      return data.conditions.edges.map((edge: Data) => edge.node);
    case "W3":
      return data.recommendTreatments;
    case "W4":
      return topHit(data.search.map((hit: Data) => hit.node));
    case "W6":
      return data.suggest;
  }
}

function fromNeo4jGraphQL(workload: Question["workload"], data: Data): unknown {
  const recommendation = (r: Data) => ({
    ...r,
    treatment: r.treatment[0] ?? null,
    guideline: r.guideline?.[0],
  });
  switch (workload) {
    case "W1": {
      const condition = data.codes[0]?.conditions[0];
      return condition
        ? { ...condition, recommendations: condition.recommendations.map(recommendation) }
        : null;
    }
    case "W2":
      return data.conditionsConnection.edges.map(({ node }: Data) => ({
        ...node,
        recommendations: node.recommendations.map((r: Data) => {
          const { deliveredByConnection, ...treatment } = r.treatment[0];
          return {
            ...r,
            treatment: {
              ...treatment,
              deliveredBy: deliveredByConnection.edges.map((edge: Data) => ({
                basis: edge.properties.basis,
                provider: edge.node,
              })),
            },
          };
        }),
      }));
    case "W4":
      return topHit(data.searchConditions);
    default:
      return null;
  }
}

/** The canonical data in the answer, or an Error naming what is wrong with it. */
export function canonicalAnswer(system: System, question: Question, body: string): string | Error {
  let parsed: { data?: Data | null; errors?: unknown[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return new Error(`not JSON: ${body.slice(0, 200)}`);
  }
  if (parsed.errors?.length || !parsed.data)
    return new Error(`errors: ${JSON.stringify(parsed.errors ?? parsed).slice(0, 400)}`);
  const data = system === "static" ? parsed.data.payload : parsed.data;
  if (data === null || data === undefined) return new Error("no data");
  const value =
    system === "neo4j-graphql"
      ? fromNeo4jGraphQL(question.workload, data)
      : fromOurs(question.workload, data);
  if (value === null || value === undefined) return new Error("empty answer");
  return canonical(value);
}

/** JSON with sorted keys and lists sorted by their members' canonical form: equal data, equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** PainGraph's data for the question, as the static server returns it. */
export function payloadOf(body: string): unknown {
  return (JSON.parse(body) as { data: unknown }).data;
}
