/** recommendTreatments and the fields of its result that load more data (through the request's loaders). */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { CareTeam, Delivery } from "../catalog/care-link.type";
import { Condition } from "../catalog/condition.type";
import { Treatment } from "../catalog/treatment.type";
import type { RequestContext } from "../context";
import type { DisciplineOrProfessionNode } from "../graph/node.records";
import { selects } from "../graph/selection";
import { ofTypes } from "../graph/typed-lookup";
import { DataRelease } from "../release/data-release.type";
import { toEntity } from "../graph/entity.model";
import { ALL, projectionOf } from "../graph/projection";
import type { CandidateTreatment, ExcludedItem } from "./ranking.model";
import { RecommendTreatmentsInput } from "./recommend.input";
import {
  recommendTreatments,
  type RankedItemResult,
  type RecommendationResultRecord,
} from "./recommend.service";
import { ExcludedTreatment, RankedTreatment } from "./recommend.type";
import { RecommendationResult } from "./recommendation-result.type";

@Resolver(() => RecommendationResult)
export class RecommendationResultResolver {
  @Query(() => RecommendationResult, {
    description:
      "Treatments for one or more conditions, ranked by the guidelines' evidence (stronger, more consistent, earlier " +
      "line first; at equal evidence non-opioid and less invasive first), each with its citations, conflicts, " +
      "who delivers it and warnings; plus what was left out and why. Informs, does not prescribe: show the disclaimer.",
  })
  recommendTreatments(
    @Arg("input", () => RecommendTreatmentsInput, { description: "Conditions, filters and weights." })
    input: RecommendTreatmentsInput,
    @Ctx() { repositories }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Warnings are read only when asked for: at scale they are most of the ranking's cost (BENCHMARKS.md, W3).
    const withWarnings = selects(info, ["items", "warnings"]);
    const withPrecautions =
      selects(info, ["items", "precautions"]) || selects(info, ["excluded", "precautions"]);
    return recommendTreatments(input, repositories.recommend, { withWarnings, withPrecautions });
  }

  @FieldResolver(() => CareTeam, {
    description: "Who manages the requested conditions and who delivers the ranked treatments.",
  })
  async careTeam(@Root() result: RecommendationResultRecord, @Ctx() { loaders }: RequestContext) {
    const [managing, delivering] = await Promise.all([
      Promise.all(
        result.conditions.map(({ condition }) =>
          loaders.graph.careLinks("managementsOfCondition", condition.id),
        ),
      ),
      Promise.all(
        result.items.map((item) => loaders.graph.careLinks("deliveriesOfTreatment", item.treatment.id)),
      ),
    ]);
    const providers = new Map<string, DisciplineOrProfessionNode>();
    for (const link of [...managing.flat(), ...delivering.flat()]) {
      if (typeof link.provider !== "string") providers.set(link.provider.id, link.provider);
    }
    const sorted = [...providers.values()].sort((a, b) => a.name.localeCompare(b.name));
    return { disciplines: ofTypes(sorted, "Discipline"), professions: ofTypes(sorted, "Profession") };
  }

  @FieldResolver(() => DataRelease, {
    nullable: true,
    description: "The data release the ranking was computed from.",
  })
  dataRelease(@Ctx() { repositories }: RequestContext) {
    return repositories.dataRelease.findCurrent();
  }
}

/** The stored properties the ranking's statement reads of each candidate treatment (RESOLVE_WITH_EVIDENCE). */
const CANDIDATE_PROPERTIES: readonly string[] = ["name", "opioid", "invasivenessMax", "isClass"];

/**
 * An item's treatment: from the candidate the ranking already read when the selection asks nothing else of it (no
 * round trip), else through the loader with the selection's properties.
 */
function treatmentOf(
  candidate: CandidateTreatment,
  loaders: RequestContext["loaders"],
  info: GraphQLResolveInfo,
) {
  const projection = projectionOf(info);
  if (projection === ALL || projection.some((property) => !CANDIDATE_PROPERTIES.includes(property)))
    return loaders.graph.entity(candidate.id, projection);
  const properties: Record<string, unknown> = { id: candidate.id };
  for (const property of projection) properties[property] = candidate[property as keyof CandidateTreatment];
  return toEntity(properties, "Treatment");
}

@Resolver(() => RankedTreatment)
export class RankedTreatmentResolver {
  @FieldResolver(() => Treatment, { description: "The treatment." })
  treatment(
    @Root() item: RankedItemResult,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return treatmentOf(item.treatment, loaders, info);
  }

  @FieldResolver(() => [Condition], {
    description: "The requested conditions this treatment has support for.",
  })
  conditionsCovered(@Root() item: RankedItemResult, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.many(item.conditionsCovered);
  }

  @FieldResolver(() => [Delivery], {
    description: "Who delivers it, each link CITED or a documented CONVENTION.",
  })
  deliveredBy(@Root() item: RankedItemResult, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.careLinks("deliveriesOfTreatment", item.treatment.id);
  }
}

@Resolver(() => ExcludedTreatment)
export class ExcludedTreatmentResolver {
  @FieldResolver(() => Treatment, { description: "The treatment left out." })
  treatment(
    @Root() item: ExcludedItem,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return treatmentOf(item.treatment, loaders, info);
  }
}
