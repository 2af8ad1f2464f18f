/** A treatment or a treatment class (e.g. opioids ⊃ tramadol). */
import type { TreatmentNode } from "../graph/node.records";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../node/node.type";

@ObjectType("Treatment", {
  // Hot leaf type: plain fields skip type-graphql's middleware wrapper (measured in BENCHMARKS.md).
  simpleResolvers: true,
  implements: Node,
  description:
    "A treatment, or a class of treatments (isClass) that guidelines speak of as a whole. Invasiveness is a range " +
    "0–3: 0 non-invasive, 1 needle or injection, 2 percutaneous procedure, 3 implant or surgery.",
})
export class Treatment extends Node implements Partial<TreatmentNode> {
  @Field({ description: "Name." })
  name!: string;

  @Field({ description: "What it is." })
  description!: string;

  @Field(() => [String], { description: "Other names people use." })
  aliases!: string[];

  @Field(() => [String], { description: "Examples (drugs, techniques)." })
  examples!: string[];

  @Field({ description: "True for opioids (including tramadol and tapentadol)." })
  opioid!: boolean;

  @Field(() => Int, { description: "Least invasive form, 0–3." })
  invasivenessMin!: number;

  @Field(() => Int, { description: "Most invasive form, 0–3; filters compare with this." })
  invasivenessMax!: number;

  @Field({ description: "True for a class of treatments; its members are listed under members." })
  isClass!: boolean;

  @Field(() => String, { nullable: true, description: "Row of PainGraph's curated reference (e.g. T11)." })
  refId!: string | null;
}
