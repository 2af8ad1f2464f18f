/**
 * The hostile suite's named attacks (the generated corpus is tests/integration/hostile-input.test.ts; slow clients
 * are in slow-clients.test.ts; Bolt and WebSocket logins and a foreign database for the seeder are in
 * neo4j-auth.test.ts): each gets a typed answer, no 5xx, and the graph stays as it was.
 */
import { hashApiKey } from "../../src/auth/api-keys";
import { graphFingerprint } from "../support/graph";
import { startTestServer, type TestServer } from "../support/server";

const API_KEY = "curator-key-for-hostile-attacks-0123";
const curator = { "x-api-key": API_KEY };
const PROTOTYPE_IDS = [
  "constructor:x",
  "__proto__:x",
  "prototype:x",
  "hasOwnProperty:x",
  "toString:x",
  "__proto__",
];

type Body = { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

describe("named attacks on the API", () => {
  let server: TestServer;
  let before: string;

  beforeAll(async () => {
    server = await startTestServer({
      NODE_ENV: "production",
      RATE_LIMIT_ENABLED: "false",
      LOG_LEVEL: "fatal",
      CURATOR_API_KEYS: `hostile:${hashApiKey(API_KEY)}`,
      REQUEST_TIMEOUT_MS: "60000",
    });
    before = await graphFingerprint(server.connection.database);
  });
  afterAll(() => server.close());

  /** Every error of an answer with its code; a 5xx or an uncoded/internal error is reported as such. */
  const verdict = (label: string, status: number, body: Body) => {
    const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? "UNCODED");
    return {
      label,
      serverError: status >= 500,
      internal: codes.filter((c) => c === "INTERNAL_SERVER_ERROR" || c === "UNCODED"),
    };
  };

  it.each(PROTOTYPE_IDS)(
    "answers a prototype-named id (%s) with a typed error, as a curator too",
    async (id) => {
      const operations: Array<[string, string, Record<string, unknown>]> = [
        ["deleteEntity", "mutation ($id: ID!) { deleteEntity(id: $id) { version } }", { id }],
        [
          "deleteEntity cascade",
          "mutation ($id: ID!) { deleteEntity(id: $id, cascade: true) { version } }",
          { id },
        ],
        [
          "updateCondition",
          'mutation ($id: ID!) { updateCondition(input: { id: $id, name: "x" }) { version } }',
          { id },
        ],
        [
          "addSynonym",
          'mutation ($id: ID!) { addSynonym(input: { entityId: $id, term: "x", kind: LAY, source: "curated" }) { version } }',
          { id },
        ],
        [
          "removeSynonym",
          'mutation ($id: ID!) { removeSynonym(entityId: $id, term: "x") { version } }',
          { id },
        ],
        [
          "linkDelivery",
          "mutation ($id: ID!) { linkDelivery(input: { providerId: $id, treatmentId: $id, basis: CONVENTION }) { version } }",
          { id },
        ],
        [
          "unlinkDelivery",
          "mutation ($id: ID!) { unlinkDelivery(providerId: $id, treatmentId: $id) { version } }",
          { id },
        ],
        [
          "node",
          "query ($id: ID!) { node(id: $id) { id } condition(id: $id) { id } treatment(id: $id) { id } }",
          { id },
        ],
        [
          "explainPath",
          'query ($id: ID!) { explainPath(fromId: $id, toId: "condition:migraine") { length } }',
          { id },
        ],
        [
          "recommendTreatments",
          "query ($id: ID!) { recommendTreatments(input: { conditionIds: [$id] }) { disclaimer } }",
          { id },
        ],
      ];
      const verdicts = [];
      for (const [label, query, variables] of operations) {
        const { status, body } = await server.graphql(query, variables, curator);
        verdicts.push(verdict(label, status, body as Body));
      }
      expect(verdicts.filter((v) => v.serverError || v.internal.length > 0)).toEqual([]);
      // deleteEntity names the id it cannot delete.
      const { body } = await server.graphql(
        "mutation ($id: ID!) { deleteEntity(id: $id) { version } }",
        { id },
        curator,
      );
      expect((body as Body).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    },
  );

  it("refuses aliased heavy fields before any work, anonymous or curator", async () => {
    const aliased = (n: number, field: string) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
    const heavy = [
      aliased(30, "dataExport { version }"),
      aliased(
        3,
        'explainPath(fromId: "condition:migraine", toId: "treatment:exercise", maxHops: 6) { length }',
      ),
      aliased(13, 'recommendTreatments(input: { conditionIds: ["condition:migraine"] }) { items { rank } }'),
      aliased(30, 'search(query: "pain", first: 100) { score node { ... on Node { id } } }'),
    ];
    for (const query of heavy)
      for (const headers of [{}, curator]) {
        const { status, body } = await server.graphql(query, {}, headers);
        expect([status, (body as Body).errors?.[0]?.extensions?.code]).toEqual([400, "QUERY_TOO_COMPLEX"]);
      }
  });

  it("leaves the graph unchanged", async () => {
    expect(await graphFingerprint(server.connection.database)).toBe(before);
  });
});

describe("junk-key rotation", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      RATE_LIMIT_PER_MINUTE: "60",
      RATE_LIMIT_BURST: "5",
      LOG_LEVEL: "fatal",
    });
  });
  afterAll(() => server.close());

  it("meets 429 inside the burst, whether the junk is an API key or a bearer token, typed all the way", async () => {
    const answers = [];
    for (let i = 0; i < 8; i += 1) {
      const headers: Record<string, string> =
        i % 2 === 0 ? { "x-api-key": `junk-${i}` } : { authorization: `Bearer junk.${i}.token` };
      const { status, body } = await server.graphql("{ __typename }", {}, headers);
      answers.push(`${status} ${(body as Body).errors?.[0]?.extensions?.code}`);
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("401 UNAUTHENTICATED"));
    expect(answers.slice(5)).toEqual(Array(3).fill("429 RATE_LIMITED"));
  });
});
