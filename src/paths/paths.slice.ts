/**
 * What paths add to a request: the shortest-path repository.
 * The main file of paths/: its resolvers read these from the context; its repositories import only neo4j/, model/ and the foundation.
 */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { PathRepository } from "./path.repository";

export const pathsSlice = defineSlice({
  repositories: (db: Database) => ({ paths: new PathRepository(db) }),
});
