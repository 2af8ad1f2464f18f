/** Search hits: a score and the matched node, which may be of any searchable type. */
import { createUnionType, Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { MatchField } from "./vocabulary";
import { Condition } from "../catalog/condition.type";
import { ConditionGroup } from "../catalog/condition-group.type";
import { Discipline, Profession } from "../catalog/care-provider.type";
import { Modality } from "../catalog/modality.type";
import { Treatment } from "../catalog/treatment.type";
import { Guideline } from "../evidence/guideline.type";
import { Myth } from "../facts/myth.type";
import { typenameOf } from "../graph/entity.model";

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

registerEnumType(MatchField, {
  name: "SearchMatchField",
  description: "Which of a node's fields a search or suggestion matched.",
  valuesConfig: {
    NAME: { description: "The node's own name (or title)." },
    ALIAS: { description: "One of its aliases, or a name given in parentheses in its name." },
    CLINICAL: { description: "A clinical synonym." },
    LAY: { description: "A lay term: how patients say it." },
    BRAND: { description: "A brand name of the drug or device." },
    MISSPELLING: { description: "A common misspelling of its name." },
    CODE: { description: "An ICD-10-CM or SNOMED CT code." },
    DESCRIPTION: { description: "Every word of the query is in its description; the weakest kind of match." },
  },
});

export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "Anything search can find.",
  types: () =>
    [Condition, Treatment, Guideline, Discipline, Profession, Modality, ConditionGroup, Myth] as const,
  resolveType: typenameOf,
});

@ObjectType("SearchHit", { description: "One search result: the matched node and how well it matched." })
export class SearchHit {
  @Field(() => Float, {
    description:
      "Relevance: higher is better. An exactly typed code scores 1000; a text match scores from 0.55 (the " +
      "minimum shown) to 1.2 (a name or synonym typed exactly), weighted by the field it matched.",
  })
  score!: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The name, synonym or code that matched, as stored (e.g. 'Lyrica' for gabapentinoids), so a client can " +
      "show or highlight it; null for a description match.",
  })
  matchedText!: string | null;

  @Field(() => MatchField, { description: "Which field matched." })
  matchedField!: MatchField;

  /** Resolved to `node` through the request's entity loader. */
  nodeId!: string;
}
