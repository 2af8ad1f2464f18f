/** Condition.synonyms and Treatment.synonyms: the curated vocabulary stored on each node. */
import { Arg, FieldResolver, Resolver, Root } from "type-graphql";
import { Condition } from "../catalog/condition.type";
import { Treatment } from "../catalog/treatment.type";
import type { ConditionNode, TreatmentNode } from "../graph/node.records";
import { SynonymKind } from "../model/enums";
import { Synonym } from "./synonym.type";

function synonymsOf(node: ConditionNode | TreatmentNode, kinds: SynonymKind[] | null): Synonym[] {
  const reasons = node.synonymReasons ?? [];
  const sources = node.synonymSources ?? [];
  const kindList = node.synonymKinds ?? [];
  return (node.synonymTerms ?? [])
    .map((term, i) => ({
      term,
      kind: kindList[i] ?? SynonymKind.CLINICAL,
      source: sources[i] ?? "curated",
      reason: reasons[i] || null,
    }))
    .filter((synonym) => !kinds || kinds.length === 0 || kinds.includes(synonym.kind));
}

const DESCRIPTION =
  "Curated synonyms search finds it by (clinical, lay, brand, misspelling), each with its source.";
const KINDS = { nullable: true, description: "Only these kinds; all when omitted." } as const;

@Resolver(() => Condition)
export class ConditionSynonymsResolver {
  @FieldResolver(() => [Synonym], { description: DESCRIPTION })
  synonyms(
    @Root() node: ConditionNode,
    @Arg("kinds", () => [SynonymKind], KINDS) kinds: SynonymKind[] | null,
  ) {
    return synonymsOf(node, kinds);
  }
}

@Resolver(() => Treatment)
export class TreatmentSynonymsResolver {
  @FieldResolver(() => [Synonym], { description: DESCRIPTION })
  synonyms(
    @Root() node: TreatmentNode,
    @Arg("kinds", () => [SynonymKind], KINDS) kinds: SynonymKind[] | null,
  ) {
    return synonymsOf(node, kinds);
  }
}
