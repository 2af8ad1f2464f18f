import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SignJWT } from "jose";
import { PROJECT_ROOT } from "../../src/config";
import { hashApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/principal";
import { CurationRepository } from "../../src/curation/curation.repository";
import { checksumOf, CurationService } from "../../src/curation/curation.service";
import { readSnapshot, writeFilesAtomically } from "../../src/curation/export.service";
import { WriteQueue } from "../../src/curation/write-queue";
import { updateOperation } from "../../src/curation/operations";
import type { Database } from "../../src/neo4j/database";
import { decorate } from "../../src/neo4j/decorate";
import { runSeed, UnexportedChangesError } from "../../src/write-model/run-seed";
import { startNeo4j, stopNeo4j } from "../../neo4j-launcher/launcher";
import { graphFingerprint, seedTestGraph } from "../support/graph";
import { metricSample } from "../support/metrics";
import { startTestServer, testConfig, type TestServer } from "../support/server";
import { spawnSync } from "node:child_process";
import { instanceCredentials, testNeo4jPort } from "../support/test-neo4j";

// A Neo4j of this file's own: these tests write, and must never disturb the graph other tests read.
const PORT = testNeo4jPort(7695);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-curation-"));
const URI = `bolt://127.0.0.1:${PORT}`;
const API_KEY = "curator-key-for-tests-0123456789";
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const AUTH_ENV = {
  NEO4J_URI: URI,
  ...instanceCredentials(dataDir),
  // A write reads and validates the whole graph; on a machine shared with other jobs that can pass the
  // default 10 s request deadline, which these tests are not about.
  REQUEST_TIMEOUT_MS: "60000",
  NEO4J_TX_TIMEOUT_MS: "60000",
  CURATOR_API_KEYS: `alice:${hashApiKey(API_KEY)}`,
  JWT_SECRET: SECRET,
  JWT_ISSUER: "paingraph-tests",
  JWT_AUDIENCE: "paingraph-api",
};
const curator = { "x-api-key": API_KEY };

async function token(
  claims: { roles?: string[]; expiresIn?: string; secret?: string; issuer?: string } = {},
): Promise<string> {
  return new SignJWT({ roles: claims.roles ?? [Role.CURATOR] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("bob@clinic.example")
    .setIssuer(claims.issuer ?? "paingraph-tests")
    .setAudience("paingraph-api")
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "5m")
    .sign(new TextEncoder().encode(claims.secret ?? SECRET));
}

/** Statements that describe the data (Change and DataRelease are bookkeeping and legitimately differ). */
async function dataFingerprint(server: TestServer): Promise<string> {
  await server.connection.database.write("MATCH (n) WHERE n:Change OR n:DataRelease SET n:Bookkeeping");
  const fingerprint = await graphFingerprint(server.connection.database);
  const parsed = JSON.parse(fingerprint) as Array<{
    nodes: Array<[string[], unknown]>;
    relationships: unknown[];
  }>;
  return JSON.stringify(
    parsed.map((row) => ({ ...row, nodes: row.nodes.filter(([labels]) => !labels.includes("Bookkeeping")) })),
  );
}

const UPDATE = `mutation ($input: ConditionInput!) { updateCondition(input: $input) { entityId changed version change { actor method operation before after } } }`;

describe("curation", () => {
  let server: TestServer;

  beforeAll(async () => {
    await startNeo4j({ projectRoot: PROJECT_ROOT, port: PORT, dataDir });
    server = await startTestServer(AUTH_ENV);
    await seedTestGraph(server.connection.database);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await stopNeo4j({ dataDir });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function changesCount(): Promise<number> {
    const { body } = await server.graphql<{ changes: { totalCount: number } }>(
      "{ changes(first: 1) { totalCount } }",
      {},
      curator,
    );
    return body.data!.changes.totalCount;
  }

  describe("authentication and roles", () => {
    it("refuses a write without credentials with UNAUTHENTICATED", async () => {
      const { body } = await server.graphql(UPDATE, { input: { id: "condition:migraine", aliases: ["x"] } });
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it.each([
      ["an unknown API key", { "x-api-key": "nope" }],
      ["an expired token", "expired"],
      ["a token signed with another secret", "forged"],
      ["a token from another issuer", "issuer"],
    ])("refuses %s with UNAUTHENTICATED", async (_name, credentials) => {
      let headers: Record<string, string>;
      if (credentials === "expired")
        headers = { authorization: `Bearer ${await token({ expiresIn: "-1m" })}` };
      else if (credentials === "forged")
        headers = { authorization: `Bearer ${await token({ secret: "x".repeat(40) })}` };
      else if (credentials === "issuer")
        headers = { authorization: `Bearer ${await token({ issuer: "someone-else" })}` };
      else headers = credentials as Record<string, string>;
      const { body } = await server.graphql(
        UPDATE,
        { input: { id: "condition:migraine", aliases: ["x"] } },
        headers,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("refuses a valid token without the CURATOR role with FORBIDDEN", async () => {
      const headers = { authorization: `Bearer ${await token({ roles: ["READER"] })}` };
      const { body } = await server.graphql(
        UPDATE,
        { input: { id: "condition:migraine", aliases: ["x"] } },
        headers,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("accepts a valid CURATOR token and records its subject", async () => {
      const headers = { authorization: `Bearer ${await token()}` };
      const { body } = await server.graphql<{
        updateCondition: { change: { actor: string; method: string } };
      }>(
        UPDATE,
        { input: { id: "condition:migraine", aliases: ["migraine headache", "sick headache"] } },
        headers,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.updateCondition.change).toMatchObject({ actor: "bob@clinic.example", method: "jwt" });
    });

    it("keeps reads public, with or without credentials", async () => {
      const { body } = await server.graphql('{ condition(id: "condition:migraine") { aliases } }');
      expect(body.data).toEqual({ condition: { aliases: ["migraine headache", "sick headache"] } });
    });
  });

  describe("writes", () => {
    it("updates partially, bumps the release and audits before and after", async () => {
      const before = await server.graphql<{ dataRelease: { version: number } }>(
        "{ dataRelease { version } }",
      );
      const { body } = await server.graphql<{
        updateCondition: {
          version: number;
          change: { before: { name: string }; after: { name: string; category: string } };
        };
      }>(UPDATE, { input: { id: "condition:fibromyalgia", name: "Fibromyalgia syndrome" } }, curator);
      expect(body.errors).toBeUndefined();
      expect(body.data!.updateCondition.version).toBe(before.body.data!.dataRelease.version + 1);
      expect(body.data!.updateCondition.change.before.name).toBe("Fibromyalgia");
      expect(body.data!.updateCondition.change.after).toMatchObject({
        name: "Fibromyalgia syndrome",
        category: "CHRONIC",
      });
      const read = await server.graphql('{ condition(id: "condition:fibromyalgia") { name icd10Codes } }');
      expect(read.body.data).toEqual({ condition: { name: "Fibromyalgia syndrome", icd10Codes: ["M79.7"] } });
    });

    it("creates a treatment, links who delivers it, and cites a new recommendation for it", async () => {
      const create = await server.graphql(
        `mutation { createTreatment(input: { id: "treatment:test-therapy", name: "Test therapy", description: "A treatment created by the tests.",
          opioid: false, invasivenessMin: 0, invasivenessMax: 0, modalityIds: ["modality:behavioral-therapies"] }) { changed version } }`,
        {},
        curator,
      );
      expect(create.body.errors).toBeUndefined();
      const link = await server.graphql(
        `mutation { linkDelivery(input: { providerId: "discipline:psychology", treatmentId: "treatment:test-therapy", basis: CONVENTION }) { changed } }`,
        {},
        curator,
      );
      expect(link.body.errors).toBeUndefined();
      const rec = await server.graphql(
        `mutation { createRecommendation(input: { id: "recommendation:test-therapy-fibromyalgia", refRow: "R067", refStatus: V,
          guidelineId: "guideline:eular-2016", treatmentId: "treatment:test-therapy", conditionId: "condition:fibromyalgia",
          direction: FOR, rawGrade: "Weak for (Ia, A)", kind: RECOMMENDATION, statement: "A test statement for fibromyalgia." }) { changed } }`,
        {},
        curator,
      );
      expect(rec.body.errors).toBeUndefined();
      const read = await server.graphql<{
        treatment: {
          deliveredBy: Array<{ provider: { id: string } }>;
          recommendations: Array<{ strength: string; guideline: { id: string } }>;
        };
      }>(
        `{ treatment(id: "treatment:test-therapy") { deliveredBy { provider { id } } recommendations { strength guideline { id } } } }`,
      );
      expect(read.body.data!.treatment).toEqual({
        deliveredBy: [{ provider: { id: "discipline:psychology" } }],
        recommendations: [{ strength: "CONDITIONAL", guideline: { id: "guideline:eular-2016" } }],
      });
    });

    it("refuses to delete a guideline that still has recommendations unless asked to cascade, then says what it removed", async () => {
      const refused = await server.graphql(
        `mutation { deleteEntity(id: "guideline:efns-2010") { removedIds } }`,
        {},
        curator,
      );
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(refused.body.errors?.[0]?.message).toMatch(/still referenced by recommendation:/);
      const cascaded = await server.graphql<{ deleteEntity: { removedIds: string[] } }>(
        `mutation { deleteEntity(id: "guideline:efns-2010", cascade: true) { removedIds } }`,
        {},
        curator,
      );
      expect(cascaded.body.errors).toBeUndefined();
      expect(cascaded.body.data!.deleteEntity.removedIds[0]).toBe("guideline:efns-2010");
      expect(cascaded.body.data!.deleteEntity.removedIds.some((id) => id.startsWith("recommendation:"))).toBe(
        true,
      );
      const gone = await server.graphql(`{ guideline(id: "guideline:efns-2010") { id } }`);
      expect(gone.body.data).toEqual({ guideline: null });
    });

    it("unlinks a delivery and updates a guideline and a recommendation", async () => {
      const unlink = await server.graphql(
        `mutation { unlinkDelivery(providerId: "discipline:psychology", treatmentId: "treatment:test-therapy") { changed } }`,
        {},
        curator,
      );
      const guideline = await server.graphql(
        `mutation { updateGuideline(input: { id: "guideline:eular-2016", url: "https://example.org/eular" }) { changed } }`,
        {},
        curator,
      );
      const rec = await server.graphql(
        `mutation { updateRecommendation(input: { id: "recommendation:test-therapy-fibromyalgia", lineOfTherapy: 2 }) { changed } }`,
        {},
        curator,
      );
      const del = await server.graphql(
        `mutation { deleteEntity(id: "recommendation:test-therapy-fibromyalgia") { removedIds } }`,
        {},
        curator,
      );
      const delT = await server.graphql(
        `mutation { deleteEntity(id: "treatment:test-therapy") { removedIds } }`,
        {},
        curator,
      );
      for (const result of [unlink, guideline, rec, del, delT]) expect(result.body.errors).toBeUndefined();
    });
  });

  describe("validation", () => {
    it.each([
      [
        "a malformed ICD-10-CM code",
        UPDATE,
        { input: { id: "condition:migraine", icd10Codes: ["G43-909"] } },
        "input.icd10Codes",
        /not a well-formed ICD-10-CM code/,
      ],
      [
        "a code mapped to another condition",
        UPDATE,
        { input: { id: "condition:migraine", icd10Codes: ["M79.7"] } },
        "input.icd10Codes",
        /already mapped to condition:fibromyalgia/,
      ],
      [
        "an unknown reference",
        UPDATE,
        { input: { id: "condition:migraine", groupIds: ["group:nope"] } },
        "input.groupIds[0]",
        /unknown reference "group:nope"/,
      ],
      [
        "an out-of-range invasiveness",
        `mutation ($input: TreatmentInput!) { updateTreatment(input: $input) { version } }`,
        { input: { id: "treatment:tramadol", invasivenessMax: 7 } },
        "input.invasivenessMax",
        /must not be greater than 3/,
      ],
      [
        "a recommendation without a guideline",
        `mutation ($input: RecommendationInput!) { createRecommendation(input: $input) { version } }`,
        {
          input: {
            id: "recommendation:no-guideline",
            refRow: "R001",
            refStatus: "V",
            treatmentId: "treatment:tramadol",
            conditionId: "condition:migraine",
            direction: "FOR",
            rawGrade: "",
            kind: "RECOMMENDATION",
            statement: "No guideline cited here.",
          },
        },
        "input.guidelineId",
        /guidelineId must match/,
      ],
    ])(
      "refuses %s with a precise field error and writes nothing",
      async (_name, mutation, variables, field, message) => {
        const before = await changesCount();
        const { body } = await server.graphql(mutation, variables, curator);
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
        const fieldErrors = body.errors?.[0]?.extensions?.fieldErrors as Array<{
          field: string;
          message: string;
        }>;
        expect(fieldErrors).toContainEqual({
          field,
          record: expect.any(String),
          message: expect.stringMatching(message),
        });
        expect(await changesCount()).toBe(before);
      },
    );
  });

  it("leaves the graph unchanged when a multi-step write fails in the middle", async () => {
    const before = await dataFingerprint(server);
    const changes = await changesCount();
    const service = new CurationService(server.connection.database, {
      afterSync: () => {
        throw new Error("injected failure after the graph sync, before the audit record");
      },
    });
    await expect(
      service.apply(updateOperation("conditions", "condition:migraine", { name: "Should not stick" }), {
        name: "tester",
        roles: [Role.CURATOR],
        method: "api-key",
      }),
    ).rejects.toThrow(/injected failure/);
    expect(await dataFingerprint(server)).toBe(before);
    expect(await changesCount()).toBe(changes);
  });

  it("audits every accepted write and no rejected one", async () => {
    const { body } = await server.graphql<{
      changes: {
        totalCount: number;
        edges: Array<{ node: { operation: string; entityId: string; version: number } }>;
      };
    }>("{ changes(first: 100) { totalCount edges { node { operation entityId version } } } }", {}, curator);
    const operations = body.data!.changes.edges.map((edge) => `${edge.node.operation} ${edge.node.entityId}`);
    expect(operations).toEqual([
      "update:conditions condition:migraine",
      "update:conditions condition:fibromyalgia",
      "create:treatments treatment:test-therapy",
      "link:delivery treatment:test-therapy",
      "create:recommendations recommendation:test-therapy-fibromyalgia",
      "delete:guidelines guideline:efns-2010",
      "unlink:delivery treatment:test-therapy",
      "update:guidelines guideline:eular-2016",
      "update:recommendations recommendation:test-therapy-fibromyalgia",
      "delete:recommendations recommendation:test-therapy-fibromyalgia",
      "delete:treatments treatment:test-therapy",
    ]);
    const versions = body.data!.changes.edges.map((edge) => edge.node.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const forMigraine = await server.graphql<{ changes: { totalCount: number } }>(
      '{ changes(entityId: "condition:migraine") { totalCount } }',
      {},
      curator,
    );
    expect(forMigraine.body.data!.changes.totalCount).toBe(1);
  });

  it("chains the audit trail by hash, and reports the first change edited behind the API's back", async () => {
    const VERIFY = "{ verifyAuditTrail { intact checked unchained firstBreak { changeId version reason } } }";
    type Verified = {
      verifyAuditTrail: {
        intact: boolean;
        checked: number;
        firstBreak: { changeId: string; version: number; reason: string } | null;
      };
    };
    expect((await server.graphql(VERIFY)).body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const intact = await server.graphql<Verified>(VERIFY, {}, curator);
    expect(intact.body.data!.verifyAuditTrail).toMatchObject({ intact: true, firstBreak: null });
    expect(intact.body.data!.verifyAuditTrail.checked).toBeGreaterThanOrEqual(11);

    const [victim] = await server.connection.database.read<{ id: string; version: number; after: string }>(
      `MATCH (c:Change {entityId: 'condition:fibromyalgia'}) RETURN c.id AS id, c.version AS version, c.after AS after
       ORDER BY c.version LIMIT 1`,
    );
    const tamper = (after: string) =>
      server.connection.database.write("MATCH (c:Change {id: $id}) SET c.after = $after", {
        id: victim!.id,
        after,
      });
    await tamper(victim!.after.replace(/"description":"/, '"description":"Rewritten. '));
    try {
      const broken = await server.graphql<Verified>(VERIFY, {}, curator);
      expect(broken.body.data!.verifyAuditTrail).toMatchObject({
        intact: false,
        firstBreak: {
          changeId: victim!.id,
          version: victim!.version,
          reason: expect.stringMatching(/edited/),
        },
      });
      const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "dist/scripts/audit-verify.js")], {
        env: { ...process.env, NEO4J_URI: URI, ...instanceCredentials(dataDir) },
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`BROKEN at ${victim!.id}`);
    } finally {
      await tamper(victim!.after);
    }
    const restored = await server.graphql<Verified>(VERIFY, {}, curator);
    expect(restored.body.data!.verifyAuditTrail.intact).toBe(true);
  });

  it("refuses to reseed over curated changes that were not exported, then exports and re-imports to an identical graph", async () => {
    const config = testConfig(AUTH_ENV);
    await expect(runSeed(config)).rejects.toThrow(UnexportedChangesError);

    const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-export-"));
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "dist/scripts/export.js"), exportDir], {
      env: { ...process.env, NEO4J_URI: URI, ...instanceCredentials(dataDir) },
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    const curated = await dataFingerprint(server);

    await server.connection.database.write("MATCH (n) WHERE NOT n:Change DETACH DELETE n");
    await runSeed(config, { directory: exportDir });
    expect(await dataFingerprint(server)).toBe(curated);
    fs.rmSync(exportDir, { recursive: true, force: true });
  });

  describe("with the response cache on", () => {
    let cached: TestServer;
    const READ = `query CachedDescription { condition(id: "condition:migraine") { description } }`;
    const description = async () =>
      (await cached.graphql<{ condition: { description: string } }>(READ)).body.data!.condition.description;

    beforeAll(async () => {
      // A poll a minute away: only the server's own refresh after the write can make the read fresh.
      cached = await startTestServer({
        ...AUTH_ENV,
        RESPONSE_CACHE_MB: "8",
        RESPONSE_CACHE_RELEASE_POLL_MS: "60000",
      });
    });
    afterAll(() => cached?.close());

    it("shows a curated write in the very next read from the same server", async () => {
      const hits = () => metricSample(cached.url, "paingraph_response_cache_total", { result: "hit" });
      const original = await description();
      expect(await description()).toBe(original);
      expect(await hits()).toBe(1);

      const edited = `${original} (edited while cached)`;
      const { body } = await cached.graphql(
        UPDATE,
        { input: { id: "condition:migraine", description: edited } },
        curator,
      );
      expect(body.errors).toBeUndefined();
      expect(await description()).toBe(edited);
      expect(await hits()).toBe(1);
    });
  });

  describe("synonyms over HTTP", () => {
    // A word no vocabulary holds: search finds nothing for it until a curator adds it.
    const TERM = "zorblat ache";
    const ENTITY = "condition:fibromyalgia";
    const ADD = `mutation ($input: SynonymInput!) {
      addSynonym(input: $input) { entityId changed version change { actor method operation after } } }`;
    const REMOVE = `mutation ($entityId: ID!, $term: String!) {
      removeSynonym(entityId: $entityId, term: $term) { changed version change { actor operation before after } } }`;
    const SEARCH = `query ($q: String!) {
      search(query: $q, first: 3) { matchedText matchedField node { ... on Condition { id } } }
      suggest(prefix: "zorbl", types: [CONDITION]) { matchedText node { ... on Condition { id } } }
      condition(id: "${ENTITY}") { synonyms(kinds: [LAY]) { term source reason } } }`;
    const input = {
      entityId: ENTITY,
      term: TERM,
      kind: "LAY",
      source: "curated",
      reason: "a test's made-up word",
    };
    type Found = {
      search: Array<{ matchedText: string | null; node: { id?: string } }>;
      suggest: Array<{ matchedText: string | null; node: { id?: string } }>;
      condition: { synonyms: Array<{ term: string }> };
    };
    const find = async () => {
      const { body } = await server.graphql<Found>(SEARCH, { q: TERM });
      expect(body.errors).toBeUndefined();
      return body.data!;
    };

    it("refuses anonymous callers and non-curators, writing nothing", async () => {
      const changesBefore = await changesCount();
      const anonymous = await server.graphql(ADD, { input });
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const reader = { authorization: `Bearer ${await token({ roles: ["READER"] })}` };
      const forbidden = await server.graphql(REMOVE, { entityId: ENTITY, term: "fibro" }, reader);
      expect(forbidden.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(await changesCount()).toBe(changesBefore);
      expect((await find()).search).toEqual([]);
    });

    it("adds a synonym a curator sends, audited, and search and suggest find the entity by it at once", async () => {
      const { body } = await server.graphql<{
        addSynonym: {
          changed: boolean;
          change: { actor: string; method: string; operation: string; after: unknown };
        };
      }>(ADD, { input }, curator);
      expect(body.errors).toBeUndefined();
      expect(body.data!.addSynonym.changed).toBe(true);
      expect(body.data!.addSynonym.change).toMatchObject({ actor: "alice", method: "api-key" });
      expect(JSON.stringify(body.data!.addSynonym.change.after)).toContain(TERM);
      const found = await find();
      expect(found.search[0]).toEqual({ matchedText: TERM, matchedField: "LAY", node: { id: ENTITY } });
      expect(found.suggest[0]).toEqual({ matchedText: TERM, node: { id: ENTITY } });
      expect(found.condition.synonyms).toContainEqual({
        term: TERM,
        source: "curated",
        reason: input.reason,
      });
      const audit = await server.graphql<{ changes: { edges: Array<{ node: { operation: string } }> } }>(
        `{ changes(first: 5, entityId: "${ENTITY}") { edges { node { operation } } } }`,
        {},
        curator,
      );
      expect(audit.body.data!.changes.edges.map((edge) => edge.node.operation)).toContain(
        body.data!.addSynonym.change.operation,
      );
    });

    it("removes it again for a curator, audited, and search no longer finds it", async () => {
      const { body } = await server.graphql<{
        removeSynonym: { changed: boolean; change: { actor: string; before: unknown; after: unknown } };
      }>(REMOVE, { entityId: ENTITY, term: TERM.toUpperCase() }, curator);
      expect(body.errors).toBeUndefined();
      expect(body.data!.removeSynonym.changed).toBe(true);
      expect(body.data!.removeSynonym.change.actor).toBe("alice");
      expect(JSON.stringify(body.data!.removeSynonym.change.before)).toContain(TERM);
      expect(JSON.stringify(body.data!.removeSynonym.change.after)).not.toContain(TERM);
      const found = await find();
      expect(found.search).toEqual([]);
      expect(found.suggest).toEqual([]);
      expect(found.condition.synonyms.map((synonym) => synonym.term)).not.toContain(TERM);
    });
  });

  describe("two writers racing", () => {
    let slow: TestServer;
    let raced = false;

    beforeAll(async () => {
      // A second server (a replica) whose first write transaction starts only after the first server's write
      // committed: it read the graph before that write, so its own write must not land.
      slow = await startTestServer(AUTH_ENV, {
        database: (database) =>
          holdFirstWriteTransaction(database, async () => {
            raced = true;
            const winner = await server.graphql(
              UPDATE,
              { input: { id: "condition:fibromyalgia", aliases: ["FM", "won the race"] } },
              curator,
            );
            expect(winner.body.errors).toBeUndefined();
          }),
      });
    });
    afterAll(() => slow?.close());

    it("answers WRITE_CONFLICT, retryable, to the writer that lost, and writes nothing for it", async () => {
      const before = await changesCount();
      const lost = await slow.graphql(
        UPDATE,
        { input: { id: "condition:migraine", aliases: ["lost the race"] } },
        curator,
      );
      expect(raced).toBe(true);
      expect(lost.status).toBe(200);
      expect(lost.body.data).toBeNull();
      expect(lost.body.errors?.[0]?.extensions).toMatchObject({ code: "WRITE_CONFLICT", retryable: true });
      expect(await changesCount()).toBe(before + 1);
      const { body } = await server.graphql<{ condition: { aliases: string[] } }>(
        '{ condition(id: "condition:migraine") { aliases } }',
      );
      expect(body.data!.condition.aliases).not.toContain("lost the race");
    });

    it("accepts the same write when the loser retries it", async () => {
      const retried = await slow.graphql<{ updateCondition: { changed: boolean } }>(
        UPDATE,
        { input: { id: "condition:migraine", aliases: ["lost the race"] } },
        curator,
      );
      expect(retried.body.errors).toBeUndefined();
      expect(retried.body.data!.updateCondition.changed).toBe(true);
    });
  });

  describe("from two replicas at once", () => {
    const someTransactionBlocked = async () =>
      (
        await server.connection.database.read<{ blocked: number }>(
          "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS blocked",
        )
      )[0]!.blocked > 0;
    // Two services with their own write queues behave as two API processes sharing one Neo4j.
    const replicas = [new WriteQueue(), new WriteQueue()];
    const principal = { name: "racer", roles: [Role.CURATOR], method: "api-key" as const };

    const serviceOf = (replica: number) =>
      new CurationService(server.connection.database, {}, replicas[replica % 2]);

    async function race(count: number, entityId: (index: number) => string, text: (index: number) => string) {
      return Promise.all(
        Array.from({ length: count }, (_, index) =>
          serviceOf(index)
            .apply(updateOperation("conditions", entityId(index), { description: text(index) }), principal)
            .then(
              (applied) => ({ index, applied, code: null as unknown }),
              (error: { extensions?: { code?: unknown; retryable?: unknown } }) => {
                expect(error.extensions?.retryable).toBe(true);
                return { index, applied: null, code: error.extensions?.code };
              },
            ),
        ),
      );
    }

    it("lands each write or answers WRITE_CONFLICT, and every landed write builds on the one before", async () => {
      const entity = "condition:fibromyalgia";
      const outcomes = await race(
        8,
        () => entity,
        (index) => `Raced description ${index}.`,
      );
      const landed = outcomes.filter((outcome) => outcome.applied?.changed);
      const refused = outcomes.filter((outcome) => outcome.applied === null);
      expect(landed.length).toBeGreaterThan(0);
      expect(refused.map((outcome) => outcome.code)).toEqual(refused.map(() => "WRITE_CONFLICT"));
      expect(landed.length + refused.length).toBe(8);

      // The audit of the landed writes is a chain: each one's "before" is the previous one's "after".
      const { body } = await server.graphql<{
        changes: {
          edges: Array<{
            node: { version: number; before: { description: string }; after: { description: string } };
          }>;
        };
      }>(
        `{ changes(entityId: "${entity}", first: 100) { edges { node { version before after } } } }`,
        {},
        curator,
      );
      const chain = body.data!.changes.edges.map((edge) => edge.node).slice(-landed.length);
      expect(chain.map((change) => change.version)).toEqual(
        landed.map((outcome) => outcome.applied!.version).sort((a, b) => a - b),
      );
      for (let step = 1; step < chain.length; step++)
        expect(chain[step]!.before.description).toBe(chain[step - 1]!.after.description);
      const [row] = await server.connection.database.read<{ description: string }>(
        "MATCH (c:Condition {id: $id}) RETURN c.description AS description",
        { id: entity },
      );
      expect(row!.description).toBe(chain.at(-1)!.after.description);
    });

    it("loses no write to different entities: each lands or is refused as a whole", async () => {
      const ids = ["condition:migraine", "condition:fibromyalgia", "condition:chronic-low-back-pain"];
      const outcomes = await race(
        6,
        (index) => ids[index % 3]!,
        (index) => `Parallel edit ${index}.`,
      );
      const rows = await server.connection.database.read<{ id: string; description: string }>(
        "MATCH (c:Condition) WHERE c.id IN $ids RETURN c.id AS id, c.description AS description",
        { ids },
      );
      const stored = new Map(rows.map((row) => [row.id, row.description]));
      for (const id of ids) {
        const landedHere = outcomes
          .filter((outcome) => ids[outcome.index % 3] === id && outcome.applied?.changed)
          .sort((a, b) => a.applied!.version - b.applied!.version);
        if (landedHere.length > 0) expect(stored.get(id)).toBe(`Parallel edit ${landedHere.at(-1)!.index}.`);
      }
      const versions = outcomes.filter((o) => o.applied?.changed).map((o) => o.applied!.version);
      expect(new Set(versions).size).toBe(versions.length);
    });

    it("answers WRITE_CONFLICT over HTTP as a public, retryable error", async () => {
      // Hold the release lock from another transaction so the HTTP write's check fails on a raised version.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const blocker = server.connection.database.writeTransaction(async (tx) => {
        await tx.run("MATCH (r:DataRelease {id: 'release'}) SET r.version = r.version + 1");
        await held;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const request = server.graphql(
        UPDATE,
        { input: { id: "condition:migraine", description: "Written while another replica held the lock." } },
        curator,
      );
      // Release only once the HTTP write waits on the lock, i.e. after it read the version.
      while (!(await someTransactionBlocked())) await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await blocker;
      const { body } = await request;
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "WRITE_CONFLICT", retryable: true });
      expect(body.data?.updateCondition ?? null).toBeNull();
    });

    it("export marks only the changes of the version it exported", async () => {
      const snapshot = await readSnapshot(server.connection.database);
      const late = await serviceOf(0).apply(
        updateOperation("conditions", "condition:migraine", { description: "Landed after the export read." }),
        principal,
      );
      const marked = await new CurationRepository(server.connection.database).markExported(
        snapshot.version,
        checksumOf(snapshot.set),
      );
      expect(marked.version).toBe(late.version);
      const [state] = await server.connection.database.read<{ unexported: boolean; pending: string[] }>(
        `MATCH (r:DataRelease {id: 'release'})
       RETURN r.unexported AS unexported, COLLECT { MATCH (c:Change {exported: false}) RETURN c.id } AS pending`,
      );
      expect(state).toEqual({ unexported: true, pending: [late.changeId] });
    });

    it("writes export files atomically: the old file until the new one is whole, no temporary left", () => {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), "paingraph-atomic-"));
      fs.writeFileSync(path.join(directory, "a.json"), "old\n");
      writeFilesAtomically(directory, { "a.json": "new\n", "b.json": "[]\n" });
      expect(fs.readdirSync(directory).sort()).toEqual(["a.json", "b.json"]);
      expect(fs.readFileSync(path.join(directory, "a.json"), "utf8")).toBe("new\n");
      fs.rmSync(directory, { recursive: true, force: true });
    });
  });
});

/** The database as it is, except that the first write transaction waits for `before` to finish. */
function holdFirstWriteTransaction(database: Database, before: () => Promise<void>): Database {
  let held = false;
  return decorate(database, async (call, proceed) => {
    if (call.kind === "transaction" && !held) {
      held = true;
      await before();
    }
    return proceed();
  });
}
