/** Care links with their basis: cited, or a documented convention. */
import { Field, Float, ObjectType } from "type-graphql";
import { LinkBasis } from "../model/enums";
import { Condition } from "./condition.type";
import { Discipline, Profession } from "./care-provider.type";
import { Treatment } from "./treatment.type";

@ObjectType("Delivery", {
  // Hot leaf type: plain fields skip type-graphql's middleware wrapper (measured in BENCHMARKS.md).
  simpleResolvers: true,
  description: "A provider delivers a treatment; says whether that is cited or a convention.",
})
export class Delivery {
  @Field(() => LinkBasis, { description: "CITED (see sources) or CONVENTION (usual US practice)." })
  basis!: LinkBasis;

  @Field(() => String, { nullable: true, description: "A qualifying note." })
  note!: string | null;
}

@ObjectType("Management", {
  simpleResolvers: true,
  description: "A provider manages a condition; cited or a convention.",
})
export class Management {
  @Field(() => LinkBasis, { description: "CITED (see sources) or CONVENTION." })
  basis!: LinkBasis;

  @Field(() => String, { nullable: true, description: "A qualifying note." })
  note!: string | null;
}

@ObjectType("Collaboration", { description: "Two providers who work together; cited or a convention." })
export class Collaboration {
  @Field(() => LinkBasis, { description: "CITED (see sources) or CONVENTION." })
  basis!: LinkBasis;

  @Field(() => String, { nullable: true, description: "A qualifying note." })
  note!: string | null;
}

@ObjectType("CareTeam", { description: "Who is involved: the disciplines and professions." })
export class CareTeam {
  @Field(() => [Discipline], { description: "Specialist disciplines." })
  disciplines!: Discipline[];

  @Field(() => [Profession], { description: "Collaborating professions." })
  professions!: Profession[];
}

@ObjectType("RelatedCondition", {
  description: "A condition that shares recommended treatments with another.",
})
export class RelatedCondition {
  @Field(() => Condition, { description: "The related condition." })
  condition!: Condition;

  @Field(() => Float, {
    description: "Jaccard similarity (0–1) of the two conditions' sets of FOR-recommended treatments.",
  })
  similarity!: number;

  @Field(() => [Treatment], { description: "The FOR-recommended treatments they share." })
  sharedTreatments!: Treatment[];
}
