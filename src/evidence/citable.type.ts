/** Citable: anything a fact in the graph cites — a guideline or another source. */
import { Field, Int, InterfaceType } from "type-graphql";
import { typenameOf } from "../graph/entity.model";
import { ConfirmationStatus } from "../model/enums";
import { Node } from "../node/node.type";

@InterfaceType("Citable", {
  implements: Node,
  description: "A guideline or other source that facts in the graph cite.",
  resolveType: typenameOf,
})
export abstract class Citable extends Node {
  @Field({ description: "Full title of the document." })
  title!: string;

  @Field(() => Int, { nullable: true, description: "Year of publication." })
  year!: number | null;

  @Field(() => String, { nullable: true, description: "Where to read it." })
  url!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Digital Object Identifier, without the https://doi.org/ prefix.",
  })
  doi!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Identifier of this source in PainGraph's curated reference (e.g. ACP2017).",
  })
  refId!: string | null;

  @Field(() => ConfirmationStatus, { description: "How firmly this source's details were confirmed." })
  status!: ConfirmationStatus;
}
