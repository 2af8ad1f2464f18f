/** The per-request context: a round-trip-counting view of the database, repositories and loaders for ONE request. */
import { randomUUID } from "node:crypto";
import { type AuthSettings, type Credentials, lazyPrincipal } from "./auth/authenticate";
import type { Principal } from "./auth/principal";
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
import { CurationRepository } from "./curation/curation.repository";
import { WriteQueue } from "./curation/write-queue";
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
  curation: CurationRepository;
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
  /** The caller, authenticated on first use (reads never need it). */
  principal: () => Promise<Principal | null>;
  /** This server's curation writes, one at a time. */
  writeQueue: WriteQueue;
  /** After a write: fresh loaders, so nothing cached earlier in this request is served stale. */
  refreshLoaders: () => void;
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
    curation: new CurationRepository(db),
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

const NO_AUTH: AuthSettings = { apiKeys: [], jwt: null };

export interface ContextOptions {
  debug: boolean;
  loaderBatchSize: number;
  credentials?: Credentials;
  auth?: AuthSettings;
  requestId?: string;
  /** Shared by every request of one server; a context made alone gets a queue of its own. */
  writeQueue?: WriteQueue;
}

export function createRequestContext(database: Database, options: ContextOptions): RequestContext {
  const db = new CountingDatabase(database);
  const repositories = createRepositories(db);
  const context: RequestContext = {
    requestId: options.requestId ?? randomUUID(),
    debug: options.debug,
    startedAt: performance.now(),
    db,
    repositories,
    loaders: createLoaders(repositories, { maxBatchSize: options.loaderBatchSize }),
    principal: lazyPrincipal(options.credentials ?? {}, options.auth ?? NO_AUTH),
    writeQueue: options.writeQueue ?? new WriteQueue(),
    refreshLoaders: () => {
      context.loaders = createLoaders(repositories, { maxBatchSize: options.loaderBatchSize });
    },
  };
  return context;
}
