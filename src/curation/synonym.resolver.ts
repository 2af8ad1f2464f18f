/** addSynonym / removeSynonym (CURATOR): the search vocabulary, written and audited like every curated change. */
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from "type-graphql";
import { requirePrincipal, Role } from "../auth/principal";
import type { RequestContext } from "../context";
import { SynonymKind } from "../model/enums";
import { MutationResult } from "./curation.type";
import { addSynonymOperation, removeSynonymOperation } from "./synonym.operations";
import type { Operation } from "./operations";

@InputType("SynonymInput", { description: "One synonym of a condition or treatment, with its source." })
export class SynonymInput {
  @Field(() => ID, { description: "The condition or treatment, e.g. treatment:gabapentinoids." })
  entityId!: string;

  @Field({ description: "The word or phrase, 2 to 80 characters." })
  term!: string;

  @Field(() => SynonymKind, { description: "Clinical, lay, brand or misspelling." })
  kind!: SynonymKind;

  @Field({
    description:
      "A reference row or source id (P051), a drug label ('label:…'), or 'curated' (then give a reason).",
  })
  source!: string;

  @Field(() => String, { nullable: true, description: "Why the synonym is right; required for 'curated'." })
  reason?: string | null;
}

@Resolver()
export class SynonymCurationResolver {
  private async run(operation: Operation, context: RequestContext) {
    const principal = await requirePrincipal(context.principal);
    const applied = await context.services.curation.apply(operation, principal);
    context.refreshLoaders();
    return applied;
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, {
    description: "Add a synonym search will find a condition or treatment by; audited (CURATOR).",
  })
  addSynonym(
    @Arg("input", () => SynonymInput, { description: "The synonym and its entity." }) input: SynonymInput,
    @Ctx() context: RequestContext,
  ) {
    const { entityId, term, kind, source, reason } = input;
    const synonym = reason ? { term, kind, source, reason } : { term, kind, source };
    return this.run(addSynonymOperation(entityId, synonym), context);
  }

  @Authorized(Role.CURATOR)
  @Mutation(() => MutationResult, {
    description: "Remove a synonym from a condition or treatment; audited (CURATOR).",
  })
  removeSynonym(
    @Arg("entityId", () => ID, { description: "The condition or treatment." }) entityId: string,
    @Arg("term", { description: "The synonym, any case." }) term: string,
    @Ctx() context: RequestContext,
  ) {
    return this.run(removeSynonymOperation(entityId, term), context);
  }
}
