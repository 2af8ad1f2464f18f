/** A treatment modality: medications, physical therapy and rehabilitation, interventional, behavioural, ... */
import type { ModalityNode } from "../graph/node.records";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../node/node.type";

@ObjectType("Modality", {
  implements: Node,
  description:
    "A kind of treatment (medications; physical therapy and rehabilitation; interventional; behavioural; ...).",
})
export class Modality extends Node implements Partial<ModalityNode> {
  @Field({ description: "Name." })
  name!: string;

  @Field({ description: "What it covers." })
  description!: string;

  @Field(() => [String], {
    description: "Deprecated name of overviewExamples.",
    deprecationReason: "Use overviewExamples: the same value under a name that says what it means.",
  })
  articleExamples!: string[];

  @Field(() => [String], {
    description: "The examples PainGraph's founding overview gives for this modality (docs/data-model.md).",
  })
  overviewExamples!: string[];

  @Field({
    description: "Deprecated name of namedInFoundingOverview.",
    deprecationReason: "Use namedInFoundingOverview: the same value under a name that says what it means.",
  })
  fromArticle!: boolean;

  @Field({ description: "True when PainGraph's founding overview names this modality (docs/data-model.md)." })
  namedInFoundingOverview!: boolean;
}
