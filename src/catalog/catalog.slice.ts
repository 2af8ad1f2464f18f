/**
 * What the catalog adds to a request: condition, treatment and list repositories, and the catalog loaders.
 * The main file of catalog/: its resolvers read these from the context; its repositories import only neo4j/, model/ and the foundation.
 */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { CatalogLoaders } from "./catalog.loaders";
import { CatalogRepository } from "./catalog.repository";
import { ConditionRepository } from "./condition.repository";
import { TreatmentRepository } from "./treatment.repository";

export const catalogSlice = defineSlice({
  repositories: (db: Database) => ({
    conditions: new ConditionRepository(db),
    treatments: new TreatmentRepository(db),
    catalog: new CatalogRepository(db),
  }),
  loaders: (repositories, options) => ({
    catalog: new CatalogLoaders(repositories.conditions, repositories.treatments, options),
  }),
});
