/** Disciplines and professions: the lists, and what each delivers, manages and whom it works with. */
import { type ClassType, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citable } from "../evidence/citable.type";
import type { DisciplineOrProfessionNode } from "../graph/node.records";
import { Collaboration, Delivery, Management } from "./care-link.type";
import { type CareProvider, Discipline, Profession } from "./care-provider.type";

/** The same traversals for both provider types; type-graphql resolver inheritance keeps them in one place. */
/** The traversals shared by several types, bound to one of them (type-graphql resolver inheritance). */
function providerResolver<T extends object>(ProviderClass: ClassType<T>) {
  @Resolver(() => ProviderClass)
  abstract class ProviderResolver {
    @FieldResolver(() => [Delivery], {
      description: "The treatments this provider delivers, each link CITED or CONVENTION.",
    })
    delivers(@Root() provider: DisciplineOrProfessionNode, @Ctx() { loaders }: RequestContext) {
      return loaders.graph.careLinks("deliveriesOfProvider", provider.id);
    }

    @FieldResolver(() => [Management], { description: "The conditions this provider manages." })
    manages(@Root() provider: DisciplineOrProfessionNode, @Ctx() { loaders }: RequestContext) {
      return loaders.graph.careLinks("managementsOfProvider", provider.id);
    }

    @FieldResolver(() => [Collaboration], {
      description: "The disciplines and professions this provider works with.",
    })
    worksWith(@Root() provider: DisciplineOrProfessionNode, @Ctx() { loaders }: RequestContext) {
      return loaders.graph.careLinks("collaborationsOfProvider", provider.id);
    }

    @FieldResolver({
      description:
        "True when PainGraph's founding overview (a patient-education overview of pain-management specialists " +
        "that set the project's first scope; uncited, see docs/data-model.md) names them.",
    })
    namedInFoundingOverview(@Root() provider: CareProvider): boolean {
      return provider.fromArticle;
    }

    @FieldResolver(() => [Citable], { description: "Sources for what is said about this provider." })
    sources(@Root() provider: DisciplineOrProfessionNode, @Ctx() { loaders }: RequestContext) {
      return loaders.graph.related("citationsOf").load(provider.id);
    }
  }
  return ProviderResolver;
}

@Resolver(() => Discipline)
export class DisciplineResolver extends providerResolver(Discipline) {
  @Query(() => [Discipline], { description: "Specialist disciplines, the founding overview's four first." })
  disciplines(@Ctx() { repositories }: RequestContext) {
    return repositories.catalog.list("disciplines");
  }
}

@Resolver(() => Profession)
export class ProfessionResolver extends providerResolver(Profession) {
  @Query(() => [Profession], { description: "The collaborating professions." })
  professions(@Ctx() { repositories }: RequestContext) {
    return repositories.catalog.list("professions");
  }
}
