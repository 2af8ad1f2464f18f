/** Loads any node for the Node interface; recommendations come with the ids their own fields need. */
import type { Loaders } from "../context";
import { NO_CRITERIA } from "../evidence/recommendation.model";
import type { EntityRecord } from "../graph/entity.model";

export async function loadNode(loaders: Loaders, id: string): Promise<EntityRecord | null> {
  const entity = await loaders.graph.entityById.load(id);
  if (!entity?.__typename) return null;
  if (entity.__typename !== "Recommendation") return entity;
  const [recommendation] = await loaders.evidence.recommendations("recommendation", id, NO_CRITERIA);
  return recommendation ?? null;
}
