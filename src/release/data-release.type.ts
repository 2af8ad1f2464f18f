/** GraphQL types for the loaded data release. */
import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";

@ObjectType({ description: "How many nodes of each kind the graph holds right now." })
export class DataCounts {
  @Field(() => Int, { description: "Umbrella condition groups from the founding overview." })
  conditionGroups!: number;

  @Field(() => Int, { description: "Concrete pain conditions." })
  conditions!: number;

  @Field(() => Int, { description: "Treatments and treatment classes." })
  treatments!: number;

  @Field(() => Int, { description: "Treatment modalities (medications, physical therapy, ...)." })
  modalities!: number;

  @Field(() => Int, { description: "Specialist disciplines." })
  disciplines!: number;

  @Field(() => Int, { description: "Collaborating professions." })
  professions!: number;

  @Field(() => Int, { description: "Guidelines and other sources that issue recommendations." })
  guidelines!: number;

  @Field(() => Int, { description: "Other cited sources (surveys, statistics, web pages)." })
  sources!: number;

  @Field(() => Int, { description: "Graded guideline recommendations." })
  recommendations!: number;

  @Field(() => Int, { description: "Myths about pain specialists, with corrections." })
  myths!: number;

  @Field(() => Int, { description: "Population statistics about chronic pain." })
  statistics!: number;
}

@ObjectType({
  description: "The version of the knowledge graph being served: when it was loaded and what it holds.",
})
export class DataRelease {
  @Field(() => Int, { description: "Increases by one with every load that changed the graph." })
  version!: number;

  @Field(() => DateTimeISOResolver, { description: "When this version was loaded." })
  loadedAt!: string;

  @Field({ description: "SHA-256 of the seed files this version was loaded from." })
  checksum!: string;

  @Field({ description: "True for generated benchmark data, never true for the curated graph." })
  synthetic!: boolean;

  @Field(() => DataCounts, { description: "Live counts of each kind of node." })
  counts!: DataCounts;
}
