/** GraphQL types of recommendTreatments' result: ranked items with their reasons, exclusions, weights, disclaimer. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Condition } from "../catalog/condition.type";
import { Recommendation } from "../evidence/recommendation.type";
import { Phase, TherapyLine, TreatmentIntent } from "../model/enums";
import { ExclusionReason, RankingFactor } from "./ranking.model";

registerEnumType(RankingFactor, {
  name: "RankingFactor",
  description:
    "A factor of the ranking score (docs/recommendations.md). Stated lines of therapy come before every factor; then the " +
    "evidence factors, compared exactly; the preference factors only order treatments of equal evidence.",
  valuesConfig: {
    STRENGTH: { description: "Evidence: best supporting strength, STRONG 3, CONDITIONAL 2, UNGRADED 1." },
    BALANCE: {
      description:
        "Evidence: (for − against) / (for + against), each side summing its guidelines' best levels; −1 to 1.",
    },
    BREADTH: {
      description:
        "Evidence: distinct supporting guidelines, capped at five, as a share (0.2 per guideline).",
    },
    EVIDENCE_QUALITY: {
      description:
        "Evidence: best quality a supporting statement states (high 1, moderate 2/3, low 1/3, unstated 0).",
    },
    LINE_OF_THERAPY: {
      description:
        "Evidence: earliest stated line (first 1, second 0.5, later or after failure 0.25, rescue or adjunct 0.1, " +
        "unstated 0). Weight 0 by default: stated lines already order the list as a precedence.",
    },
    COVERAGE: { description: "Preference: share of the requested conditions this treatment helps." },
    OPIOID_SPARING: { description: "Preference: 1 for a non-opioid, 0 for an opioid." },
    LEAST_INVASIVE: { description: "Preference: (3 − invasivenessMax) / 3." },
  },
});

registerEnumType(ExclusionReason, {
  name: "ExclusionReason",
  description:
    "Why a treatment with statements about the requested conditions is not among the ranked items.",
  valuesConfig: {
    RECOMMENDED_AGAINST: { description: "Guidelines only recommend against it here (see recommendations)." },
    OPIOID_EXCLUDED: { description: "It is an opioid and excludeOpioids was set." },
    TOO_INVASIVE: { description: "Its most invasive form exceeds maxInvasiveness." },
    ALREADY_TRIED: { description: "It was listed in excludeTreatmentIds." },
    BELOW_MIN_STRENGTH: { description: "Its best support is weaker than minStrength." },
    OUT_OF_SCOPE: {
      description:
        "Its only support is for another phase of pain, or for a narrower population than the condition (e.g. " +
        "spinal stenosis within sciatica).",
    },
    OTHER_INTENT: {
      description: "Its only support is for the other intent (acute vs preventive), or does not say which.",
    },
    SHOWN_AS_MEMBERS: {
      description: "A class whose statements all appear on its members, which are listed as items instead.",
    },
    NO_RECOMMENDATION: {
      description: "Only neutral statements, evidence summaries, warnings or approvals exist for it.",
    },
  },
});

@ObjectType("ScoreFactor", { description: "One factor of a score: contribution = value × weight." })
export class ScoreFactor {
  @Field(() => RankingFactor, { description: "Which factor." })
  factor!: RankingFactor;

  @Field(() => Float, { description: "The factor's value for this treatment." })
  value!: number;

  @Field(() => Float, { description: "The weight used." })
  weight!: number;

  @Field(() => Float, { description: "value × weight." })
  contribution!: number;
}

@ObjectType("ScoreBreakdown", {
  description:
    "How an item's place was decided, recomputable by hand: first mustFollow (stated lines), then evidence (sum of " +
    "the evidence factors' contributions, compared exactly), then preference (sum of the preference factors'), " +
    "then the treatment id only when both are equal. score = evidence + preference.",
})
export class ScoreBreakdown {
  @Field(() => Int, {
    description: "The evidence score rounded to a whole number.",
    deprecationReason: "Rounding erases factors; use evidence (Float).",
  })
  evidenceScore!: number;

  @Field(() => Float, {
    description:
      "STRENGTH + BALANCE + BREADTH + EVIDENCE_QUALITY + LINE_OF_THERAPY contributions, to six decimals; never rounded " +
      "further.",
  })
  evidence!: number;

  @Field(() => [ID], {
    description: "Listed treatments a stated line of therapy places before this one; each ranks higher.",
  })
  mustFollow!: string[];

  @Field(() => Float, {
    description: "COVERAGE + OPIOID_SPARING + LEAST_INVASIVE contributions; always below 1.",
  })
  preferenceScore!: number;

  @Field(() => [ScoreFactor], { description: "Every factor with its value, weight and contribution." })
  factors!: ScoreFactor[];
}

@ObjectType("RankedTreatment", {
  description: "A treatment ranked for the requested conditions, with its reasons and citations.",
})
export class RankedTreatment {
  @Field(() => Int, { description: "1 is best." })
  rank!: number;

  @Field(() => Float, { description: "evidence + preference (see scoreBreakdown for the order rules)." })
  score!: number;

  @Field(() => ScoreBreakdown, { description: "How the score was computed, recomputable by hand." })
  scoreBreakdown!: ScoreBreakdown;

  @Field(() => [Recommendation], {
    description:
      "The statements FOR it that count (recommendations and consensus, in scope); statements about its class included.",
  })
  supporting!: Recommendation[];

  @Field(() => [Recommendation], { description: "The statements AGAINST it that count, in scope." })
  opposing!: Recommendation[];

  @Field({
    description:
      "True when a supporting and an opposing statement concern the same condition in overlapping phases.",
  })
  conflict!: boolean;

  @Field(() => [Recommendation], {
    description: "Safety warnings and regulatory records about this treatment.",
  })
  warnings!: Recommendation[];

  @Field(() => TherapyLine, {
    nullable: true,
    description: "The earliest line of therapy its counting statements give it (null when none states one).",
  })
  line!: TherapyLine | null;

  @Field(() => [String], {
    description: "The guidelines' own words about sequence, e.g. 'NSAID 1st; tramadol 2nd'.",
  })
  lineNotes!: string[];

  @Field({
    description:
      "True when every statement for it is adjunct-only: it accompanies core treatments (scoreBreakdown.mustFollow) " +
      "and ranks after them.",
  })
  adjunctOnly!: boolean;

  @Field(() => [ID], {
    description:
      "For a class item: its members listed as their own items, which it does not stand for (e.g. opioids other " +
      "than tramadol). Empty for every other item.",
  })
  exceptMemberIds!: string[];
}

@ObjectType("ExcludedTreatment", { description: "A treatment left out of the ranking, and why." })
export class ExcludedTreatment {
  @Field(() => ExclusionReason, { description: "Why it is left out." })
  reason!: ExclusionReason;

  @Field(() => [Recommendation], {
    description: "The statements behind the reason (for RECOMMENDED_AGAINST, those against it).",
  })
  recommendations!: Recommendation[];
}

@ObjectType("AgedGuideline", { description: "A guideline more than ten years old, and its age." })
export class AgedGuideline {
  @Field(() => ID, { description: "The guideline's id." })
  guidelineId!: string;

  @Field(() => Int, { description: "Its publication year." })
  year!: number;

  @Field(() => Int, { description: "asOfYear − year." })
  ageYears!: number;

  @Field(() => Int, { description: "The year of the data release the age is counted from." })
  asOfYear!: number;
}

@ObjectType("RankingWeights", { description: "The weights a ranking used, one per factor." })
export class RankingWeights {
  @Field(() => Float, { description: "STRENGTH weight." })
  strength!: number;
  @Field(() => Float, { description: "BALANCE weight." })
  balance!: number;
  @Field(() => Float, { description: "BREADTH weight." })
  breadth!: number;
  @Field(() => Float, { description: "LINE_OF_THERAPY weight." })
  lineOfTherapy!: number;
  @Field(() => Float, { description: "EVIDENCE_QUALITY weight." })
  evidenceQuality!: number;
  @Field(() => Float, { description: "COVERAGE weight." })
  coverage!: number;
  @Field(() => Float, { description: "OPIOID_SPARING weight." })
  opioidSparing!: number;
  @Field(() => Float, { description: "LEAST_INVASIVE weight." })
  leastInvasive!: number;
}

@ObjectType("RequestedCondition", {
  description: "A condition the ranking was computed for, and the phase used.",
})
export class RequestedCondition {
  @Field(() => Condition, { description: "The condition." })
  condition!: Condition;

  @Field(() => Phase, { description: "The phase its statements had to apply to." })
  phase!: Phase;
}

@ObjectType("RecommendationResult", {
  description: "Ranked treatments for one or more conditions, with reasons, citations and a disclaimer.",
})
export class RecommendationResult {
  @Field(() => [RequestedCondition], {
    description: "The conditions ranked for, with the phase used for each.",
  })
  conditions!: RequestedCondition[];

  @Field(() => [RankedTreatment], { description: "The ranked treatments, best first." })
  items!: RankedTreatment[];

  @Field(() => [ExcludedTreatment], {
    description: "Treatments left out, each with its reason (e.g. not recommended).",
  })
  excluded!: ExcludedTreatment[];

  @Field(() => RankingWeights, { description: "The weights used." })
  weightsUsed!: RankingWeights;

  @Field({
    description: "Plain-language disclaimer to show with the ranking: information, not medical advice.",
  })
  disclaimer!: string;

  @Field(() => TreatmentIntent, {
    nullable: true,
    description:
      "The intent used for the request's attack disorders (ACUTE by default); null when it has none.",
  })
  intentUsed!: TreatmentIntent | null;

  @Field(() => [String], {
    description: "Plain-language notes on choices made for the request (e.g. the default intent).",
  })
  notes!: string[];

  @Field(() => [AgedGuideline], {
    description:
      "Guidelines more than ten years old among the listed items' statements, with their age counted from the " +
      "data release's date (not the clock). Still in force, but read with their age in mind.",
  })
  agedGuidelines!: AgedGuideline[];
}
