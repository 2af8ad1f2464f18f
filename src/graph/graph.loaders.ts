/** Per-request loaders for nodes by id and for the one-hop relations of relation.repository.ts. */
import type DataLoader from "dataloader";
import type { CareLinkRecord, EntityRecord } from "./entity.model";
import type { EntityRepository } from "./entity.repository";
import type { LinkRelation, NodeRelation, RelationRepository } from "./relation.repository";
import { simpleLoader, type LoaderOptions } from "./loader-kit";

export class GraphLoaders {
  readonly entityById: DataLoader<string, EntityRecord | null>;
  private readonly relations = new Map<NodeRelation, DataLoader<string, EntityRecord[]>>();
  private readonly links = new Map<LinkRelation, DataLoader<string, CareLinkRecord[]>>();

  constructor(
    entities: EntityRepository,
    private readonly relationRepository: RelationRepository,
    private readonly options: LoaderOptions,
  ) {
    this.entityById = simpleLoader((ids) => entities.findByIds(ids), options);
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

  careLinks(relation: LinkRelation): DataLoader<string, CareLinkRecord[]> {
    let loader = this.links.get(relation);
    if (!loader) {
      loader = simpleLoader((ids) => this.relationRepository.findLinks(relation, ids), this.options);
      this.links.set(relation, loader);
    }
    return loader;
  }

  /** Resolves a link end that is either loaded already or only an id. */
  async end(value: EntityRecord | string): Promise<EntityRecord | null> {
    return typeof value === "string" ? this.entityById.load(value) : value;
  }

  /** Loads several nodes by id, dropping ids that no longer exist. */
  async many(ids: readonly string[]): Promise<EntityRecord[]> {
    const nodes = await this.entityById.loadMany(ids);
    return nodes.filter((node): node is EntityRecord => node !== null && !(node instanceof Error));
  }
}
