/**
 * What recommending adds to a request: the candidate-reading repository the ranking works on.
 * The main file of recommend/: its resolvers read these from the context; its repositories import only neo4j/, model/ and the foundation.
 */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { RecommendRepository } from "./recommend.repository";

export const recommendSlice = defineSlice({
  repositories: (db: Database) => ({ recommend: new RecommendRepository(db) }),
});
