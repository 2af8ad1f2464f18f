/** Loads a node by id and returns it only when it is of the expected type: a single lookup returns null on a miss. */
import type { EntityRecord, NodeTypename } from "./entity.model";
import type { GraphLoaders } from "./graph.loaders";

export async function findOfType(
  loaders: GraphLoaders,
  id: string,
  typename: NodeTypename,
): Promise<EntityRecord | null> {
  const entity = await loaders.entityById.load(id);
  return entity?.__typename === typename ? entity : null;
}

/** Keeps the entities of the given types (care providers are Disciplines or Professions). */
export function ofTypes(entities: EntityRecord[], ...typenames: NodeTypename[]): EntityRecord[] {
  return entities.filter((entity) => entity.__typename !== null && typenames.includes(entity.__typename));
}
