/** Loads a node by id and returns it only when it is of the expected type: a single lookup returns null on a miss. */
import type { EntityRecord, NodeOf, NodeTypename } from "./entity.model";
import type { GraphLoaders } from "./graph.loaders";

export async function findOfType<Typename extends NodeTypename>(
  loaders: GraphLoaders,
  id: string,
  typename: Typename,
): Promise<NodeOf<Typename> | null> {
  const entity = await loaders.entityById.load(id);
  return entity?.__typename === typename ? (entity as NodeOf<Typename>) : null;
}

/** Keeps the entities of the given types (care providers are Disciplines or Professions). */
export function ofTypes<Typename extends NodeTypename>(
  entities: EntityRecord[],
  ...typenames: Typename[]
): Array<NodeOf<Typename>> {
  return entities.filter((entity): entity is NodeOf<Typename> =>
    (typenames as readonly (string | null)[]).includes(entity.__typename),
  );
}
