/** One guideline statement about one treatment (or class) for one condition, with its grade and scope. */
import { Field, ID, Int, ObjectType } from "type-graphql";
import {
  ConfirmationStatus,
  Direction,
  EvidenceQuality,
  Phase,
  RecommendationKind,
  Strength,
  TherapyLine,
  TreatmentIntent,
} from "../model/enums";
import { Node } from "../node/node.type";

@ObjectType("Recommendation", {
  implements: Node,
  // Plain fields without type-graphql's wrapper: nothing guards them, and a field without a resolver is one a
  // loader may project (src/graph/projection.ts).
  simpleResolvers: true,
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

  @Field({
    description:
      "True when the statement is superseded: its whole guideline by a later one, or this statement alone " +
      "(supersededById), as AHS 2024 replaces only the preventive advice of AHS 2021.",
  })
  superseded!: boolean;

  @Field(() => ID, { nullable: true, description: "The statement that replaces this one, where one does." })
  supersededById!: string | null;

  @Field(() => TherapyLine, {
    nullable: true,
    description: "The line of therapy the guideline states, if any.",
  })
  line!: TherapyLine | null;

  @Field(() => EvidenceQuality, {
    nullable: true,
    description: "Quality of the evidence for this treatment, where the guideline grades it.",
  })
  evidenceQuality!: EvidenceQuality | null;

  @Field(() => TreatmentIntent, {
    nullable: true,
    description: "For attack disorders: acute or preventive treatment; null elsewhere or where unstated.",
  })
  intent!: TreatmentIntent | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A narrower population than the condition (e.g. spinal stenosis within sciatica); such a statement does " +
      "not count for the whole condition in a ranking.",
  })
  subpopulation!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Youngest age covered (CDC 2022: 18, adults only; NICE: 16); null when the source sets none.",
  })
  minAgeYears!: number | null;
}
