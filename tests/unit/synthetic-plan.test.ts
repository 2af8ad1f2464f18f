import { isWellFormedIcd10cm } from "../../src/model/codes";
import { NODE_LABELS, RELATIONSHIP_TYPES, type GraphPlan } from "../../src/write-model/graph-plan";
import {
  syntheticBatches,
  syntheticChecksum,
  syntheticIcd10,
  syntheticPlan,
  syntheticSizes,
} from "../../bench/synthetic/synthetic-plan";

const OPTIONS = { conditions: 2_000, seed: 42 };

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe("the synthetic graph plan", () => {
  let plan: GraphPlan;
  beforeAll(() => {
    plan = syntheticPlan(OPTIONS);
  });

  it("is the same for the same seed and differs for another seed", () => {
    expect(JSON.stringify(syntheticPlan(OPTIONS))).toBe(JSON.stringify(plan));
    const other = syntheticPlan({ ...OPTIONS, seed: 7 });
    expect(JSON.stringify(other.nodes.Recommendation)).not.toBe(JSON.stringify(plan.nodes.Recommendation));
  });

  it("does not depend on the batch size", () => {
    const rows = (size: number) =>
      [...syntheticBatches({ conditions: 300, seed: 42 }, size)].flatMap<unknown>((batch) => batch.rows);
    expect(JSON.stringify(rows(97))).toBe(JSON.stringify(rows(5_000)));
  });

  it("yields batches no larger than asked, every node before a relationship that needs it", () => {
    const written = new Set<string>();
    for (const batch of syntheticBatches({ conditions: 300, seed: 42 }, 500)) {
      expect(batch.rows.length).toBeLessThanOrEqual(500);
      if (batch.kind === "nodes") batch.rows.forEach((row) => written.add(row.id));
      else expect(batch.rows.filter((row) => !written.has(row.from) || !written.has(row.to))).toEqual([]);
    }
  });

  it("has the requested number of conditions and the documented catalog sizes", () => {
    const sizes = syntheticSizes(OPTIONS.conditions);
    expect(plan.nodes.Condition).toHaveLength(2_000);
    expect(plan.nodes.Treatment).toHaveLength(sizes.treatments);
    expect(plan.nodes.Guideline).toHaveLength(sizes.guidelines);
    expect(plan.nodes.Profession).toHaveLength(5);
    expect(plan.nodes.Discipline.length).toBeGreaterThanOrEqual(3);
    expect(plan.nodes.Discipline.length).toBeLessThanOrEqual(6);
    expect(syntheticSizes(100_000)).toEqual({ treatments: 2_000, guidelines: 500, sources: 100 });
  });

  it("gives every node a unique, readable id and marks it synthetic", () => {
    const rows = NODE_LABELS.flatMap((label) => plan.nodes[label]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(rows.filter((row) => row.props.synthetic !== true || row.props.id !== row.id)).toEqual([]);
    expect(plan.nodes.Condition[41]!.id).toBe("condition:synthetic-000042");
    expect(plan.nodes.Recommendation.map((row) => row.id)).toContain("recommendation:synthetic-000042-1");
  });

  it("gives each condition 1 to 3 well-formed ICD-10-CM codes that no other condition has", () => {
    const codes = plan.nodes.Condition.flatMap((row) => row.props.icd10Codes as string[]);
    expect(codes.filter((code) => !isWellFormedIcd10cm(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    const perCondition = plan.nodes.Condition.map((row) => (row.props.icd10Codes as string[]).length);
    expect(Math.min(...perCondition)).toBe(1);
    expect(Math.max(...perCondition)).toBe(3);
    expect(plan.nodes.Code).toHaveLength(codes.length);
    expect(plan.nodes.Code[0]!.props).toMatchObject({ system: "ICD10CM" });
    expect(plan.nodes.Code[0]!.id).toBe(
      `code:icd10cm-${String(plan.nodes.Code[0]!.props.key).toLowerCase()}`,
    );
    expect(plan.relationships.IDENTIFIES).toHaveLength(codes.length);
  });

  it("maps distinct sequence numbers to distinct well-formed codes", () => {
    const codes = Array.from({ length: 300_000 }, (_, n) => syntheticIcd10(n, 42));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((code) => !isWellFormedIcd10cm(code))).toEqual([]);
  });

  it("skews recommendations per condition: mean near 8, the largest far above it", () => {
    const perCondition = [...countBy(plan.relationships.FOR_CONDITION.map((row) => row.to)).values()];
    const mean = plan.nodes.Recommendation.length / plan.nodes.Condition.length;
    expect(mean).toBeGreaterThan(6);
    expect(mean).toBeLessThan(10);
    expect(Math.max(...perCondition)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...perCondition)).toBeGreaterThan(10 * mean);
  });

  it("skews treatment popularity", () => {
    const perTreatment = [...countBy(plan.relationships.ABOUT_TREATMENT.map((row) => row.to)).values()];
    const mean = plan.nodes.Recommendation.length / plan.nodes.Treatment.length;
    expect(Math.max(...perTreatment)).toBeGreaterThan(5 * mean);
  });

  it("links every recommendation to exactly one guideline, one treatment and one condition", () => {
    const ids = new Set(plan.nodes.Recommendation.map((row) => row.id));
    const guidelines = new Set(plan.nodes.Guideline.map((row) => row.id));
    const cites = plan.relationships.CITES.filter((row) => ids.has(row.from));
    for (const [type, rows] of [
      ["CITES", cites],
      ["ABOUT_TREATMENT", plan.relationships.ABOUT_TREATMENT],
      ["FOR_CONDITION", plan.relationships.FOR_CONDITION],
    ] as const) {
      const perRecommendation = countBy(rows.map((row) => row.from));
      expect([type, perRecommendation.size]).toEqual([type, ids.size]);
      expect([type, [...perRecommendation.values()].every((count) => count === 1)]).toEqual([type, true]);
    }
    expect(cites.every((row) => guidelines.has(row.to))).toBe(true);
  });

  it("uses every relationship type of the curated graph, with valid ends", () => {
    const ids = new Set(NODE_LABELS.flatMap((label) => plan.nodes[label].map((row) => row.id)));
    for (const type of RELATIONSHIP_TYPES) {
      expect([type, plan.relationships[type].length > 0]).toEqual([type, true]);
      expect(plan.relationships[type].filter((row) => !ids.has(row.from) || !ids.has(row.to))).toEqual([]);
    }
  });

  it("draws directions, kinds and strengths like the curated graph: mostly FOR and RECOMMENDATION", () => {
    const share = (field: string, value: string) =>
      plan.nodes.Recommendation.filter((row) => row.props[field] === value).length /
      plan.nodes.Recommendation.length;
    expect(share("direction", "FOR")).toBeGreaterThan(0.6);
    expect(share("direction", "AGAINST")).toBeGreaterThan(0.1);
    expect(share("direction", "NEUTRAL")).toBeGreaterThan(0.01);
    expect(share("kind", "RECOMMENDATION")).toBeGreaterThan(0.85);
    for (const strength of ["STRONG", "CONDITIONAL", "UNGRADED"])
      expect(share("strength", strength)).toBeGreaterThan(0);
    expect(plan.relationships.DELIVERS.every((row) => row.props.basis === "CONVENTION")).toBe(true);
  });

  it("names the build in its checksum: size, seed and generator version", () => {
    expect(syntheticChecksum({ conditions: 10_000, seed: 42 })).toBe("synthetic-10000-42-v1");
  });

  it("rejects sizes and seeds out of range", () => {
    expect(() => syntheticPlan({ conditions: 0, seed: 42 })).toThrow(/conditions must be an integer/);
    expect(() => syntheticPlan({ conditions: 10, seed: -1 })).toThrow(/seed must be an integer/);
  });
});
