/**
 * Patient factors applied to a finished ranking. They only remove items (CONTRAINDICATED, AVOID_FOR_PATIENT) or add
 * precautions: the remaining items keep their order, and an item whose earlier lines were removed keeps its line
 * note (it is not promoted). With includeAvoided, avoided items stay, ranked after everything else.
 */
import type { Phase } from "../model/enums";
import { PrecautionKind } from "../model/enums";
import { ExclusionReason, type ExcludedItem, type RankedItem, type RankingResult } from "./ranking.model";
import {
  type Candidate,
  concerns,
  excludes,
  matchOf,
  type PatientFactors,
  shows,
  type StoredPrecaution,
} from "./patient";

export interface PatientOptions {
  patient: PatientFactors | null;
  precautions: StoredPrecaution[];
  /** The phases the request ranks for: a source's phase exception applies only when all are excepted. */
  phases: Phase[];
  includeAvoided: boolean;
}

export interface Assessment {
  precautions: StoredPrecaution[];
  exclusion: ExclusionReason | null;
}

const REASON: Record<PrecautionKind.CONTRAINDICATION | PrecautionKind.AVOID, ExclusionReason> = {
  [PrecautionKind.CONTRAINDICATION]: ExclusionReason.CONTRAINDICATED,
  [PrecautionKind.AVOID]: ExclusionReason.AVOID_FOR_PATIENT,
};

/** The statements shown on an item and, with patient factors, whether they remove it (a contraindication first). */
export function assessForPatient(
  item: Candidate,
  exceptMemberIds: string[],
  options: Pick<PatientOptions, "patient" | "precautions" | "phases">,
): Assessment {
  const shown: StoredPrecaution[] = [];
  let exclusion: ExclusionReason | null = null;
  for (const precaution of options.precautions) {
    if (!concerns(precaution, item, exceptMemberIds)) continue;
    const match = matchOf(precaution, options.patient, item);
    if (!shows(precaution, match)) continue;
    shown.push(precaution);
    const kind = excludes(precaution, match, item, options.phases);
    if (kind && exclusion !== ExclusionReason.CONTRAINDICATED) exclusion = REASON[kind];
  }
  return { precautions: shown, exclusion };
}

export type WithPrecautions<T> = T & { precautions: StoredPrecaution[] };
export interface PatientRankingResult {
  items: Array<WithPrecautions<RankedItem> & { avoidedForPatient: boolean }>;
  excluded: Array<WithPrecautions<ExcludedItem>>;
}

const candidateOf = (item: { treatment: { id: string; classIds: string[] } }): Candidate => ({
  id: item.treatment.id,
  classIds: item.treatment.classIds,
});

export function applyPatient(ranking: RankingResult, options: PatientOptions): PatientRankingResult {
  const kept: PatientRankingResult["items"] = [];
  const avoided: PatientRankingResult["items"] = [];
  const removed: PatientRankingResult["excluded"] = [];
  for (const item of ranking.items) {
    const { precautions, exclusion } = assessForPatient(candidateOf(item), item.exceptMemberIds, options);
    const avoid = exclusion === ExclusionReason.AVOID_FOR_PATIENT && options.includeAvoided;
    if (exclusion === null || avoid) {
      (avoid ? avoided : kept).push({ ...item, precautions, avoidedForPatient: avoid });
    } else {
      removed.push({
        treatment: item.treatment,
        reason: exclusion,
        recommendations: item.supporting,
        precautions,
      });
    }
  }
  const items = [...kept, ...avoided];
  const listed = new Set(items.map((item) => item.treatment.id));
  const excluded = [
    ...removed,
    ...ranking.excluded.map((item) => ({
      ...item,
      precautions: assessForPatient(candidateOf(item), [], options).precautions,
    })),
  ].sort((a, b) =>
    a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : a.treatment.id < b.treatment.id ? -1 : 1,
  );
  return {
    items: items.map((item, index) => ({
      ...item,
      rank: index + 1,
      mustFollow: item.mustFollow.filter((id) => listed.has(id)),
    })),
    excluded,
  };
}
