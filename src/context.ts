/** The per-request context: a round-trip-counting view of the database, repositories and loaders for ONE request. */
import { randomUUID } from "node:crypto";
import { CatalogLoaders } from "./catalog/catalog.loaders";
import { CatalogRepository } from "./catalog/catalog.repository";
import { ConditionRepository } from "./catalog/condition.repository";
import { TreatmentRepository } from "./catalog/treatment.repository";
import { EvidenceLoaders } from "./evidence/evidence.loaders";
import { RecommendationRepository } from "./evidence/recommendation.repository";
import { EntityRepository } from "./graph/entity.repository";
import { GraphLoaders } from "./graph/graph.loaders";
import type { LoaderOptions } from "./graph/loader-kit";
import { RelationRepository } from "./graph/relation.repository";
import { PathRepository } from "./paths/path.repository";
import { RecommendRepository } from "./recommend/recommend.repository";
import type { Database } from "./neo4j/database";
import { CountingDatabase } from "./neo4j/counting-database";
import { DataReleaseRepository } from "./release/data-release.repository";
import { SearchRepository } from "./search/search.repository";

export interface Repositories {
  dataRelease: DataReleaseRepository;
  entities: EntityRepository;
  relations: RelationRepository;
  conditions: ConditionRepository;
  treatments: TreatmentRepository;
  catalog: CatalogRepository;
  recommendations: RecommendationRepository;
  search: SearchRepository;
  recommend: RecommendRepository;
  paths: PathRepository;
}

export interface Loaders {
  graph: GraphLoaders;
  catalog: CatalogLoaders;
  evidence: EvidenceLoaders;
}

export interface RequestContext {
  requestId: string;
  /** Set when the client asked for query stats and config allows it. */
  debug: boolean;
  startedAt: number;
  db: CountingDatabase;
  repositories: Repositories;
  loaders: Loaders;
}

export function createRepositories(db: Database): Repositories {
  return {
    dataRelease: new DataReleaseRepository(db),
    entities: new EntityRepository(db),
    relations: new RelationRepository(db),
    conditions: new ConditionRepository(db),
    treatments: new TreatmentRepository(db),
    catalog: new CatalogRepository(db),
    recommendations: new RecommendationRepository(db),
    search: new SearchRepository(db),
    recommend: new RecommendRepository(db),
    paths: new PathRepository(db),
  };
}

/** New loaders for every request: they cache per request, and resolver classes are singletons. */
export function createLoaders(repositories: Repositories, options: LoaderOptions): Loaders {
  return {
    graph: new GraphLoaders(repositories.entities, repositories.relations, options),
    catalog: new CatalogLoaders(repositories.conditions, repositories.treatments, options),
    evidence: new EvidenceLoaders(repositories.recommendations, options),
  };
}

export interface ContextOptions {
  debug: boolean;
  loaderBatchSize: number;
  requestId?: string;
}

export function createRequestContext(database: Database, options: ContextOptions): RequestContext {
  const db = new CountingDatabase(database);
  const repositories = createRepositories(db);
  return {
    requestId: options.requestId ?? randomUUID(),
    debug: options.debug,
    startedAt: performance.now(),
    db,
    repositories,
    loaders: createLoaders(repositories, { maxBatchSize: options.loaderBatchSize }),
  };
}
