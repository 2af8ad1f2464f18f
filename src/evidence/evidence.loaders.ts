/** Per-request loaders for recommendations (by condition, treatment or guideline, with a filter) and conflicts. */
import type DataLoader from "dataloader";
import { ParameterisedLoader, simpleLoader, type LoaderOptions } from "../graph/loader-kit";
import { ALL, projectionKey, type Projection } from "../graph/projection";
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
    ParameterisedLoader<{ criteria: RecommendationCriteria; projection: Projection }, RecommendationRecord[]>
  >;

  constructor(
    repository: RecommendationRepository,
    options: LoaderOptions,
    precautions: PrecautionRepository,
  ) {
    this.conflictsByRecommendation = simpleLoader((ids) => repository.findConflicts(ids), options);
    this.precautionsOfTreatment = simpleLoader((ids) => precautions.findForTreatments(ids), options);
    const loaderFor = (anchor: RecommendationAnchor) =>
      new ParameterisedLoader<
        { criteria: RecommendationCriteria; projection: Projection },
        RecommendationRecord[]
      >((ids, { criteria, projection }) => repository.findBy(anchor, ids, criteria, projection), options);
    this.byAnchor = {
      condition: loaderFor("condition"),
      treatment: loaderFor("treatment"),
      guideline: loaderFor("guideline"),
      recommendation: loaderFor("recommendation"),
    };
  }

  /** With a projection, each recommendation has only those stored properties (and the computed columns). */
  recommendations(
    anchor: RecommendationAnchor,
    id: string,
    criteria: RecommendationCriteria,
    projection: Projection = ALL,
  ) {
    return this.byAnchor[anchor].load(
      id,
      { criteria, projection },
      `${criteriaKey(criteria)}|${projectionKey(projection)}`,
    );
  }
}
