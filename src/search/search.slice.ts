/** What search adds to a request: the full-text search repository. */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { SearchRepository } from "./search.repository";

export const searchSlice = defineSlice({
  repositories: (db: Database) => ({ search: new SearchRepository(db) }),
});
