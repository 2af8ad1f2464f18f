/** One of the founding overview's seven umbrella groups of conditions. */
import type { ConditionGroupNode } from "../graph/node.records";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../node/node.type";

@ObjectType("ConditionGroup", {
  implements: Node,
  description:
    "One of the umbrella groups of PainGraph's founding overview (e.g. 'Chronic back and neck pain'); " +
    "see docs/data-model.md.",
})
export class ConditionGroup extends Node implements Partial<ConditionGroupNode> {
  @Field({ description: "Name of the group." })
  name!: string;

  @Field({ description: "What the group covers." })
  description!: string;

  @Field(() => Int, {
    description: "Deprecated name of overviewOrder.",
    deprecationReason: "Use overviewOrder: the same value under a name that says what it means.",
  })
  articleOrder!: number;

  @Field(() => Int, { description: "Position of the group in the founding overview (1–7)." })
  overviewOrder!: number;
}
