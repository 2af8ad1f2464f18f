/** One guideline statement about one treatment (or class) for one condition, with its grade and scope. */
import { Field, Int, ObjectType } from "type-graphql";
import { ConfirmationStatus, Direction, Phase, RecommendationKind, Strength } from "../model/enums";
import { Node } from "../node/node.type";

@ObjectType("Recommendation", {
  implements: Node,
  description:
    "One guideline statement about one treatment (or treatment class) for one condition. It always cites its " +
    "guideline and keeps the guideline's raw grade beside PainGraph's normalised strength.",
})
export class Recommendation extends Node {
  @Field(() => Direction, { description: "For, against, or neither." })
  direction!: Direction;

  @Field(() => Strength, { description: "Normalised strength, mapped from rawGrade by the documented rule." })
  strength!: Strength;

  @Field(() => RecommendationKind, {
    description: "Recommendation, consensus, evidence summary, safety warning, ...",
  })
  kind!: RecommendationKind;

  @Field({ description: "The guideline's own grade, verbatim (empty when the guideline gives none)." })
  rawGrade!: string;

  @Field({ description: "The guideline's grading system, verbatim." })
  gradingSystem!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Line of therapy (1 = first line) where the guideline states one.",
  })
  lineOfTherapy!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The guideline's wording about sequence, e.g. 'after NSAID'.",
  })
  lineNote!: string | null;

  @Field(() => [Phase], {
    description: "The phases of pain this statement is scoped to; [ANY] when unrestricted.",
  })
  phases!: Phase[];

  @Field(() => String, {
    nullable: true,
    description: "Population the guideline restricts it to, in its words.",
  })
  population!: string | null;

  @Field(() => [String], {
    description: "Conditions the guideline attaches, e.g. 'after a positive diagnostic block'.",
  })
  prerequisites!: string[];

  @Field({
    description: "True when the treatment is recommended only as part of a package (e.g. with exercise).",
  })
  adjunctOnly!: boolean;

  @Field({ description: "What the guideline says, in PainGraph's own plain words." })
  statement!: string;

  @Field({ description: "The row of PainGraph's curated reference this record comes from (e.g. R014)." })
  refRow!: string;

  @Field(() => ConfirmationStatus, { description: "How firmly the reference row was confirmed." })
  refStatus!: ConfirmationStatus;

  @Field({ description: "True when the guideline has been superseded by a later one." })
  superseded!: boolean;
}
