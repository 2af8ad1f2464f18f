/**
 * What the graph feature adds to a request: entity and relation look-ups and their loaders.
 * The main file of graph/: its resolvers read these from the context; its repositories import only neo4j/, model/ and the foundation.
 */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { EntityRepository } from "./entity.repository";
import { GraphLoaders } from "./graph.loaders";
import { RelationRepository } from "./relation.repository";

export const graphSlice = defineSlice({
  repositories: (db: Database) => ({
    entities: new EntityRepository(db),
    relations: new RelationRepository(db),
  }),
  loaders: (repositories, options) => ({
    graph: new GraphLoaders(repositories.entities, repositories.relations, options),
  }),
});
