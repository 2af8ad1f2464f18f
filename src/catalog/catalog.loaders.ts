/** Per-request loaders for condition- and treatment-level traversals that take arguments. */
import type DataLoader from "dataloader";
import type { EntityRecord } from "../graph/entity.model";
import { ParameterisedLoader, simpleLoader, type LoaderOptions } from "../graph/loader-kit";
import type { ConditionRepository, RelatedConditionRecord } from "./condition.repository";
import type { TreatmentRepository } from "./treatment.repository";

export class CatalogLoaders {
  readonly treatmentsByCondition: ParameterisedLoader<string, EntityRecord[]>;
  readonly conditionsByTreatment: ParameterisedLoader<string, EntityRecord[]>;
  readonly relatedByCondition: ParameterisedLoader<number, RelatedConditionRecord[]>;
  readonly careTeamByCondition: DataLoader<string, EntityRecord[]>;

  constructor(conditions: ConditionRepository, treatments: TreatmentRepository, options: LoaderOptions) {
    this.treatmentsByCondition = new ParameterisedLoader(
      (ids, direction) => conditions.findTreatments(ids, direction),
      options,
    );
    this.conditionsByTreatment = new ParameterisedLoader(
      (ids, direction) => treatments.findConditions(ids, direction),
      options,
    );
    this.relatedByCondition = new ParameterisedLoader(
      (ids, first) => conditions.findRelated(ids, first),
      options,
    );
    this.careTeamByCondition = simpleLoader((ids) => conditions.findCareTeams(ids), options);
  }
}
