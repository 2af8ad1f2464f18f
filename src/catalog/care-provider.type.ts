/** Who delivers care: specialist disciplines and collaborating professions. */
import { Field, InterfaceType, ObjectType } from "type-graphql";
import { typenameOf } from "../graph/entity.model";
import { Node } from "../node/node.type";

@InterfaceType("CareProvider", {
  implements: Node,
  description: "A specialist discipline or a collaborating profession.",
  resolveType: typenameOf,
})
export abstract class CareProvider extends Node {
  @Field({ description: "Name." })
  name!: string;

  @Field(() => [String], { description: "Other names (e.g. PM&R for physiatry)." })
  aliases!: string[];

  @Field({ description: "Who they are." })
  description!: string;

  @Field({
    description: "Deprecated name of namedInFoundingOverview.",
    deprecationReason: "Use namedInFoundingOverview: the same value under a name that says what it means.",
  })
  fromArticle!: boolean;

  @Field({
    description:
      "True when PainGraph's founding overview (a patient-education overview of pain-management specialists " +
      "that set the project's first scope; uncited, see docs/data-model.md) names them.",
  })
  namedInFoundingOverview!: boolean;
}

@ObjectType("Discipline", {
  // Hot leaf type: plain fields skip type-graphql's middleware wrapper (measured in BENCHMARKS.md).
  simpleResolvers: true,
  implements: [Node, CareProvider],
  description:
    "A specialist discipline (anesthesiology, neurology, physiatry, psychology, pain medicine, ...).",
})
export class Discipline extends CareProvider {}

@ObjectType("Profession", {
  // Hot leaf type: plain fields skip type-graphql's middleware wrapper (measured in BENCHMARKS.md).
  simpleResolvers: true,
  implements: [Node, CareProvider],
  description: "A collaborating profession (primary care physicians, surgeons, chiropractors, ...).",
})
export class Profession extends CareProvider {}
