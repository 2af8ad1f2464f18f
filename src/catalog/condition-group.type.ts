/** One of the source article's seven umbrella groups of conditions. */
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../node/node.type";

@ObjectType("ConditionGroup", {
  implements: Node,
  description: "One of the source article's umbrella groups (e.g. 'Chronic back and neck pain').",
})
export class ConditionGroup extends Node {
  @Field({ description: "Name of the group." })
  name!: string;

  @Field({ description: "What the group covers." })
  description!: string;

  @Field(() => Int, { description: "Position of the group in the source article (1–7)." })
  articleOrder!: number;
}
