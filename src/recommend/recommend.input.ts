/** The input of recommendTreatments, and its validation into ranking options (errors name the field). */
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { BadUserInputError } from "../errors";
import { CodeSystem, Jurisdiction, Phase, Strength, TreatmentIntent } from "../model/enums";
import { PatientInput } from "./patient.input";
import { DEFAULT_WEIGHTS, PREFERENCE_FACTORS, RankingFactor, type Weights } from "./ranking.model";

@InputType("ConditionCodeInput", { description: "A clinical code that identifies a condition." })
export class ConditionCodeInput {
  @Field(() => CodeSystem, { description: "The code system." })
  system!: CodeSystem;

  @Field({ description: "The code; ICD-10-CM in any case, with or without the dot." })
  code!: string;
}

@InputType("RankingWeightsInput", {
  description:
    "One weight per ranking factor (docs/recommendations.md). Omitted weights keep their defaults. Evidence weights " +
    "(strength 10, balance 4, breadth 1, evidenceQuality 0.15, lineOfTherapy 0) must be ≥ 0; preference weights " +
    "(coverage 0.5, opioidSparing 0.25, leastInvasive 0.2) must be ≥ 0 and add up to less than 1. Preferences only " +
    "order treatments of equal evidence, and no weight overrides a stated line of therapy.",
})
export class RankingWeightsInput {
  @Field(() => Float, {
    nullable: true,
    description: "Weight of the best supporting strength (STRONG 3, CONDITIONAL 2, UNGRADED 1).",
  })
  strength?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Weight of the balance of guidelines for and against (−1 to 1).",
  })
  balance?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Weight of how many guidelines support it (0–1, five or more = 1).",
  })
  breadth?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Weight of the earliest stated line (first 1, second 0.5, later 0.25); 0 by default, because stated lines " +
      "already act as a precedence that no weight overrides.",
  })
  lineOfTherapy?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Weight of the best evidence quality a guideline states (high 1, moderate 2/3, low 1/3, unstated 0).",
  })
  evidenceQuality?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Weight of the share of requested conditions it helps.",
  })
  coverage?: number | null;

  @Field(() => Float, { nullable: true, description: "Weight of being opioid-free." })
  opioidSparing?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Weight of being less invasive ((3 − invasivenessMax) / 3).",
  })
  leastInvasive?: number | null;
}

@InputType("RecommendTreatmentsInput", { description: "What to rank treatments for, and how." })
export class RecommendTreatmentsInput {
  @Field(() => [ID], {
    nullable: true,
    description: "Condition ids; with conditionCodes, at least one condition in all.",
  })
  conditionIds?: string[] | null;

  @Field(() => [ConditionCodeInput], { nullable: true, description: "Conditions by clinical code." })
  conditionCodes?: ConditionCodeInput[] | null;

  @Field(() => Phase, {
    nullable: true,
    description:
      "Phase of pain; by default each condition's own (ACUTE, CHRONIC; ANY for conditions seen either way).",
  })
  phase?: Phase | null;

  @Field(() => TreatmentIntent, {
    nullable: true,
    description:
      "For attack disorders (migraine, cluster and tension-type headache): ACUTE (stopping an attack) or PREVENTIVE " +
      "(fewer attacks). A list never mixes the two; without it, ACUTE is used and intentUsed says so. It applies to " +
      "the attack disorders of a request only. ACUTE with phase CHRONIC or SUBACUTE, or PREVENTIVE with phase ACUTE " +
      "or SUBACUTE, is BAD_USER_INPUT.",
  })
  intent?: TreatmentIntent | null;

  @Field({
    defaultValue: false,
    description: "Leave opioids out (they appear in excluded as OPIOID_EXCLUDED).",
  })
  excludeOpioids!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Highest invasiveness allowed (0–3), compared with a treatment's maximum.",
  })
  maxInvasiveness?: number | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Treatments already tried (they appear in excluded as ALREADY_TRIED).",
  })
  excludeTreatmentIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Count only statements of these guidelines." })
  guidelineIds?: string[] | null;

  @Field(() => [Jurisdiction], {
    nullable: true,
    description: "Count only statements of guidelines from these jurisdictions.",
  })
  jurisdictions?: Jurisdiction[] | null;

  @Field({ defaultValue: false, description: "Also count statements of superseded guidelines." })
  includeSuperseded!: boolean;

  @Field(() => Strength, {
    nullable: true,
    description: "Leave out treatments whose best support is weaker than this.",
  })
  minStrength?: Strength | null;

  @Field(() => RankingWeightsInput, {
    nullable: true,
    description: "Ranking weights; defaults when omitted.",
  })
  weights?: RankingWeightsInput | null;

  @Field(() => Int, { defaultValue: 10, description: "How many ranked items to return (1–50)." })
  first!: number;

  @Field(() => PatientInput, {
    nullable: true,
    description:
      "The person's factors (age, pregnancy, kidney function, risks, current treatments): treatments a matching " +
      "CONTRAINDICATION or AVOID covers are excluded, matching precautions are shown. POST only; never cached.",
  })
  patient?: PatientInput | null;

  @Field({
    defaultValue: false,
    description:
      "Keep treatments the patient's factors say to AVOID, ranked after everything else (avoidedForPatient: true) " +
      "instead of excluding them. Contraindicated ones are always excluded.",
  })
  includeAvoided!: boolean;
}

const WEIGHT_FIELDS: Record<RankingFactor, keyof RankingWeightsInput> = {
  [RankingFactor.STRENGTH]: "strength",
  [RankingFactor.BALANCE]: "balance",
  [RankingFactor.BREADTH]: "breadth",
  [RankingFactor.LINE_OF_THERAPY]: "lineOfTherapy",
  [RankingFactor.EVIDENCE_QUALITY]: "evidenceQuality",
  [RankingFactor.COVERAGE]: "coverage",
  [RankingFactor.OPIOID_SPARING]: "opioidSparing",
  [RankingFactor.LEAST_INVASIVE]: "leastInvasive",
};

export function toWeights(input: RankingWeightsInput | null | undefined): Weights {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const [factor, field] of Object.entries(WEIGHT_FIELDS) as Array<
    [RankingFactor, keyof RankingWeightsInput]
  >) {
    const value = input?.[field];
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) {
      throw new BadUserInputError(
        `"input.weights.${field}" must be a number ≥ 0 (got ${value})`,
        `input.weights.${field}`,
      );
    }
    weights[factor] = value;
  }
  const preferenceSum = PREFERENCE_FACTORS.reduce((sum, factor) => sum + weights[factor], 0);
  if (preferenceSum >= 1) {
    throw new BadUserInputError(
      `"input.weights": coverage + opioidSparing + leastInvasive must stay below 1 (got ${preferenceSum}), so preferences never outrank evidence`,
      "input.weights",
    );
  }
  return weights;
}

export function validateShape(input: RecommendTreatmentsInput): void {
  const count = (input.conditionIds?.length ?? 0) + (input.conditionCodes?.length ?? 0);
  if (count === 0)
    throw new BadUserInputError(
      '"input.conditionIds" or "input.conditionCodes" must name at least one condition',
      "input.conditionIds",
    );
  if (count > 10)
    throw new BadUserInputError("at most 10 conditions can be ranked together", "input.conditionIds");
  if (
    input.maxInvasiveness !== null &&
    input.maxInvasiveness !== undefined &&
    (input.maxInvasiveness < 0 || input.maxInvasiveness > 3)
  ) {
    throw new BadUserInputError(
      `"input.maxInvasiveness" must be from 0 to 3 (got ${input.maxInvasiveness})`,
      "input.maxInvasiveness",
    );
  }
  if (!Number.isInteger(input.first) || input.first < 1 || input.first > 50) {
    throw new BadUserInputError(`"input.first" must be from 1 to 50 (got ${input.first})`, "input.first");
  }
}
