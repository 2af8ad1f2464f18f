/**
 * A real GraphQL client against the server: Apollo Client 4 with its normalized InMemoryCache, over POST and over
 * the cacheable GET the widget uses. Objects are normalized by __typename and id, so one treatment read by two
 * different queries is one cache entry.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloClient, gql, HttpLink, InMemoryCache, type PossibleTypesMap } from "@apollo/client";
import { buildSchema, isAbstractType } from "graphql";
import { PROJECT_ROOT } from "../../src/config";
import { seedTestGraph } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

/** Which concrete types each interface stands for, from the committed schema (fragments on Node, CareProvider…). */
function possibleTypes(): PossibleTypesMap {
  const schema = buildSchema(readFileSync(path.join(PROJECT_ROOT, "schema/schema.graphql"), "utf8"));
  const map: PossibleTypesMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && !type.name.startsWith("__")) {
      map[type.name] = schema.getPossibleTypes(type).map((possible) => possible.name);
    }
  }
  return map;
}

/** The widget's own query text, as it ships. */
function widgetQuery(): string {
  const source = readFileSync(path.join(PROJECT_ROOT, "widget/paingraph.js"), "utf8");
  const match = /\/\* GraphQL \*\/ `([^`]*)`/.exec(source);
  if (!match?.[1]) throw new Error("no query in widget/paingraph.js");
  return match[1];
}

interface Seen {
  method: string;
  status: number;
  cacheControl: string | null;
}

function clientFor(server: TestServer, options: { get?: boolean } = {}) {
  const seen: Seen[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    seen.push({
      method: init?.method ?? "GET",
      status: response.status,
      cacheControl: response.headers.get("cache-control"),
    });
    return response;
  };
  const client = new ApolloClient({
    cache: new InMemoryCache({ possibleTypes: possibleTypes() }),
    link: new HttpLink({
      uri: `${server.url}/graphql`,
      fetch: countingFetch,
      useGETForQueries: options.get ?? false,
      // The header CSRF prevention asks of a GET (a browser cannot send it cross-origin without a preflight).
      headers: options.get ? { "apollo-require-preflight": "true" } : {},
    }),
  });
  return { client, seen };
}

const RECOMMEND = gql(widgetQuery());
const VARIABLES = {
  input: {
    conditionCodes: [{ system: "ICD10CM", code: "M79.7" }],
    excludeOpioids: true,
    maxInvasiveness: 1,
    first: 3,
  },
};
const TREATMENT = gql`
  query Treatment($id: ID!) {
    treatment(id: $id) {
      id
      name
      opioid
      deliveredBy {
        provider {
          ... on Discipline {
            id
            name
          }
          ... on Profession {
            id
            name
          }
        }
      }
    }
  }
`;

interface RecommendData {
  recommendTreatments: {
    items: Array<{ rank: number; treatment: { __typename: string; id: string; name: string } }>;
  };
}

describe("Apollo Client against PainGraph", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_ENABLED: "false" });
    // Files run in any order and some leave other graphs behind: each file loads the data it reads.
    await seedTestGraph(server.connection.database);
  });
  afterAll(() => server.close());

  it("runs the widget's query and normalizes every object with an id", async () => {
    const { client, seen } = clientFor(server);
    const { data } = await client.query<RecommendData>({ query: RECOMMEND, variables: VARIABLES });
    const first = data!.recommendTreatments.items[0]!.treatment;
    expect(first).toMatchObject({ __typename: "Treatment", id: "treatment:exercise" });

    const cache = client.cache.extract() as Record<string, Record<string, unknown>>;
    expect(cache["Treatment:treatment:exercise"]).toMatchObject({
      id: "treatment:exercise",
      name: first.name,
    });
    expect(Object.keys(cache).some((key) => key.startsWith("Guideline:guideline:"))).toBe(true);
    expect(Object.keys(cache).some((key) => key.startsWith("Recommendation:recommendation:"))).toBe(true);
    // Ranked items have no id of their own: they stay embedded in the result, referring to normalized treatments.
    expect(Object.keys(cache).some((key) => key.startsWith("RankedTreatment"))).toBe(false);

    // cache-first: the same query again is answered from the cache.
    await client.query({ query: RECOMMEND, variables: VARIABLES });
    expect(seen).toHaveLength(1);
  });

  it("merges one treatment read by two different queries into one entry", async () => {
    const { client, seen } = clientFor(server);
    await client.query({ query: RECOMMEND, variables: VARIABLES });
    const { data } = await client.query<{ treatment: { id: string; name: string; opioid: boolean } }>({
      query: TREATMENT,
      variables: { id: "treatment:exercise" },
    });
    expect(data!.treatment.opioid).toBe(false);
    expect(seen).toHaveLength(2);

    const id = client.cache.identify({ __typename: "Treatment", id: "treatment:exercise" });
    expect(id).toBe("Treatment:treatment:exercise");
    const entry = (client.cache.extract() as Record<string, Record<string, unknown>>)[id!];
    expect(entry).toMatchObject({ name: data!.treatment.name, opioid: false });

    // A local edit of that entry shows in both queries' results, without a request.
    client.cache.modify({ id, fields: { name: () => "Exercise (edited locally)" } });
    const ranked = client.readQuery<RecommendData>({ query: RECOMMEND, variables: VARIABLES });
    expect(ranked!.recommendTreatments.items[0]!.treatment.name).toBe("Exercise (edited locally)");
    const single = client.readQuery<{ treatment: { name: string } }>({
      query: TREATMENT,
      variables: { id: "treatment:exercise" },
    });
    expect(single!.treatment.name).toBe("Exercise (edited locally)");
    expect(seen).toHaveLength(2);
  });

  it("normalizes interface results (CareProvider) with the schema's possible types", async () => {
    const { client } = clientFor(server);
    const { data } = await client.query<{
      treatment: { deliveredBy: Array<{ provider: { __typename: string; id: string } }> };
    }>({ query: TREATMENT, variables: { id: "treatment:exercise" } });
    const providers = data!.treatment.deliveredBy.map(({ provider }) => provider);
    expect(providers.length).toBeGreaterThan(0);
    const cache = client.cache.extract() as Record<string, unknown>;
    for (const provider of providers) {
      expect(["Discipline", "Profession"]).toContain(provider.__typename);
      expect(cache[`${provider.__typename}:${provider.id}`]).toBeDefined();
    }
  });

  it("reads over GET with the CSRF header and gets a publicly cacheable answer", async () => {
    const { client, seen } = clientFor(server, { get: true });
    const { data } = await client.query<RecommendData>({ query: RECOMMEND, variables: VARIABLES });
    expect(data!.recommendTreatments.items.map((item) => item.rank)).toEqual([1, 2, 3]);
    expect(seen).toEqual([{ method: "GET", status: 200, cacheControl: "max-age=60, public" }]);
  });
});
