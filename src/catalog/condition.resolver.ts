/** Condition: root look-ups and pages, and its traversals (each through a per-request loader). */
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { foldedEnds, foldedLinksRead, projectionOf, type LinksRead } from "../graph/projection";
import type { RequestContext } from "../context";
import { BadUserInputError } from "../errors";
import { Recommendation } from "../evidence/recommendation.type";
import { foldedRecommendationRead, RecommendationFilter, toCriteria } from "../evidence/recommendation.input";
import { RECOMMENDATION_ENDS, type RecommendationRead } from "../evidence/recommendation.model";
import type { ConditionNode } from "../graph/node.records";
import { findOfType, ofTypes } from "../graph/typed-lookup";
import { codeKeyOf, icd10Key, snomedKey } from "../model/codes";
import { CodeSystem, Direction } from "../model/enums";
import { toConnection } from "../pagination/connection";
import { decodeCursor } from "../pagination/cursor";
import { pageSize } from "../pagination/page";
import { CareTeam, Management, RelatedCondition } from "./care-link.type";
import { ConditionConnection } from "./connections.type";
import { ConditionGroup } from "./condition-group.type";
import { ConditionOrderField, ConditionsArgs } from "./condition.input";
import { Condition, OveruseThreshold, Prevalence } from "./condition.type";
import { Treatment } from "./treatment.type";
import type { ConditionCriteria } from "./catalog.model";
import type { ConditionWithRecommendations } from "./condition.repository";

/** Where a conditions page's items list their recommendations, below the `conditions` field. */
const ITEM_RECOMMENDATIONS = ["edges", "node", "recommendations"];

/** Hands the loaders what a condition's read folded in: its recommendations, and their treatments' care links. */
function primeFolded(
  loaders: RequestContext["loaders"],
  read: RecommendationRead,
  deliveries: LinksRead | undefined,
  { condition, recommendations, deliveries: links }: ConditionWithRecommendations,
): void {
  loaders.evidence.prime("condition", condition.id, read, recommendations);
  if (!deliveries) return;
  for (const { treatmentId, links: ofTreatment } of links)
    loaders.graph.primeCareLinks(
      "deliveriesOfTreatment",
      treatmentId,
      deliveries.provider,
      deliveries.link,
      ofTreatment,
    );
}

function toConditionCriteria(args: ConditionsArgs): ConditionCriteria {
  const filter = args.filter ?? {};
  const code = filter.code?.trim();
  return {
    groupId: filter.groupId ?? null,
    category: filter.category ?? null,
    name: filter.name?.trim().toLowerCase() || null,
    codeKeys: code ? [...new Set([icd10Key(code), snomedKey(code)])] : null,
    treatedWith: filter.treatedWith ?? null,
  };
}

@Resolver(() => Condition)
export class ConditionResolver {
  @FieldResolver(() => [ID], {
    description:
      "Broader conditions it is a kind of (fibromyalgia and CRPS are chronic primary pain, NICE NG193): their " +
      "statements reach it in a ranking.",
  })
  parentIds(@Root() condition: ConditionNode): string[] {
    return condition.parentIds ?? [];
  }

  @FieldResolver(() => [Condition], { description: "The broader conditions of parentIds." })
  parents(@Root() condition: ConditionNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.many(condition.parentIds ?? []);
  }

  @FieldResolver(() => Boolean, {
    description:
      "True for attack disorders (migraine, cluster and tension-type headache): treated acutely or preventively.",
  })
  attackDisorder(@Root() condition: ConditionNode): boolean {
    return condition.attackDisorder === true;
  }

  @FieldResolver(() => [String], {
    description:
      "Generic ICD-10-CM codes it may be filed under that do not identify it (e.g. G89.29): search finds them, " +
      "conditionByCode does not.",
  })
  relatedCodes(@Root() condition: ConditionNode): string[] {
    return condition.relatedCodes ?? [];
  }

  @FieldResolver(() => [OveruseThreshold], {
    description:
      "For medication-overuse headache: the ICHD-3 overuse thresholds (days a month, months) per drug class.",
  })
  overuseThresholds(@Root() condition: ConditionNode): OveruseThreshold[] {
    const thresholds: OveruseThreshold[] = JSON.parse(condition.overuseThresholdsJson ?? "[]");
    return thresholds;
  }

  @Query(() => Condition, { nullable: true, description: "A condition by id; null when there is none." })
  condition(
    @Arg("id", () => ID, { description: "e.g. condition:fibromyalgia" }) id: string,
    @Ctx() { loaders }: RequestContext,
  ) {
    return findOfType(loaders.graph, id, "Condition");
  }

  @Query(() => Condition, {
    nullable: true,
    description: "The condition a clinical code identifies; null when none does.",
  })
  async conditionByCode(
    @Arg("system", () => CodeSystem, { description: "The code system." }) system: CodeSystem,
    @Arg("code", { description: "The code; for ICD-10-CM any case, with or without the dot (M79.7, m797)." })
    code: string,
    @Ctx() { repositories, loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const key = codeKeyOf(system, code);
    if (key.length === 0 || key.length > 32)
      throw new BadUserInputError('"code" must be 1 to 32 characters', "code");
    const read = foldedRecommendationRead(info, ["recommendations"]);
    if (!read) return repositories.conditions.findByCode(system, key, projectionOf(info));
    // Its recommendations come with it (and their treatments' care links when asked), and the loaders are handed
    // them for the fields that will ask.
    const deliveries = foldedLinksRead(info, ["recommendations", "treatment"], "deliveredBy");
    const found = await repositories.conditions.findByCodeWithRecommendations(
      system,
      key,
      projectionOf(info),
      read,
      deliveries,
    );
    if (found) primeFolded(loaders, read, deliveries, found);
    return found?.condition ?? null;
  }

  @Query(() => ConditionConnection, { description: "Conditions, filtered and keyset-paginated." })
  async conditions(
    @Args() args: ConditionsArgs,
    @Ctx() { repositories, loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const field = args.orderBy?.field ?? ConditionOrderField.NAME;
    const first = pageSize(args.first);
    const request = {
      field,
      direction: args.orderBy?.direction ?? "ASC",
      first,
      after: args.after ? decodeCursor(args.after) : null,
    } as const;
    const projection = projectionOf(info, ["edges", "node"]);
    const criteria = toConditionCriteria(args);
    const sortKeyOf = (row: ConditionNode) => (field === ConditionOrderField.NAME ? row.name : row.id);
    const read = loaders.graph.batching ? foldedRecommendationRead(info, ITEM_RECOMMENDATIONS) : null;
    if (!read)
      return toConnection(await repositories.conditions.page(criteria, request, projection), sortKeyOf);
    // Each condition's recommendations come with the page, and with them their treatments' care links when asked;
    // the loaders are handed both for the fields that ask.
    const deliveries = foldedLinksRead(info, [...ITEM_RECOMMENDATIONS, "treatment"], "deliveredBy");
    const page = await repositories.conditions.pageWithRecommendations(
      criteria,
      request,
      projection,
      read,
      deliveries,
    );
    for (const row of page.rows) primeFolded(loaders, read, deliveries, row);
    return toConnection({ ...page, rows: page.rows.map((row) => row.condition) }, sortKeyOf);
  }

  @FieldResolver(() => [ConditionGroup], {
    description: "The founding overview's umbrella groups this condition belongs to.",
  })
  groups(@Root() condition: ConditionNode, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.related("groupsOfCondition").load(condition.id);
  }

  @FieldResolver(() => Prevalence, {
    nullable: true,
    description: "How common it is, cited; null when unconfirmed.",
  })
  prevalence(@Root() condition: ConditionNode) {
    if (!condition.prevalenceText) return null;
    return { text: condition.prevalenceText, status: condition.prevalenceStatus, conditionId: condition.id };
  }

  @FieldResolver(() => [Recommendation], {
    description: "Every guideline statement about this condition (for, against, neutral), strongest first.",
  })
  recommendations(
    @Root() condition: ConditionNode,
    @Arg("filter", () => RecommendationFilter, { nullable: true, description: "Restrict the statements." })
    filter: RecommendationFilter | null,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loaders.evidence.recommendations(
      "condition",
      condition.id,
      toCriteria(filter),
      projectionOf(info),
      foldedEnds(info, RECOMMENDATION_ENDS),
    );
  }

  @FieldResolver(() => [Treatment], {
    description:
      "Distinct treatments that guidelines speak of in this direction for this condition. Defaults to FOR, so a " +
      "'do not offer' never reads as a treatment for it.",
  })
  treatments(
    @Root() condition: ConditionNode,
    @Arg("direction", () => Direction, {
      defaultValue: Direction.FOR,
      description: "Which statements count.",
    })
    direction: Direction,
    @Ctx() { loaders }: RequestContext,
  ) {
    return loaders.catalog.treatmentsByCondition.load(condition.id, direction);
  }

  @FieldResolver(() => CareTeam, {
    description:
      "Who delivers the treatments guidelines recommend FOR this condition (FOR recommendations only).",
  })
  async careTeam(@Root() condition: ConditionNode, @Ctx() { loaders }: RequestContext) {
    const providers = await loaders.catalog.careTeamByCondition.load(condition.id);
    return { disciplines: ofTypes(providers, "Discipline"), professions: ofTypes(providers, "Profession") };
  }

  @FieldResolver(() => [RelatedCondition], {
    description: "Conditions sharing FOR-recommended treatments with this one, most similar first.",
  })
  async relatedConditions(
    @Root() condition: ConditionNode,
    @Arg("first", () => Int, { defaultValue: 5, description: "How many, at most 20." }) first: number,
    @Ctx() { loaders }: RequestContext,
  ) {
    const limit = pageSize(first, "first", 20);
    const related = await loaders.catalog.relatedByCondition.load(condition.id, limit);
    return related.map((item) => ({
      ...item,
      sharedTreatments: loaders.graph.many(item.sharedTreatmentIds),
    }));
  }

  @FieldResolver(() => [Management], {
    description: "Disciplines and professions that manage this condition.",
  })
  managedBy(
    @Root() condition: ConditionNode,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loaders.graph.careLinks(
      "managementsOfCondition",
      condition.id,
      projectionOf(info, ["provider"]),
      projectionOf(info),
    );
  }
}
