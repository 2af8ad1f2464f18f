/** A guideline in the broad sense: any document whose statements PainGraph stores as recommendations. */
import type { GuidelineNode } from "../graph/node.records";
import { Field, ObjectType } from "type-graphql";
import { DocumentType, GradingScheme, Jurisdiction } from "../model/enums";
import { Node } from "../node/node.type";
import { Citable } from "./citable.type";

@ObjectType("Guideline", {
  implements: [Node, Citable],
  // Plain fields without type-graphql's wrapper: nothing guards them, and a field without a resolver is one a
  // loader may project (src/graph/projection.ts).
  simpleResolvers: true,
  description:
    "A clinical guideline, consensus statement, regulatory communication or review whose statements are stored " +
    "as recommendations, each keeping this document's own grade.",
})
// refId and year are nullable on Citable (a source may lack them); every guideline has both.
export class Guideline extends Citable implements Partial<Omit<GuidelineNode, "refId" | "year">> {
  @Field({ description: "The body that issued it (e.g. NICE, ACP, CDC)." })
  publisher!: string;

  @Field({ description: "The grading system in the guideline's own words, verbatim." })
  gradingSystem!: string;

  @Field(() => GradingScheme, {
    description: "The family of grading system; decides how raw grades map to Strength.",
  })
  gradingScheme!: GradingScheme;

  @Field(() => DocumentType, { description: "What kind of document this is." })
  documentType!: DocumentType;

  @Field(() => Jurisdiction, { description: "Where the issuing body is based." })
  jurisdiction!: Jurisdiction;
}
