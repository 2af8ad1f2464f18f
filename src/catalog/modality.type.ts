/** A treatment modality: medications, physical therapy and rehabilitation, interventional, behavioural, ... */
import { Field, ObjectType } from "type-graphql";
import { Node } from "../node/node.type";

@ObjectType("Modality", {
  implements: Node,
  description:
    "A kind of treatment (medications; physical therapy and rehabilitation; interventional; behavioural; ...).",
})
export class Modality extends Node {
  @Field({ description: "Name." })
  name!: string;

  @Field({ description: "What it covers." })
  description!: string;

  @Field(() => [String], { description: "The examples the source article gives for it." })
  articleExamples!: string[];

  @Field({ description: "True when the source article names this modality." })
  fromArticle!: boolean;
}
