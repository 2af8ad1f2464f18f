/** The Node interface: every entity has an id unique across all types, so node(id) and search can mix them. */
import { Field, ID, InterfaceType } from "type-graphql";
import { typenameOf } from "../graph/entity.model";

@InterfaceType("Node", {
  description:
    "Anything in the graph with a stable id, unique across all types (e.g. condition:fibromyalgia).",
  resolveType: typenameOf,
})
export abstract class Node {
  @Field(() => ID, { description: "Stable, readable id: the type, a colon, and a slug." })
  id!: string;
}
