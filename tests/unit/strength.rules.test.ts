import { GradingScheme, RecommendationKind, Strength } from "../../src/model/enums";
import { isRecognisedGrade, strengthOf } from "../../src/model/strength.rules";

const { RECOMMENDATION, CONSENSUS, SAFETY_WARNING, EVIDENCE_SUMMARY } = RecommendationKind;

describe("strengthOf", () => {
  it.each([
    [GradingScheme.CDC_CATEGORY, "Rec 2 — Category A, evidence type 2", Strength.STRONG],
    [GradingScheme.CDC_CATEGORY, "Category B, evidence type 3", Strength.CONDITIONAL],
    [GradingScheme.ACP, "Strong recommendation, low-quality evidence", Strength.STRONG],
    [GradingScheme.ACP, "Weak recommendation, moderate-quality", Strength.CONDITIONAL],
    [GradingScheme.GRADE, "Strong for (Ia, A)", Strength.STRONG],
    [GradingScheme.GRADE, "Weak for (Ia, A)", Strength.CONDITIONAL],
    [GradingScheme.GRADE, "Conditional against", Strength.CONDITIONAL],
    [GradingScheme.AAN_LEVEL, "Level A", Strength.STRONG],
    [GradingScheme.AAN_LEVEL, "Level B (against)", Strength.CONDITIONAL],
    [GradingScheme.AAN_LEVEL, "Level C", Strength.CONDITIONAL],
    [GradingScheme.NICE_WORDING, 'NICE "offer"', Strength.STRONG],
    [GradingScheme.NICE_WORDING, 'NICE "do not offer"', Strength.STRONG],
    [GradingScheme.NICE_WORDING, 'NICE "do not initiate"', Strength.STRONG],
    [GradingScheme.NICE_WORDING, 'NICE "consider"', Strength.CONDITIONAL],
    [GradingScheme.NICE_WORDING, 'NICE "do not routinely offer"', Strength.CONDITIONAL],
    [GradingScheme.NICE_TA, 'NICE TA "recommended"', Strength.STRONG],
    [GradingScheme.ASIPP, "ASIPP: Level I evidence, strong recommendation", Strength.STRONG],
    [GradingScheme.ASIPP, "Level II, moderate-to-strong", Strength.CONDITIONAL],
    [
      GradingScheme.ASCO,
      "Evidence-based; benefits outweigh harms; moderate quality; Strong",
      Strength.STRONG,
    ],
    [GradingScheme.ASCO, "Evidence-based; Moderate", Strength.UNGRADED],
    [GradingScheme.EULAR_2008, "Level IV, grade D", Strength.CONDITIONAL],
    [GradingScheme.EFNS, 'EFNS "should not"', Strength.UNGRADED],
  ])("maps %s %j to %s", (scheme, rawGrade, expected) => {
    expect(strengthOf(scheme, rawGrade, RECOMMENDATION)).toBe(expected);
  });

  it("never grades consensus, evidence summaries, safety warnings or an empty grade", () => {
    expect(strengthOf(GradingScheme.GRADE, "Strong for", CONSENSUS)).toBe(Strength.UNGRADED);
    expect(strengthOf(GradingScheme.GRADE, "Strong for", EVIDENCE_SUMMARY)).toBe(Strength.UNGRADED);
    expect(strengthOf(GradingScheme.REGULATORY, "regulatory warning", SAFETY_WARNING)).toBe(
      Strength.UNGRADED,
    );
    expect(strengthOf(GradingScheme.ACP, "", RECOMMENDATION)).toBe(Strength.UNGRADED);
  });
});

describe("isRecognisedGrade", () => {
  it("flags a grade that a graded scheme does not know", () => {
    expect(isRecognisedGrade(GradingScheme.AAN_LEVEL, "Level Q", RECOMMENDATION)).toBe(false);
    expect(isRecognisedGrade(GradingScheme.CDC_CATEGORY, "Category C", RECOMMENDATION)).toBe(false);
  });

  it("accepts ungraded statements and schemes without grades", () => {
    expect(isRecognisedGrade(GradingScheme.CONSENSUS, "consensus (no grade)", CONSENSUS)).toBe(true);
    expect(isRecognisedGrade(GradingScheme.ASCO, "Evidence-based; Moderate", RECOMMENDATION)).toBe(true);
    expect(isRecognisedGrade(GradingScheme.ACP, "", RECOMMENDATION)).toBe(true);
  });
});
