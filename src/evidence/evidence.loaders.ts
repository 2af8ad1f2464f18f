/** Per-request loaders for recommendations (by condition, treatment or guideline, with a filter) and conflicts. */
import type DataLoader from "dataloader";
import { ParameterisedLoader, simpleLoader, type LoaderOptions } from "../graph/loader-kit";
import { ALL, foldKey, projectionKey, type Projection } from "../graph/projection";
import {
  criteriaKey,
  NO_ENDS,
  type RecommendationCriteria,
  type RecommendationEnds,
  type RecommendationRead,
  type RecommendationRecord,
} from "./recommendation.model";
import type { EntityRecord } from "../graph/entity.model";
import type { PrecautionRepository } from "./precaution.repository";
import type { RecommendationAnchor, RecommendationRepository } from "./recommendation.repository";

export class EvidenceLoaders {
  readonly conflictsByRecommendation: DataLoader<string, RecommendationRecord[]>;
  /** A treatment's safety statements: its own and its classes'. */
  readonly precautionsOfTreatment: DataLoader<string, EntityRecord[]>;
  private readonly byAnchor: Record<
    RecommendationAnchor,
    ParameterisedLoader<RecommendationRead, RecommendationRecord[]>
  >;

  constructor(
    repository: RecommendationRepository,
    options: LoaderOptions,
    precautions: PrecautionRepository,
  ) {
    this.conflictsByRecommendation = simpleLoader((ids) => repository.findConflicts(ids), options);
    this.precautionsOfTreatment = simpleLoader((ids) => precautions.findForTreatments(ids), options);
    const loaderFor = (anchor: RecommendationAnchor) =>
      new ParameterisedLoader<RecommendationRead, RecommendationRecord[]>(
        (ids, { criteria, projection, ends }) => repository.findBy(anchor, ids, criteria, projection, ends),
        options,
      );
    this.byAnchor = {
      condition: loaderFor("condition"),
      treatment: loaderFor("treatment"),
      guideline: loaderFor("guideline"),
      recommendation: loaderFor("recommendation"),
    };
  }

  /**
   * With a projection, each recommendation has only those stored properties (and the computed columns); with
   * `ends` (foldedEnds of the field's selection), its treatment, condition or guideline come folded in.
   */
  recommendations(
    anchor: RecommendationAnchor,
    id: string,
    criteria: RecommendationCriteria,
    projection: Projection = ALL,
    ends: RecommendationEnds = NO_ENDS,
  ) {
    const read = { criteria, projection, ends };
    return this.byAnchor[anchor].load(id, read, readKey(read));
  }

  /** Hands the loader recommendations a parent's statement read, so the field asking for them reads nothing. */
  prime(anchor: RecommendationAnchor, id: string, read: RecommendationRead, found: RecommendationRecord[]) {
    this.byAnchor[anchor].prime(id, read, readKey(read), found);
  }
}

function readKey({ criteria, projection, ends }: RecommendationRead): string {
  return `${criteriaKey(criteria)}|${projectionKey(projection)}|${foldKey(ends)}`;
}
