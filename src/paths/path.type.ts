/** A relationship path between two nodes, hop by hop, with citations where a recommendation is on it. */
import { Field, Int, ObjectType } from "type-graphql";
import { LinkBasis } from "../model/enums";

@ObjectType("PathHop", { description: "One relationship on a path, read in the path's direction." })
export class PathHop {
  @Field({
    description: "The relationship type, e.g. DELIVERS, ABOUT_TREATMENT, FOR_CONDITION, CITES, MANAGES.",
  })
  relationship!: string;

  @Field({ description: "True when the relationship points from this hop's from-node to its to-node." })
  forward!: boolean;

  @Field(() => LinkBasis, { nullable: true, description: "For care links: CITED or CONVENTION." })
  basis!: LinkBasis | null;
}

@ObjectType("ExplainedPath", { description: "One shortest path between the two nodes." })
export class ExplainedPath {
  @Field(() => Int, { description: "Number of hops." })
  length!: number;

  @Field(() => [PathHop], { description: "The hops, from the start node to the end node." })
  hops!: PathHop[];
}
