/**
 * The per-request context: the request's state, its view of the database, and what each feature's slice adds
 * (repositories, loaders, services) for ONE request. Features own their slices; this file only composes them.
 */
import { type AuthSettings, type Credentials, lazyPrincipal } from "./auth/authenticate";
import type { Principal } from "./auth/principal";
import type { RateLimitDecision } from "./request-info";
import { catalogSlice } from "./catalog/catalog.slice";
import { curationSlice } from "./curation/curation.slice";
import { WriteQueue } from "./curation/write-queue";
import { evidenceSlice } from "./evidence/evidence.slice";
import type { LoaderOptions } from "./graph/loader-kit";
import { graphSlice } from "./graph/graph.slice";
import type { Database, RequestScope } from "./neo4j/database";
import { decorate, isRoundTrip } from "./neo4j/decorate";
import { newRequestInfo, type RequestInfo, type RequestState } from "./request-info";
import { pathsSlice } from "./paths/paths.slice";
import { recommendSlice } from "./recommend/recommend.slice";
import { releaseSlice } from "./release/release.slice";
import { searchSlice } from "./search/search.slice";
import type { ServerShared } from "./slice";

/** Every feature's slice. A new feature adds its slice here and nowhere else. */
const SLICES = [
  releaseSlice,
  graphSlice,
  catalogSlice,
  evidenceSlice,
  searchSlice,
  recommendSlice,
  pathsSlice,
  curationSlice,
] as const;

type Slices = (typeof SLICES)[number];
type Merged<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;
export type Repositories = Merged<ReturnType<Slices["repositories"]>>;
export type Loaders = Merged<ReturnType<Slices["loaders"]>>;
export type Services = Merged<ReturnType<Slices["services"]>>;

export interface RequestContext {
  /** What plugins read and write: the request's info, debug flag, cache stamp. */
  state: RequestState;
  /** The request's view of the database: scoped to its deadline, counting its round trips. */
  db: Database;
  repositories: Repositories;
  /** Per request (resolver classes are singletons). Replaced in place by refreshLoaders(). */
  loaders: Loaders;
  services: Services;
  /** The caller: validated at the door by the server, or on first use where no door ran (tests, scripts). */
  principal: () => Promise<Principal | null>;
  /** Takes more rate-limit tokens from the request's buckets (a heavy operation costs more). */
  chargeTokens: (tokens: number) => Promise<RateLimitDecision>;
  /** After a write: fresh loaders, so nothing cached earlier in this request is served stale. */
  refreshLoaders: () => void;
}

const NO_AUTH: AuthSettings = { apiKeys: [], jwt: null };

export interface ContextOptions {
  debug: boolean;
  loaderBatchSize: number;
  credentials?: Credentials;
  auth?: AuthSettings;
  /** The request's record, started by the router; a context made without HTTP starts its own. */
  info?: RequestInfo;
  /** The request's deadline signal and bookmarks (see RequestScope). */
  scope?: RequestScope;
  /** Shared by every request of one server; a context made alone gets its own. */
  shared?: ServerShared;
  /** The principal the door validated; when given, credentials are not read again. */
  principal?: Principal | null;
  chargeTokens?: (tokens: number) => Promise<RateLimitDecision>;
}

const FREE = async (): Promise<RateLimitDecision> => ({
  allowed: true,
  retryAfterSeconds: 0,
  limit: 0,
  remaining: 0,
  resetSeconds: 0,
});

export function createRequestContext(database: Database, options: ContextOptions): RequestContext {
  const info = options.info ?? newRequestInfo();
  const scoped = database.scope(options.scope ?? {});
  const db = decorate(scoped, (call, proceed) => {
    if (isRoundTrip(call)) info.roundTrips += 1;
    return proceed();
  });
  const shared = options.shared ?? { writeQueue: new WriteQueue() };
  const loaderOptions: LoaderOptions = { maxBatchSize: options.loaderBatchSize };
  const built = SLICES.map((slice) => ({ slice, repositories: slice.repositories(db) }));
  const repositories = Object.assign({}, ...built.map((part) => part.repositories)) as Repositories;
  const createLoaders = () =>
    Object.assign(
      {},
      ...built.map((part) => part.slice.loaders(part.repositories as never, loaderOptions)),
    ) as Loaders;
  const loaders = createLoaders();
  return {
    state: {
      info,
      debug: options.debug,
      ...(options.scope?.bookmarks ? { bookmarks: options.scope.bookmarks } : {}),
    },
    db,
    repositories,
    loaders,
    services: Object.assign(
      {},
      ...built.map((part) => part.slice.services(db, part.repositories as never, shared)),
    ) as Services,
    principal:
      options.principal !== undefined
        ? async () => options.principal ?? null
        : lazyPrincipal(options.credentials ?? {}, options.auth ?? NO_AUTH),
    chargeTokens: options.chargeTokens ?? FREE,
    // Apollo runs each operation on a shallow copy of this object: only mutating `loaders` reaches it.
    refreshLoaders: () => void Object.assign(loaders, createLoaders()),
  };
}
