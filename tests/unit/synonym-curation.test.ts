import { addSynonymOperation, removeSynonymOperation } from "../../src/curation/synonym.operations";
import { deleteOperation } from "../../src/curation/operations";
import { SynonymKind } from "../../src/model/enums";
import { validateSeed } from "../../src/write-model/seed.rules";
import type { SeedSet } from "../../src/model/seed-set";
import { minimalSeedSet } from "../support/seed-fixture";

const problemsOf = (set: SeedSet) =>
  validateSeed(set as unknown as Record<keyof SeedSet, unknown>).problems.map(
    (p) => `${p.field}: ${p.message}`,
  );

describe("curating synonyms", () => {
  it("adds a sourced synonym that the seed rules accept, and records before and after", () => {
    const set = minimalSeedSet();
    const result = addSynonymOperation("condition:fibromyalgia", {
      term: "fibro",
      kind: SynonymKind.LAY,
      source: "curated",
      reason: "patients' short name",
    }).apply(set);
    expect(result.before).toBeNull();
    expect(result.after).toEqual({
      entityId: "condition:fibromyalgia",
      synonyms: [{ term: "fibro", kind: "lay", source: "curated", reason: "patients' short name" }],
    });
    expect(problemsOf(set)).toEqual([]);
  });

  it("refuses a duplicate term, an unsourced curated synonym and an unknown entity", () => {
    const set = minimalSeedSet();
    const add = (entityId: string, term: string, source = "C07") =>
      addSynonymOperation(entityId, { term, kind: SynonymKind.CLINICAL, source }).apply(set);
    add("condition:fibromyalgia", "fibrositis");
    expect(() => add("condition:fibromyalgia", "Fibrositis")).toThrow(/already a synonym/);
    add("condition:fibromyalgia", "fibromyositis", "curated");
    expect(problemsOf(set)).toContain("synonyms[1].reason: reason must be a string");
    const other = minimalSeedSet();
    addSynonymOperation("condition:unknown", { term: "x y", kind: SynonymKind.LAY, source: "C07" }).apply(
      other,
    );
    expect(problemsOf(other)).toEqual(['entityId: unknown reference "condition:unknown"']);
  });

  it("removes a synonym (any case), drops an emptied record, and 404s an unknown term", () => {
    const set = minimalSeedSet();
    addSynonymOperation("condition:fibromyalgia", {
      term: "fibro",
      kind: SynonymKind.LAY,
      source: "C07",
    }).apply(set);
    expect(() => removeSynonymOperation("condition:fibromyalgia", "nope").apply(set)).toThrow(
      /not a synonym/,
    );
    removeSynonymOperation("condition:fibromyalgia", "FIBRO").apply(set);
    expect(set.synonyms).toEqual([]);
  });

  it("deletes an entity's vocabulary with the entity", () => {
    const set = minimalSeedSet();
    addSynonymOperation("treatment:exercise", {
      term: "workout",
      kind: SynonymKind.LAY,
      source: "T40",
    }).apply(set);
    deleteOperation("treatment:exercise", true).apply(set);
    expect(set.synonyms).toEqual([]);
  });
});
