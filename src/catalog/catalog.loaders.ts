/** Per-request loaders for condition- and treatment-level traversals that take arguments. */
import type DataLoader from "dataloader";
import type { ConditionNode, DisciplineOrProfessionNode, TreatmentNode } from "../graph/node.records";
import { ParameterisedLoader, simpleLoader, type LoaderOptions } from "../graph/loader-kit";
import type { ConditionRepository, RelatedConditionRecord } from "./condition.repository";
import type { TreatmentRepository } from "./treatment.repository";

export class CatalogLoaders {
  readonly treatmentsByCondition: ParameterisedLoader<string, TreatmentNode[]>;
  readonly conditionsByTreatment: ParameterisedLoader<string, ConditionNode[]>;
  readonly relatedByCondition: ParameterisedLoader<number, RelatedConditionRecord[]>;
  readonly careTeamByCondition: DataLoader<string, DisciplineOrProfessionNode[]>;

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
