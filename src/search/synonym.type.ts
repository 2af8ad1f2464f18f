/** A curated synonym of a condition or treatment: the word, its kind and where it comes from. */
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { SynonymKind } from "../model/enums";

registerEnumType(SynonymKind, {
  name: "SynonymKind",
  description: "What kind of word a synonym is.",
  valuesConfig: {
    CLINICAL: { description: "A clinical or coding synonym (gonarthrosis, postlaminectomy syndrome)." },
    LAY: { description: "How patients say it (slipped disc, bad back)." },
    BRAND: { description: "A brand name of the drug or device (Lyrica, Tylenol)." },
    MISSPELLING: { description: "A common misspelling, kept so search finds the right entity." },
  },
});

@ObjectType("Synonym", { description: "Another word search finds this entity by, with its source." })
export class Synonym {
  @Field({ description: "The word or phrase." })
  term!: string;

  @Field(() => SynonymKind, { description: "Clinical, lay, brand or misspelling." })
  kind!: SynonymKind;

  @Field({
    description:
      "Where it comes from: a reference row or source id (e.g. P051, C03, FDA-SCS-PDN), a drug label " +
      "('label:…'), or 'curated' with a reason.",
  })
  source!: string;

  @Field(() => String, { nullable: true, description: "Why a curated synonym is right." })
  reason!: string | null;
}
