/** GraphQL types of recommendTreatments' items: ranked treatments with their reasons, and excluded ones. */
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Precaution } from "../evidence/precaution.type";
import { Recommendation } from "../evidence/recommendation.type";
import { TherapyLine } from "../model/enums";
import "./ranking.enums.type";
import { ExclusionReason, RankingFactor } from "./ranking.model";

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

  @Field(() => [Precaution], {
    description:
      "Safety statements to show with it: every boxed warning and statement for everyone (even without patient " +
      "factors), and those matching the patient. Includes its classes' statements and, for a class item, its " +
      "members' (shown, never applied to the class).",
  })
  precautions!: Precaution[];

  @Field({
    description:
      "True when an AVOID statement matches the patient and includeAvoided kept it: ranked after everything else.",
  })
  avoidedForPatient!: boolean;
}

@ObjectType("ExcludedTreatment", { description: "A treatment left out of the ranking, and why." })
export class ExcludedTreatment {
  @Field(() => ExclusionReason, { description: "Why it is left out." })
  reason!: ExclusionReason;

  @Field(() => [Recommendation], {
    description: "The statements behind the reason (for RECOMMENDED_AGAINST, those against it).",
  })
  recommendations!: Recommendation[];

  @Field(() => [Precaution], {
    description:
      "Its safety statements: for CONTRAINDICATED and AVOID_FOR_PATIENT the matching ones, and always its boxed " +
      "warnings.",
  })
  precautions!: Precaution[];
}
