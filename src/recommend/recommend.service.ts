/**
 * recommendTreatments: validate, resolve the conditions (round trip 1), read every statement about them (2), rank
 * in memory, read the returned items' warnings (3, only when selected). Everything else on the result resolves
 * through loaders.
 */
import { BadUserInputError } from "../errors";
import type { RecommendationRecord } from "../evidence/recommendation.model";
import type { EntityRecord } from "../graph/entity.model";
import { codeKeyOf } from "../model/codes";
import { ConditionCategory, Phase } from "../model/enums";
import { rankTreatments } from "./ranking";
import { RankingFactor, type RankedItem, type RankingOptions, type Weights } from "./ranking.model";
import type { RecommendRepository } from "./recommend.repository";
// eslint-disable-next-line no-restricted-imports -- the one counted exception (layering.test.ts): ranking takes the GraphQL input classes as its options.
import { type RecommendTreatmentsInput, toWeights, validateShape } from "./recommend.input";

export const DISCLAIMER =
  "PainGraph ranks treatments by what published guidelines say; it informs and does not prescribe. This is not " +
  "medical advice: guidelines disagree, and the right treatment depends on the person. Discuss any treatment with " +
  "a qualified clinician.";

const DEFAULT_PHASE: Record<ConditionCategory, Phase> = {
  [ConditionCategory.ACUTE]: Phase.ACUTE,
  [ConditionCategory.CHRONIC]: Phase.CHRONIC,
  [ConditionCategory.EITHER]: Phase.ANY,
};

export interface RankedItemResult extends RankedItem {
  warnings: RecommendationRecord[];
  scoreBreakdown: Pick<RankedItem, "evidenceScore" | "preferenceScore" | "factors">;
}

export interface RecommendationResultRecord {
  conditions: Array<{ condition: EntityRecord; phase: Phase }>;
  items: RankedItemResult[];
  excluded: ReturnType<typeof rankTreatments>["excluded"];
  weightsUsed: Record<string, number>;
  disclaimer: string;
}

async function resolveConditions(input: RecommendTreatmentsInput, repository: RecommendRepository) {
  const ids = [...new Set(input.conditionIds ?? [])];
  const codes = (input.conditionCodes ?? []).map((code) => ({
    system: code.system,
    key: codeKeyOf(code.system, code.code),
  }));
  const resolved = await repository.resolveConditions(ids, codes);
  const matched = new Set(resolved.flatMap((row) => row.matchedBy));
  const unknownId = ids.find((id) => !matched.has(id));
  if (unknownId)
    throw new BadUserInputError(
      `"input.conditionIds": no condition has id "${unknownId}"`,
      "input.conditionIds",
    );
  const unknownCode = (input.conditionCodes ?? []).find(
    (code, i) => !matched.has(`${codes[i]!.system}:${codes[i]!.key}`),
  );
  if (unknownCode) {
    throw new BadUserInputError(
      `"input.conditionCodes": no condition has ${unknownCode.system} code "${unknownCode.code}"`,
      "input.conditionCodes",
    );
  }
  return resolved.map((row) => row.condition).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function weightsOutput(weights: Weights): Record<string, number> {
  return {
    strength: weights[RankingFactor.STRENGTH],
    balance: weights[RankingFactor.BALANCE],
    breadth: weights[RankingFactor.BREADTH],
    lineOfTherapy: weights[RankingFactor.LINE_OF_THERAPY],
    coverage: weights[RankingFactor.COVERAGE],
    opioidSparing: weights[RankingFactor.OPIOID_SPARING],
    leastInvasive: weights[RankingFactor.LEAST_INVASIVE],
  };
}

export interface RecommendOptions {
  /** Read the items' warnings (round trip 3); false when the request does not select them. */
  withWarnings?: boolean;
}

export async function recommendTreatments(
  input: RecommendTreatmentsInput,
  repository: RecommendRepository,
  { withWarnings = true }: RecommendOptions = {},
): Promise<RecommendationResultRecord> {
  validateShape(input);
  const weights = toWeights(input.weights);
  const conditions = (await resolveConditions(input, repository)).map((condition) => ({
    condition,
    phase: input.phase ?? DEFAULT_PHASE[condition.category as ConditionCategory] ?? Phase.ANY,
  }));
  const options: RankingOptions = {
    conditions: conditions.map(({ condition, phase }) => ({ id: condition.id, phase })),
    excludeOpioids: input.excludeOpioids ?? false,
    maxInvasiveness: input.maxInvasiveness ?? null,
    excludeTreatmentIds: input.excludeTreatmentIds ?? [],
    guidelineIds: input.guidelineIds?.length ? input.guidelineIds : null,
    jurisdictions: input.jurisdictions?.length ? input.jurisdictions : null,
    includeSuperseded: input.includeSuperseded ?? false,
    minStrength: input.minStrength ?? null,
    weights,
  };
  const { records, treatments } = await repository.findEvidence(
    options.conditions.map((condition) => condition.id),
  );
  const ranking = rankTreatments(records, treatments, options);
  const items = ranking.items.slice(0, input.first ?? 10);
  const warnings = withWarnings
    ? await repository.findWarnings(items.map((item) => item.treatment.id))
    : new Map<string, RecommendationRecord[]>();
  return {
    conditions,
    items: items.map((item) => ({
      ...item,
      warnings: warnings.get(item.treatment.id) ?? [],
      scoreBreakdown: {
        evidenceScore: item.evidenceScore,
        preferenceScore: item.preferenceScore,
        factors: item.factors,
      },
    })),
    excluded: ranking.excluded,
    weightsUsed: weightsOutput(weights),
    disclaimer: DISCLAIMER,
  };
}
