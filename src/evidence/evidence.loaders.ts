/** Per-request loaders for recommendations (by condition, treatment or guideline, with a filter) and conflicts. */
import type DataLoader from "dataloader";
import { ParameterisedLoader, simpleLoader, type LoaderOptions } from "../graph/loader-kit";
import { criteriaKey, type RecommendationCriteria, type RecommendationRecord } from "./recommendation.model";
import type { EntityRecord } from "../graph/entity.model";
import type { PrecautionRepository } from "./precaution.repository";
import type { RecommendationAnchor, RecommendationRepository } from "./recommendation.repository";

export class EvidenceLoaders {
  readonly conflictsByRecommendation: DataLoader<string, RecommendationRecord[]>;
  /** A treatment's safety statements: its own and its classes'. */
  readonly precautionsOfTreatment: DataLoader<string, EntityRecord[]>;
  private readonly byAnchor: Record<
    RecommendationAnchor,
    ParameterisedLoader<RecommendationCriteria, RecommendationRecord[]>
  >;

  constructor(
    repository: RecommendationRepository,
    options: LoaderOptions,
    precautions: PrecautionRepository,
  ) {
    this.conflictsByRecommendation = simpleLoader((ids) => repository.findConflicts(ids), options);
    this.precautionsOfTreatment = simpleLoader((ids) => precautions.findForTreatments(ids), options);
    const loaderFor = (anchor: RecommendationAnchor) =>
      new ParameterisedLoader<RecommendationCriteria, RecommendationRecord[]>(
        (ids, criteria) => repository.findBy(anchor, ids, criteria),
        options,
      );
    this.byAnchor = {
      condition: loaderFor("condition"),
      treatment: loaderFor("treatment"),
      guideline: loaderFor("guideline"),
      recommendation: loaderFor("recommendation"),
    };
  }

  recommendations(anchor: RecommendationAnchor, id: string, criteria: RecommendationCriteria) {
    return this.byAnchor[anchor].load(id, criteria, criteriaKey(criteria));
  }
}
