/** Per-request loaders for nodes by id and for the one-hop relations of relation.repository.ts. */
import type DataLoader from "dataloader";
import type { CareLinkRecord, EntityRecord } from "./entity.model";
import type { EntityRepository } from "./entity.repository";
import type { LinkRelation, NodeRelation, RelationRepository } from "./relation.repository";
import {
  ParameterisedLoader,
  ProjectedLoader,
  simpleLoader,
  type Answer,
  type LoaderOptions,
} from "./loader-kit";
import { ALL, projectionKey, type Projection } from "./projection";

/** The care-link loaders' key for a read with these projections of the far end and of the link. */
const linkKey = (projection: Projection, linkProjection: Projection) =>
  `${projectionKey(projection)}|${projectionKey(linkProjection)}`;

/** Nodes by id, whole. */
export interface EntityLoader {
  load(id: string): Promise<EntityRecord | null>;
  loadMany(ids: readonly string[]): Promise<Array<EntityRecord | null | Error>>;
}

export class GraphLoaders {
  /** Whole nodes by id. */
  readonly entityById: EntityLoader;
  /**
   * Nodes by id, whole or with the properties a selection needs: one batch per tick, whatever was asked, so
   * projecting never costs a round trip.
   */
  private readonly byId: ProjectedLoader<EntityRecord | null>;
  private readonly relations = new Map<NodeRelation, DataLoader<string, EntityRecord[]>>();
  private readonly links = new Map<
    LinkRelation,
    ParameterisedLoader<{ other: Projection; link: Projection }, CareLinkRecord[]>
  >();

  constructor(
    entities: EntityRepository,
    private readonly relationRepository: RelationRepository,
    private readonly options: LoaderOptions,
  ) {
    this.byId = new ProjectedLoader((ids, projection) => entities.findByIds(ids, projection), options);
    this.entityById = {
      load: (id) => this.byId.load(id, ALL),
      loadMany: (ids) => this.byId.loadMany(ids, ALL),
    };
  }

  /** A node by id with the properties of `projection` (projectionOf the field resolving it), or whole. */
  entity(id: string, projection: Projection): Promise<EntityRecord | null> {
    return this.byId.load(id, projection);
  }

  /** Hands the loader a record with `projection`'s properties that a parent's read already holds. */
  primeEntity(id: string, projection: Projection, record: EntityRecord): void {
    this.byId.prime(id, projection, record);
  }

  /** The loader of one relation, created on first use in this request. */
  related(relation: NodeRelation): DataLoader<string, EntityRecord[]> {
    let loader = this.relations.get(relation);
    if (!loader) {
      loader = simpleLoader((ids) => this.relationRepository.findRelated(relation, ids), this.options);
      this.relations.set(relation, loader);
    }
    return loader;
  }

  /**
   * The care links of one node; the far end with the properties of `projection` (ALL: whole), the link with those
   * of `linkProjection` (ALL: every one; a link read with a projection serves only its selection).
   */
  careLinks(
    relation: LinkRelation,
    id: string,
    projection: Projection = ALL,
    linkProjection: Projection = ALL,
  ): Answer<CareLinkRecord[]> {
    return this.linkLoader(relation).load(
      id,
      { other: projection, link: linkProjection },
      linkKey(projection, linkProjection),
    );
  }

  /** Hands the care-link loader the links of `id` that a parent's read already holds, with those projections. */
  primeCareLinks(
    relation: LinkRelation,
    id: string,
    projection: Projection,
    linkProjection: Projection,
    links: CareLinkRecord[],
  ): void {
    const key = linkKey(projection, linkProjection);
    this.linkLoader(relation).prime(id, { other: projection, link: linkProjection }, key, links);
  }

  /**
   * False for the N+1 baseline (LOADER_BATCH_SIZE=1): then a level under a list is not folded into its parent's
   * read either, but goes through its loader one key at a time, as a resolver-per-field server would read it.
   */
  get batching(): boolean {
    return this.options.maxBatchSize > 1;
  }

  private linkLoader(relation: LinkRelation) {
    let loader = this.links.get(relation);
    if (!loader) {
      loader = new ParameterisedLoader(
        (ids, projected: { other: Projection; link: Projection }) =>
          this.relationRepository.findLinks(relation, ids, projected.other, projected.link),
        this.options,
      );
      this.links.set(relation, loader);
    }
    return loader;
  }

  /**
   * Resolves a link end that is either loaded already or only an id. A loaded end is returned as it is, not in a
   * promise: graphql-js then completes its object at once instead of waiting a microtask per link.
   */
  end(value: EntityRecord | string): EntityRecord | Promise<EntityRecord | null> {
    return typeof value === "string" ? this.entityById.load(value) : value;
  }

  /** Loads several nodes by id, dropping ids that no longer exist. */
  async many(ids: readonly string[]): Promise<EntityRecord[]> {
    const nodes = await this.entityById.loadMany(ids);
    return nodes.filter((node): node is EntityRecord => node !== null && !(node instanceof Error));
  }
}
