/**
 * What search adds to a request: the full-text search repository.
 * The main file of search/: its resolvers read these from the context; its repositories import only neo4j/, model/ and the foundation.
 */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { SearchRepository } from "./search.repository";

export const searchSlice = defineSlice({
  repositories: (db: Database) => ({ search: new SearchRepository(db) }),
});
