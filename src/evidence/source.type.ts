/** A cited source that is not a guideline: surveys, statistics reports, public web pages. */
import { ObjectType } from "type-graphql";
import { Node } from "../node/node.type";
import { Citable } from "./citable.type";

@ObjectType("Source", {
  implements: [Node, Citable],
  description: "A cited source that is not a guideline (a survey report, a public web page, a review).",
})
export class Source extends Citable {}
