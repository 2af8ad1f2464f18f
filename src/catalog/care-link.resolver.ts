/** The ends and sources of care links; an end the query came from is loaded by id through the same loader. */
import { type ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citable } from "../evidence/citable.type";
import type { CareLinkRecord } from "../graph/entity.model";
import { Collaboration, Delivery, Management } from "./care-link.type";
import { CareProvider } from "./care-provider.type";
import { Condition } from "./condition.type";
import { Treatment } from "./treatment.type";

/** The traversals shared by several types, bound to one of them (type-graphql resolver inheritance). */
function linkResolver<T extends object>(LinkClass: ClassType<T>) {
  @Resolver(() => LinkClass)
  abstract class LinkResolver {
    @FieldResolver(() => CareProvider, { description: "The discipline or profession." })
    provider(@Root() link: CareLinkRecord, @Ctx() { loaders }: RequestContext) {
      return loaders.graph.end(link.provider);
    }

    @FieldResolver(() => [Citable], { description: "Sources for a CITED link; empty for a CONVENTION." })
    sources(@Root() link: CareLinkRecord, @Ctx() { loaders }: RequestContext) {
      return loaders.graph.many(link.sourceIds);
    }
  }
  return LinkResolver;
}

@Resolver(() => Delivery)
export class DeliveryResolver extends linkResolver(Delivery) {
  @FieldResolver(() => Treatment, { description: "The treatment delivered." })
  treatment(@Root() link: CareLinkRecord, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.end(link.target);
  }
}

@Resolver(() => Management)
export class ManagementResolver extends linkResolver(Management) {
  @FieldResolver(() => Condition, { description: "The condition managed." })
  condition(@Root() link: CareLinkRecord, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.end(link.target);
  }
}

@Resolver(() => Collaboration)
export class CollaborationResolver extends linkResolver(Collaboration) {
  @FieldResolver(() => CareProvider, { description: "The provider worked with." })
  partner(@Root() link: CareLinkRecord, @Ctx() { loaders }: RequestContext) {
    return loaders.graph.end(link.target);
  }
}

export const CareLinkResolvers = [DeliveryResolver, ManagementResolver, CollaborationResolver] as const;
