/**
 * What the evidence feature adds to a request: recommendations (guideline-graded edges) and their loaders.
 * The main file of evidence/: its resolvers read these from the context; its repositories import only neo4j/, model/ and the foundation.
 */
import type { Database } from "../neo4j/database";
import { defineSlice } from "../slice";
import { EvidenceLoaders } from "./evidence.loaders";
import { PrecautionRepository } from "./precaution.repository";
import { RecommendationRepository } from "./recommendation.repository";

export const evidenceSlice = defineSlice({
  repositories: (db: Database) => ({
    recommendations: new RecommendationRepository(db),
    precautions: new PrecautionRepository(db),
  }),
  loaders: (repositories, options) => ({
    evidence: new EvidenceLoaders(repositories.recommendations, options, repositories.precautions),
  }),
});
