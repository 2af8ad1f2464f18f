/** Search hits: a score and the matched node, which may be of any searchable type. */
import { createUnionType, Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { Condition } from "../catalog/condition.type";
import { ConditionGroup } from "../catalog/condition-group.type";
import { Discipline, Profession } from "../catalog/care-provider.type";
import { Modality } from "../catalog/modality.type";
import { Treatment } from "../catalog/treatment.type";
import { Guideline } from "../evidence/guideline.type";
import { Myth } from "../facts/myth.type";
import type { EntityRecord } from "../graph/entity.model";

export enum SearchableType {
  CONDITION = "Condition",
  TREATMENT = "Treatment",
  GUIDELINE = "Guideline",
  DISCIPLINE = "Discipline",
  PROFESSION = "Profession",
  MODALITY = "Modality",
  CONDITION_GROUP = "ConditionGroup",
  MYTH = "Myth",
}

registerEnumType(SearchableType, {
  name: "SearchableType",
  description: "The kinds of node search can return.",
  valuesConfig: {
    CONDITION: {
      description: "Conditions (names, lay aliases, ICD-10-CM and SNOMED CT codes, descriptions).",
    },
    TREATMENT: { description: "Treatments and treatment classes." },
    GUIDELINE: { description: "Guidelines (titles)." },
    DISCIPLINE: { description: "Specialist disciplines." },
    PROFESSION: { description: "Collaborating professions." },
    MODALITY: { description: "Treatment modalities." },
    CONDITION_GROUP: { description: "The founding overview's umbrella condition groups." },
    MYTH: { description: "Myths and their corrections." },
  },
});

export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "Anything search can find.",
  types: () =>
    [Condition, Treatment, Guideline, Discipline, Profession, Modality, ConditionGroup, Myth] as const,
  resolveType: (value) => (value as unknown as EntityRecord).__typename ?? undefined,
});

@ObjectType("SearchHit", { description: "One search result: the matched node and how well it matched." })
export class SearchHit {
  @Field(() => Float, {
    description:
      "Relevance: higher is better; an exactly typed code scores 1000, text matches score by Lucene relevance.",
  })
  score!: number;

  @Field(() => SearchResult, { description: "The node that matched." })
  node!: typeof SearchResult;
}
