import { CatalogRepository, LISTS } from "../../src/catalog/catalog.repository";
import { ConditionRepository } from "../../src/catalog/condition.repository";
import { TreatmentRepository } from "../../src/catalog/treatment.repository";
import { NO_CRITERIA } from "../../src/evidence/recommendation.model";
import {
  RECOMMENDATION_ANCHORS,
  RecommendationRepository,
} from "../../src/evidence/recommendation.repository";
import { EntityRepository } from "../../src/graph/entity.repository";
import { LINK_RELATIONS, NODE_RELATIONS, RelationRepository } from "../../src/graph/relation.repository";
import { DataReleaseRepository } from "../../src/release/data-release.repository";
import { SearchRepository } from "../../src/search/search.repository";
import { PathRepository } from "../../src/paths/path.repository";
import { RecommendRepository } from "../../src/recommend/recommend.repository";
import { CurationRepository, CurationWriter } from "../../src/curation/curation.repository";
import { EXPORT_QUERIES, ExportRepository } from "../../src/curation/export.repository";
import { FakeDatabase, type RecordedCall } from "../support/fake-database";

/** Runs a repository call against a recording database and returns what it sent. */
async function sent(call: (db: FakeDatabase) => Promise<unknown>): Promise<RecordedCall[]> {
  const db = new FakeDatabase();
  await call(db);
  return db.calls;
}

const CONDITION_CRITERIA = {
  groupId: "group:x",
  category: null,
  name: "back",
  codeKeys: ["M797"],
  treatedWith: null,
};
const TREATMENT_CRITERIA = {
  modalityId: null,
  opioid: false,
  maxInvasiveness: 1,
  deliveredBy: null,
  recommendedFor: "condition:x",
  name: null,
  isClass: null,
};

describe("repository Cypher (reviewed snapshots: any change shows in review)", () => {
  it("entities by id", async () => {
    expect(
      await sent((db) => new EntityRepository(db).findByIds(["condition:a", "treatment:b"])),
    ).toMatchSnapshot();
  });

  it.each(Object.keys(NODE_RELATIONS))("relation %s", async (relation) => {
    expect(
      await sent((db) => new RelationRepository(db).findRelated(relation as never, ["x:1"])),
    ).toMatchSnapshot();
  });

  it.each(Object.keys(LINK_RELATIONS))("care links %s", async (relation) => {
    expect(
      await sent((db) => new RelationRepository(db).findLinks(relation as never, ["x:1"])),
    ).toMatchSnapshot();
  });

  it("care links with the selection's projections: the far end's name, and of the link only its basis", async () => {
    expect(
      await sent((db) =>
        new RelationRepository(db).findLinks("deliveriesOfTreatment", ["x:1"], ["name"], ["basis"]),
      ),
    ).toMatchSnapshot();
  });

  it.each(Object.keys(RECOMMENDATION_ANCHORS))(
    "recommendations by %s, with criteria as parameters",
    async (anchor) => {
      const criteria = {
        ...NO_CRITERIA,
        directions: ["FOR"],
        strengths: ["STRONG"],
        includeSuperseded: false,
      } as never;
      expect(
        await sent((db) => new RecommendationRepository(db).findBy(anchor as never, ["x:1"], criteria)),
      ).toMatchSnapshot();
    },
  );

  it("conflicts", async () => {
    expect(
      await sent((db) => new RecommendationRepository(db).findConflicts(["recommendation:a"])),
    ).toMatchSnapshot();
  });

  it.each([
    ["NAME", "ASC"],
    ["ID", "DESC"],
  ] as const)("conditions page ordered by %s %s", async (field, direction) => {
    const request = { field, direction, first: 5, after: { sort: "Back pain", id: "condition:a" } };
    expect(
      await sent((db) => new ConditionRepository(db).page(CONDITION_CRITERIA, request)),
    ).toMatchSnapshot();
  });

  it.each([
    ["NAME", "ASC", null],
    ["NAME", "DESC", { sort: "Back pain", id: "condition:a" }],
    ["ID", "ASC", { sort: "condition:a", id: "condition:a" }],
  ] as const)(
    "unfiltered conditions page by %s %s after %j: index order",
    async (field, direction, after) => {
      const request = { field, direction, first: 5, after };
      const none = { groupId: null, category: null, name: null, codeKeys: null, treatedWith: null };
      expect(await sent((db) => new ConditionRepository(db).page(none, request))).toMatchSnapshot();
    },
  );

  it("unfiltered treatments page by name: index order; by invasiveness: the general query", async () => {
    const none = Object.fromEntries(Object.keys(TREATMENT_CRITERIA).map((key) => [key, null])) as never;
    expect(
      await sent(async (db) => {
        const repository = new TreatmentRepository(db);
        await repository.page(none, { field: "NAME", direction: "ASC", first: 5, after: null });
        await repository.page(none, { field: "INVASIVENESS", direction: "ASC", first: 5, after: null });
      }),
    ).toMatchSnapshot();
  });

  it("condition by code, treatments, care teams and related conditions", async () => {
    expect(
      await sent(async (db) => {
        const repository = new ConditionRepository(db);
        await repository.findByCode("ICD10CM", "M797");
        await repository.findTreatments(["condition:a"], "FOR");
        await repository.findCareTeams(["condition:a"]);
        await repository.findRelated(["condition:a"], 5);
      }),
    ).toMatchSnapshot();
  });

  it.each([
    [
      "unfiltered (index order)",
      { groupId: null, category: null, name: null, codeKeys: null, treatedWith: null },
    ],
    ["filtered", CONDITION_CRITERIA],
  ] as const)(
    "conditions page with each condition's recommendations and their treatment folded in, %s: one statement",
    async (_name, criteria) => {
      const request = { field: "NAME", direction: "ASC", first: 5, after: null } as const;
      const asked = { criteria: NO_CRITERIA, projection: ["strength"], ends: { treatment: ["name"] } };
      expect(
        await sent((db) =>
          new ConditionRepository(db).pageWithRecommendations(criteria, request, ["id"], asked),
        ),
      ).toMatchSnapshot();
    },
  );

  it("conditions page with the recommendations' treatments and their deliveredBy folded in: one statement", async () => {
    const request = { field: "NAME", direction: "ASC", first: 5, after: null } as const;
    const asked = { criteria: NO_CRITERIA, projection: ["strength"], ends: { treatment: ["name"] } };
    const deliveries = { provider: ["name"], link: [] };
    expect(
      await sent((db) =>
        new ConditionRepository(db).pageWithRecommendations(
          { groupId: null, category: null, name: null, codeKeys: null, treatedWith: null },
          request,
          ["id"],
          asked,
          deliveries,
        ),
      ),
    ).toMatchSnapshot();
  });

  it("conditions page with current recommendations only folded in: supersession read per guideline, keeping the imported condition", async () => {
    const request = { field: "NAME", direction: "ASC", first: 5, after: null } as const;
    const asked = {
      criteria: { ...NO_CRITERIA, includeSuperseded: false },
      projection: ["strength"],
      ends: { treatment: ["name"] },
    };
    expect(
      await sent((db) =>
        new ConditionRepository(db).pageWithRecommendations(
          { groupId: null, category: null, name: null, codeKeys: null, treatedWith: null },
          request,
          ["name"],
          asked,
        ),
      ),
    ).toMatchSnapshot();
  });

  it("condition by code with its recommendations, their treatment and its deliveredBy folded in: one statement", async () => {
    expect(
      await sent(async (db) => {
        await new ConditionRepository(db).findByCodeWithRecommendations(
          "ICD10CM",
          "M797",
          ["name"],
          { criteria: NO_CRITERIA, projection: ["strength"], ends: { treatment: ["name"] } },
          { provider: ["name"], link: [] },
        );
      }),
    ).toMatchSnapshot();
  });

  it("condition by code with its recommendations and their treatment folded in: one statement", async () => {
    expect(
      await sent(async (db) => {
        await new ConditionRepository(db).findByCodeWithRecommendations("ICD10CM", "M797", ["name"], {
          criteria: NO_CRITERIA,
          projection: ["strength"],
          ends: { treatment: ["name"] },
        });
      }),
    ).toMatchSnapshot();
  });

  it.each([
    ["NAME", "ASC"],
    ["INVASIVENESS", "DESC"],
  ] as const)("treatments page ordered by %s %s, and conditions of treatments", async (field, direction) => {
    const request = { field, direction, first: 5, after: null };
    expect(
      await sent(async (db) => {
        await new TreatmentRepository(db).page(TREATMENT_CRITERIA, request);
        await new TreatmentRepository(db).findConditions(["treatment:a"], "AGAINST");
      }),
    ).toMatchSnapshot();
  });

  it.each(Object.keys(LISTS))("list %s", async (name) => {
    expect(await sent((db) => new CatalogRepository(db).list(name as never))).toMatchSnapshot();
  });

  it("guidelines page", async () => {
    expect(
      await sent((db) => new CatalogRepository(db).pageGuidelines(10, { sort: 2020, id: "guideline:a" })),
    ).toMatchSnapshot();
  });

  it("search candidates, with the Lucene texts and the code as parameters", async () => {
    const request = {
      names: "name:((back^4 OR back*^2 OR back~1))^4",
      descriptions: "(+description:back) OR (+correction:back)",
      codeKey: null,
      labels: ["Condition"],
      limit: 150,
    };
    expect(await sent((db) => new SearchRepository(db).candidates(request))).toMatchSnapshot();
  });

  it("data release", async () => {
    expect(await sent((db) => new DataReleaseRepository(db).findCurrent())).toMatchSnapshot();
  });

  it("the data release stamp the response cache keys on", async () => {
    expect(await sent((db) => new DataReleaseRepository(db).findStamp())).toMatchSnapshot();
  });

  it("recommendTreatments' reads: the conditions with their statements, then warnings", async () => {
    expect(
      await sent(async (db) => {
        const repository = new RecommendRepository(db);
        await repository.resolveWithEvidence(["condition:a"], [{ system: "ICD10CM", key: "M797" }]);
        await repository.findWarnings(["treatment:a"]);
      }),
    ).toMatchSnapshot();
  });

  it("shortest paths", async () => {
    expect(
      await sent((db) => new PathRepository(db).findShortestPaths("discipline:a", "condition:b", 3)),
    ).toMatchSnapshot();
  });

  it.each(Object.keys(EXPORT_QUERIES))("export of %s", async (part) => {
    expect(await sent((db) => new ExportRepository(db).read(part as never))).toMatchSnapshot();
  });

  it("curation: release version, audit page, export mark, pending changes", async () => {
    expect(
      await sent(async (db) => {
        const repository = new CurationRepository(db);
        await repository.releaseVersion();
        await repository.pageChanges({ since: "2026-01-01T00:00:00Z", entityId: "condition:a" }, 10, {
          sort: 3,
          id: "change:x",
        });
        await repository.markExported(7, "abc");
        await repository.findChange("change:x");
      }),
    ).toMatchSnapshot();
  });

  it("curation: the release lock, taken first in a write transaction, and the release finish", async () => {
    expect(
      await sent((db) =>
        db.writeTransaction(async (tx) => {
          const writer = new CurationWriter(tx);
          await writer.takeReleaseLock();
          await writer.holdReleaseLock("export");
          await writer.finishRelease("abc");
        }),
      ),
    ).toMatchSnapshot();
  });
});
