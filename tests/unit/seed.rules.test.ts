import { formatProblem, type SeedSet } from "../../src/model/seed-set";
import { validateSeed } from "../../src/write-model/seed.rules";
import { minimalSeedSet } from "../support/seed-fixture";

function problemsAfter(edit: (set: SeedSet) => void): string[] {
  const set = minimalSeedSet();
  edit(set);
  return validateSeed(set as unknown as Record<keyof SeedSet, unknown>).problems.map(formatProblem);
}

describe("the seed rules", () => {
  it("accept a complete, consistent set", () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });

  it("name the file, record and field of an unknown reference", () => {
    expect(problemsAfter((set) => (set.recommendations[0]!.treatmentId = "treatment:massage"))).toEqual([
      'recommendations.json: recommendation:r066-exercise-fibromyalgia → treatmentId: unknown reference "treatment:massage"',
    ]);
  });

  it("refuse a reference to the wrong kind of record", () => {
    expect(problemsAfter((set) => (set.careLinks[0]!.to = "condition:fibromyalgia"))).toEqual([
      'care-links.json: profession:physical-therapists DELIVERS condition:fibromyalgia → to: "condition:fibromyalgia" must reference a treatment',
    ]);
  });

  it("refuse a group without conditions", () => {
    expect(problemsAfter((set) => (set.conditions[0]!.groupIds = []))).toEqual([
      "condition-groups.json: group:fibromyalgia: no condition belongs to this group",
    ]);
  });

  it("refuse an id used twice, even across files", () => {
    expect(
      problemsAfter((set) =>
        set.professions.push({ ...set.disciplines[0]!, id: "profession:physical-therapists" }),
      ),
    ).toEqual([
      expect.stringMatching(/professions\.json: profession:physical-therapists → id: duplicate id/),
    ]);
  });

  it("refuse a code mapped to two conditions, whatever its case or dot", () => {
    const problems = problemsAfter((set) =>
      set.conditions.push({
        ...set.conditions[0]!,
        id: "condition:other",
        icd10Codes: ["M79.7".toLowerCase().replace(".", "")],
        snomedCodes: [],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/is already mapped to condition:fibromyalgia/)]),
    );
  });

  it("refuse a SNOMED CT id whose check digit is wrong", () => {
    expect(problemsAfter((set) => (set.conditions[0]!.snomedCodes = ["203082006"]))).toEqual([
      expect.stringContaining('"203082006" is not a valid SNOMED CT id'),
    ]);
  });

  it("refuse a recommendation without a guideline", () => {
    const problems = problemsAfter(
      (set) => delete (set.recommendations[0] as { guidelineId?: string }).guidelineId,
    );
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/→ guidelineId: guidelineId must match/)]),
    );
  });

  it("refuse values out of range and unknown enum values", () => {
    const problems = problemsAfter((set) => {
      set.treatments[0]!.invasivenessMax = 4;
      (set.recommendations[0] as { direction: string }).direction = "MAYBE";
    });
    expect(problems).toEqual([
      expect.stringContaining("invasivenessMax: invasivenessMax must not be greater than 3"),
      expect.stringContaining("direction: direction must be one of the following values"),
    ]);
  });

  it("refuse a minimum invasiveness above the maximum", () => {
    expect(problemsAfter((set) => (set.treatments[0]!.invasivenessMin = 1))).toEqual([
      expect.stringContaining("invasivenessMin: must not exceed invasivenessMax"),
    ]);
  });

  it("refuse a CITED care link without sources", () => {
    expect(problemsAfter((set) => ((set.careLinks[0] as { basis: string }).basis = "CITED"))).toEqual([
      expect.stringContaining("sourceIds: a CITED link needs at least one source"),
    ]);
  });

  it("refuse unknown fields", () => {
    const problems = problemsAfter(
      (set) => ((set.treatments[0] as unknown as Record<string, unknown>).colour = "blue"),
    );
    expect(problems).toEqual([
      'treatments.json: treatment:exercise → colour: property colour should not exist (got "blue")',
    ]);
  });

  it("refuse a raw grade its guideline's grading scheme does not know", () => {
    expect(problemsAfter((set) => (set.recommendations[0]!.rawGrade = "Very good"))).toEqual([
      expect.stringContaining('rawGrade: "Very good" matches no grade of scheme GRADE'),
    ]);
  });

  it("refuse ANY combined with another phase", () => {
    expect(problemsAfter((set) => (set.recommendations[0]!.phases = ["ANY", "CHRONIC"] as never))).toEqual([
      expect.stringContaining("phases: ANY cannot be combined with other phases"),
    ]);
  });
});
