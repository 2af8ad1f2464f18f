/** What paths add to a request: the shortest-path repository. */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { PathRepository } from "./path.repository";

export const pathsSlice = defineSlice({
  repositories: (db: Database) => ({ paths: new PathRepository(db) }),
});
