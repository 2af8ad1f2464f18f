/** The founding overview's myths about pain specialists, each with a correction and cited facts. */
import type { MythNode, StatisticNode } from "../graph/node.records";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { ConfirmationStatus, MythVerdict } from "../model/enums";
import { Node } from "../node/node.type";

@ObjectType("Myth", {
  implements: Node,
  description: "A common myth about pain specialists, with its correction.",
})
export class Myth extends Node implements Partial<MythNode> {
  @Field({ description: "The myth, as people say it." })
  myth!: string;

  @Field(() => MythVerdict, { description: "False, or partly true." })
  verdict!: MythVerdict;

  @Field({ description: "The correction, in plain words." })
  correction!: string;

  @Field(() => String, { nullable: true, description: "What is true about it, kept for balance." })
  nuance!: string | null;
}

@ObjectType("MythFact", { description: "One cited fact that corrects (or qualifies) a myth." })
export class MythFact {
  @Field({ description: "The fact." })
  text!: string;

  @Field({ description: "V, V2, or DERIVED (PainGraph's arithmetic on a verified figure)." })
  status!: string;
}

@ObjectType("Statistic", {
  implements: Node,
  description: "A population statistic about pain, with its source.",
})
export class Statistic extends Node implements Partial<StatisticNode> {
  @Field(() => Int, { description: "Survey year." })
  year!: number;

  @Field({ description: "What is measured." })
  metric!: string;

  @Field({ description: "The value as the source states it." })
  value!: string;

  @Field(() => Float, { nullable: true, description: "The percentage, when the value is one." })
  percent!: number | null;

  @Field(() => Float, { nullable: true, description: "The head-count, when the source gives one." })
  count!: number | null;

  @Field({ description: "Who was measured." })
  population!: string;

  @Field(() => String, { nullable: true, description: "The survey's definition." })
  definition!: string | null;

  @Field(() => ConfirmationStatus, { description: "How firmly the figure was confirmed." })
  status!: ConfirmationStatus;
}
