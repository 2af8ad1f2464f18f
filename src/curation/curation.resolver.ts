/** Curation mutations (CURATOR only), the audit trail and the export. Resolvers only translate; the service writes. */
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { DateTimeISOResolver, JSONResolver } from "graphql-scalars";
import { Role, type Principal } from "../auth/principal";
import type { RequestContext } from "../context";
import type { SeedPart } from "../model/seed-set";
import { toConnection } from "../pagination/connection";
import { decodeCursor } from "../pagination/cursor";
import { pageSize } from "../pagination/page";
import { PageArgs } from "../pagination/page.args";
import type { ChangeRecord } from "./curation.repository";
import type { AppliedChange } from "./curation.service";
import {
  ConditionInput,
  DeliveryInput,
  GuidelineInput,
  RecommendationInput,
  TreatmentInput,
} from "./curation.input";
import { Change, ChangeConnection, DataExport, MutationResult } from "./curation.type";
import { ExportRepository } from "./export.repository";
import {
  createOperation,
  deleteOperation,
  linkDeliveryOperation,
  type Operation,
  unlinkDeliveryOperation,
  updateOperation,
} from "./operations";
import { exportSeedSet, KEYS, seedFileTexts } from "./seed-export";

@ArgsType()
class ChangesArgs extends PageArgs {
  @Field(() => DateTimeISOResolver, { nullable: true, description: "Only changes at or after this time." })
  since?: Date | null;

  @Field(() => ID, { nullable: true, description: "Only changes to this entity." })
  entityId?: string | null;
}

const LIST_DEFAULTS: Record<string, unknown> = {
  aliases: [],
  examples: [],
  icd10Codes: [],
  snomedCodes: [],
  groupIds: [],
  modalityIds: [],
  memberOfIds: [],
  prerequisites: [],
  phases: ["ANY"],
};

/** A full record for a create: every key of the seed file, input values first, then list defaults, then null. */
function recordFor(part: SeedPart, input: object): { id: string } {
  const values = input as Record<string, unknown>;
  return Object.fromEntries(
    KEYS[part].map((key) => [
      key,
      values[key] ?? LIST_DEFAULTS[key] ?? (key === "adjunctOnly" || key === "isClass" ? false : null),
    ]),
  ) as { id: string };
}

/** Only the fields the input set; on update, omitted fields keep their values. */
function patchOf(input: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(([key, value]) => key !== "id" && value !== undefined),
  );
}

@Resolver(() => MutationResult)
export class CurationResolver {
  private async run(operation: Operation, context: RequestContext): Promise<AppliedChange> {
    const principal = (await context.principal()) as Principal;
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
    return this.run(createOperation("conditions", recordFor("conditions", input)), context);
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
    return this.run(updateOperation("conditions", input.id, patchOf(input)), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, { description: "Create a treatment (CURATOR)." })
  createTreatment(
    @Arg("input", () => TreatmentInput, { description: "The new treatment." }) input: TreatmentInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(createOperation("treatments", recordFor("treatments", input)), context);
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
    return this.run(updateOperation("treatments", input.id, patchOf(input)), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, { description: "Create a guideline (CURATOR)." })
  createGuideline(
    @Arg("input", () => GuidelineInput, { description: "The new guideline." }) input: GuidelineInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(createOperation("guidelines", recordFor("guidelines", input)), context);
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
    return this.run(updateOperation("guidelines", input.id, patchOf(input)), context);
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
    return this.run(createOperation("recommendations", recordFor("recommendations", input)), context);
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
    return this.run(updateOperation("recommendations", input.id, patchOf(input)), context);
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
        type: "DELIVERS" as never,
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

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description: "The audit trail: accepted writes, oldest first, filtered by time or entity.",
  })
  async changes(@Args() args: ChangesArgs, @Ctx() { repositories }: RequestContext) {
    const page = await repositories.curation.pageChanges(
      { since: args.since ? new Date(args.since).toISOString() : null, entityId: args.entityId ?? null },
      pageSize(args.first),
      args.after ? decodeCursor(args.after) : null,
    );
    return toConnection(page, (row: ChangeRecord) => row.version);
  }

  @FieldResolver(() => JSONResolver, {
    nullable: true,
    description: "The record before (seed-file shape); null for a create.",
  })
  before(@Root() change: ChangeRecord) {
    return change.before === null ? null : JSON.parse(change.before);
  }

  @FieldResolver(() => JSONResolver, { nullable: true, description: "The record after; null for a delete." })
  after(@Root() change: ChangeRecord) {
    return change.after === null ? null : JSON.parse(change.after);
  }

  @Query(() => DataExport, {
    description: "The whole graph in the seed files' format (public: the data is public).",
  })
  async dataExport(@Ctx() { repositories, db }: RequestContext) {
    const set = await exportSeedSet(new ExportRepository(db));
    const version = await repositories.curation.releaseVersion();
    return {
      version,
      files: Object.entries(seedFileTexts(set)).map(([name, content]) => ({ name, content })),
    };
  }
}
