/** Curation mutations (CURATOR only): each turns its input into an operation and hands it to the service. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { requirePrincipal, Role } from "../auth/principal";
import type { RequestContext } from "../context";
import { CareLinkType } from "../model/enums";
import type { AppliedChange } from "./curation.service";
import {
  ConditionInput,
  DeliveryInput,
  GuidelineInput,
  RecommendationInput,
  TreatmentInput,
} from "./curation.input";
import { Change, MutationResult } from "./curation.type";
import {
  createFromInput,
  deleteOperation,
  linkDeliveryOperation,
  type Operation,
  unlinkDeliveryOperation,
  updateFromInput,
} from "./operations";

@Resolver(() => MutationResult)
export class CurationResolver {
  private async run(operation: Operation, context: RequestContext): Promise<AppliedChange> {
    const principal = await requirePrincipal(context.principal);
    const applied = await context.services.curation.apply(operation, principal);
    context.refreshLoaders();
    return applied;
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, { description: "Create a condition (CURATOR)." })
  createCondition(
    @Arg("input", () => ConditionInput, { description: "The new condition." }) input: ConditionInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(createFromInput("conditions", input), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, {
    description: "Change a condition; omitted fields keep their values (CURATOR).",
  })
  updateCondition(
    @Arg("input", () => ConditionInput, { description: "The id and the fields to change." })
    input: ConditionInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(updateFromInput("conditions", input), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, { description: "Create a treatment (CURATOR)." })
  createTreatment(
    @Arg("input", () => TreatmentInput, { description: "The new treatment." }) input: TreatmentInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(createFromInput("treatments", input), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, {
    description: "Change a treatment; omitted fields keep their values (CURATOR).",
  })
  updateTreatment(
    @Arg("input", () => TreatmentInput, { description: "The id and the fields to change." })
    input: TreatmentInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(updateFromInput("treatments", input), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, { description: "Create a guideline (CURATOR)." })
  createGuideline(
    @Arg("input", () => GuidelineInput, { description: "The new guideline." }) input: GuidelineInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(createFromInput("guidelines", input), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, {
    description: "Change a guideline; omitted fields keep their values (CURATOR).",
  })
  updateGuideline(
    @Arg("input", () => GuidelineInput, { description: "The id and the fields to change." })
    input: GuidelineInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(updateFromInput("guidelines", input), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, {
    description: "Create a recommendation; it must cite a guideline (CURATOR).",
  })
  createRecommendation(
    @Arg("input", () => RecommendationInput, { description: "The new recommendation." })
    input: RecommendationInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(createFromInput("recommendations", input), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, {
    description: "Change a recommendation; omitted fields keep their values (CURATOR).",
  })
  updateRecommendation(
    @Arg("input", () => RecommendationInput, { description: "The id and the fields to change." })
    input: RecommendationInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(updateFromInput("recommendations", input), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, {
    description:
      "Delete a condition, treatment, guideline or recommendation. Refuses while others refer to it unless cascade " +
      "is true, which removes the dependent recommendations and care links and lists them in removedIds (CURATOR).",
  })
  deleteEntity(
    @Arg("id", () => ID, { description: "What to delete." }) id: string,
    @Arg("cascade", { defaultValue: false, description: "Also remove what depends on it." }) cascade: boolean,
    @Ctx() context: RequestContext,
  ) {
    return this.run(deleteOperation(id, cascade), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, {
    description: "Record that a provider delivers a treatment, cited or by convention (CURATOR).",
  })
  linkDelivery(
    @Arg("input", () => DeliveryInput, { description: "The link." }) input: DeliveryInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(
      linkDeliveryOperation({
        from: input.providerId,
        type: CareLinkType.DELIVERS,
        to: input.treatmentId,
        basis: input.basis,
        sourceIds: input.sourceIds,
        note: input.note ?? null,
      }),
      context,
    );
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, { description: "Remove a delivery link (CURATOR)." })
  unlinkDelivery(
    @Arg("providerId", () => ID, { description: "The provider." }) providerId: string,
    @Arg("treatmentId", () => ID, { description: "The treatment." }) treatmentId: string,
    @Ctx() context: RequestContext,
  ) {
    return this.run(unlinkDeliveryOperation(providerId, treatmentId), context);
  }

  @FieldResolver(() => Change, {
    nullable: true,
    description: "The audit record; null when nothing changed.",
  })
  change(@Root() applied: AppliedChange, @Ctx() { repositories }: RequestContext) {
    return applied.changeId ? repositories.curation.findChange(applied.changeId) : null;
  }
}
