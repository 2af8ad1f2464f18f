/**
 * What a feature adds to a request: its repositories, the loaders over them and its services, and how to build each
 * for one request. context.ts composes the slices; no feature knows another's slice.
 */
import type { WriteQueue } from "./curation/write-queue";
import type { LoaderOptions } from "./graph/loader-kit";
import type { Database } from "./neo4j/database";

/** Made once per server and shared by all its requests. */
export interface ServerShared {
  /** This server's curation writes, one at a time. */
  writeQueue: WriteQueue;
}

export interface Slice<R extends object, L extends object, S extends object> {
  /** The feature's repositories over the request's database view. */
  repositories(db: Database): R;
  /** The feature's loaders: built per request, and again after a write in the request. */
  loaders(repositories: R, options: LoaderOptions): L;
  /** The feature's services (write paths), over the request's database view. */
  services(db: Database, repositories: R, shared: ServerShared): S;
}

type Nothing = Record<never, never>;

/** A slice from the parts a feature has; a missing part adds nothing. */
export function defineSlice<R extends object, L extends object = Nothing, S extends object = Nothing>(parts: {
  repositories(db: Database): R;
  loaders?(repositories: R, options: LoaderOptions): L;
  services?(db: Database, repositories: R, shared: ServerShared): S;
}): Slice<R, L, S> {
  return {
    repositories: parts.repositories,
    loaders: parts.loaders ?? (() => ({}) as L),
    services: parts.services ?? (() => ({}) as S),
  };
}
