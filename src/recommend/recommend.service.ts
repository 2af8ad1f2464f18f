/**
 * recommendTreatments: validate, resolve the conditions and read every statement about them (round trip 1), rank in
 * memory, read the returned items' warnings (2, only when selected). Everything else on the result resolves
 * through loaders.
 */
import { BadUserInputError } from "../errors";
import type { RecommendationRecord } from "../evidence/recommendation.model";
import type { ConditionNode } from "../graph/node.records";
import { codeKeyOf } from "../model/codes";
import { ConditionCategory, Phase, TreatmentIntent } from "../model/enums";
import { currentTreatments, validatePatient } from "./patient.validate";
import type { PatientFactors, StoredPrecaution } from "./patient";
import { rankTreatments } from "./ranking";
import { applyPatient, type PatientRankingResult } from "./ranking.patient";
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

/**
 * The date the data release's facts were last checked against the reference (its December 2026 addendum). A
 * guideline's age is counted from it, not from the clock, so the same release always says the same thing.
 */
export const DATA_AS_OF = { year: 2026, month: 12 } as const;
const OLD_GUIDELINE_YEARS = 10;

export interface AgedGuideline {
  guidelineId: string;
  year: number;
  ageYears: number;
  asOfYear: number;
}

export interface RankedItemResult extends RankedItem {
  warnings: RecommendationRecord[];
  precautions: StoredPrecaution[];
  avoidedForPatient: boolean;
  scoreBreakdown: Pick<RankedItem, "evidenceScore" | "preferenceScore" | "factors" | "mustFollow"> & {
    evidence: number;
  };
}

export interface RecommendationResultRecord {
  conditions: Array<{ condition: ConditionNode; phase: Phase }>;
  items: RankedItemResult[];
  excluded: PatientRankingResult["excluded"];
  weightsUsed: Record<string, number>;
  disclaimer: string;
  intentUsed: TreatmentIntent | null;
  notes: string[];
  agedGuidelines: AgedGuideline[];
}

/**
 * The requested conditions (sorted by id) and every statement about them, in one round trip; an id or a code that
 * names no condition is the caller's error.
 */
async function resolveWithEvidence(input: RecommendTreatmentsInput, repository: RecommendRepository) {
  const ids = [...new Set(input.conditionIds ?? [])];
  const codes = (input.conditionCodes ?? []).map((code) => ({
    system: code.system,
    key: codeKeyOf(code.system, code.code),
  }));
  const { resolved, records, treatments } = await repository.resolveWithEvidence(ids, codes);
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
  const conditions = resolved.map((row) => row.condition).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { conditions, records, treatments };
}

function weightsOutput(weights: Weights): Record<string, number> {
  return {
    strength: weights[RankingFactor.STRENGTH],
    balance: weights[RankingFactor.BALANCE],
    breadth: weights[RankingFactor.BREADTH],
    lineOfTherapy: weights[RankingFactor.LINE_OF_THERAPY],
    evidenceQuality: weights[RankingFactor.EVIDENCE_QUALITY],
    coverage: weights[RankingFactor.COVERAGE],
    opioidSparing: weights[RankingFactor.OPIOID_SPARING],
    leastInvasive: weights[RankingFactor.LEAST_INVASIVE],
  };
}

const PHASE_OF_INTENT: Record<TreatmentIntent, Phase> = {
  [TreatmentIntent.ACUTE]: Phase.ACUTE,
  [TreatmentIntent.PREVENTIVE]: Phase.CHRONIC,
};

/**
 * The intent for attack disorders: the one asked for, else the one a phase implies (CHRONIC: preventive), else
 * ACUTE. An intent that contradicts the phase is an error rather than a silent choice.
 */
function intentFor(input: RecommendTreatmentsInput): TreatmentIntent {
  const { intent, phase } = input;
  if (!intent) return phase === Phase.CHRONIC ? TreatmentIntent.PREVENTIVE : TreatmentIntent.ACUTE;
  if (phase && phase !== Phase.ANY && phase !== PHASE_OF_INTENT[intent]) {
    throw new BadUserInputError(
      `"input.intent" ${intent} contradicts "input.phase" ${phase}: ${intent} treatment of an attack disorder is ` +
        `phase ${PHASE_OF_INTENT[intent]} (or leave phase out)`,
      "input.intent",
    );
  }
  return intent;
}

function defaultIntentNote(conditions: ConditionNode[], intent: TreatmentIntent): string {
  const names = conditions.filter((c) => c.attackDisorder === true).map((c) => c.name);
  return (
    `No intent was given: ${names.join(", ")} ${names.length > 1 ? "are" : "is"} ranked for ${intent} treatment ` +
    `(${intent === TreatmentIntent.ACUTE ? "stopping an attack" : "preventing attacks"}). Ask with intent ` +
    `${intent === TreatmentIntent.ACUTE ? "PREVENTIVE" : "ACUTE"} for the other list; the two are never mixed.`
  );
}

/** Guidelines older than ten years among the listed items' statements, aged from DATA_AS_OF. */
function agedGuidelines(items: RankedItem[]): AgedGuideline[] {
  const years = new Map<string, number>();
  for (const rec of items.flatMap((item) => [...item.supporting, ...item.opposing]))
    years.set(rec.guidelineId, rec.guidelineYear);
  return [...years]
    .map(([guidelineId, year]) => ({
      guidelineId,
      year,
      ageYears: DATA_AS_OF.year - year,
      asOfYear: DATA_AS_OF.year,
    }))
    .filter((aged) => aged.ageYears > OLD_GUIDELINE_YEARS)
    .sort((a, b) => a.year - b.year || (a.guidelineId < b.guidelineId ? -1 : 1));
}

export interface RecommendOptions {
  /** Read the items' warnings (a second round trip); false when the request does not select them. */
  withWarnings?: boolean;
  /** Read the safety statements even without patient factors (boxed warnings are shown to everyone). */
  withPrecautions?: boolean;
}

/** The person's factors, checked and with their current treatments resolved; null without patient input. */
async function patientOf(
  input: RecommendTreatmentsInput,
  repository: RecommendRepository,
): Promise<PatientFactors | null> {
  if (!input.patient) return null;
  const factors = validatePatient(input.patient);
  const ids = input.patient.currentTreatmentIds ?? [];
  return { ...factors, current: currentTreatments(ids, await repository.findTreatmentClasses(ids)) };
}

export async function recommendTreatments(
  input: RecommendTreatmentsInput,
  repository: RecommendRepository,
  { withWarnings = true, withPrecautions = true }: RecommendOptions = {},
): Promise<RecommendationResultRecord> {
  validateShape(input);
  if (input.patient) validatePatient(input.patient);
  const weights = toWeights(input.weights);
  const intentUsed = intentFor(input);
  const { conditions: resolved, records, treatments } = await resolveWithEvidence(input, repository);
  const attack = resolved.some((condition) => condition.attackDisorder === true);
  const conditions = resolved.map((condition) =>
    condition.attackDisorder === true
      ? { condition, phase: PHASE_OF_INTENT[intentUsed], intent: intentUsed }
      : {
          condition,
          phase: input.phase ?? DEFAULT_PHASE[condition.category] ?? Phase.ANY,
          intent: null,
        },
  );
  const options: RankingOptions = {
    conditions: conditions.map(({ condition, phase, intent }) => ({ id: condition.id, phase, intent })),
    excludeOpioids: input.excludeOpioids ?? false,
    maxInvasiveness: input.maxInvasiveness ?? null,
    excludeTreatmentIds: input.excludeTreatmentIds ?? [],
    guidelineIds: input.guidelineIds?.length ? input.guidelineIds : null,
    jurisdictions: input.jurisdictions?.length ? input.jurisdictions : null,
    includeSuperseded: input.includeSuperseded ?? false,
    minStrength: input.minStrength ?? null,
    weights,
  };
  const [patient, precautions] = await Promise.all([
    patientOf(input, repository),
    withPrecautions || input.patient ? repository.findPrecautions() : Promise.resolve([]),
  ]);
  const ranking = applyPatient(rankTreatments(records, treatments, options), {
    patient,
    precautions,
    phases: options.conditions.map((condition) => condition.phase),
    includeAvoided: input.includeAvoided ?? false,
  });
  const items = ranking.items.slice(0, input.first ?? 10);
  const warnings = withWarnings
    ? await repository.findWarnings(items.map((item) => item.treatment.id))
    : new Map<string, RecommendationRecord[]>();
  return {
    conditions,
    intentUsed: attack ? intentUsed : null,
    notes: attack && !input.intent ? [defaultIntentNote(resolved, intentUsed)] : [],
    agedGuidelines: agedGuidelines(items),
    items: items.map((item) => ({
      ...item,
      warnings: warnings.get(item.treatment.id) ?? [],
      scoreBreakdown: {
        evidenceScore: Math.round(item.evidenceScore),
        evidence: item.evidenceScore,
        preferenceScore: item.preferenceScore,
        factors: item.factors,
        mustFollow: item.mustFollow,
      },
    })),
    excluded: ranking.excluded,
    weightsUsed: weightsOutput(weights),
    disclaimer: DISCLAIMER,
  };
}
