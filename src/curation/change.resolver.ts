/** The audit trail: accepted writes as Change records, paged and filtered; before/after in seed-file shape. */
import {
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { DateTimeISOResolver, JSONResolver } from "graphql-scalars";
import { Role } from "../auth/principal";
import type { RequestContext } from "../context";
import { toConnection } from "../pagination/connection";
import { decodeCursor } from "../pagination/cursor";
import { pageSize } from "../pagination/page";
import { PageArgs } from "../pagination/page.args";
import type { ChangeRecord } from "./curation.repository";
import { verifyAuditChain } from "./audit-chain";
import { AuditVerification } from "./audit-verification.type";
import { Change, ChangeConnection } from "./curation.type";

@ArgsType()
class ChangesArgs extends PageArgs {
  @Field(() => DateTimeISOResolver, { nullable: true, description: "Only changes at or after this time." })
  since?: Date | null;

  @Field(() => ID, { nullable: true, description: "Only changes to this entity." })
  entityId?: string | null;
}

@Resolver(() => Change)
export class ChangeResolver {
  @Authorized(Role.CURATOR)
  @Query(() => ChangeConnection, {
    description:
      "The audit trail: accepted writes, oldest first, filtered by time or entity (CURATOR: it names curators " +
      "and token subjects).",
  })
  async changes(@Args() args: ChangesArgs, @Ctx() { repositories }: RequestContext) {
    const page = await repositories.curation.pageChanges(
      { since: args.since ? new Date(args.since).toISOString() : null, entityId: args.entityId ?? null },
      pageSize(args.first),
      args.after ? decodeCursor(args.after) : null,
    );
    return toConnection(page, (row: ChangeRecord) => row.version);
  }

  @Authorized(Role.CURATOR)
  @Query(() => AuditVerification, {
    description:
      "Checks the audit trail's hash chain (CURATOR) and reports the first change that was edited, removed or " +
      "reordered. `npm run audit:verify` runs the same check.",
  })
  async verifyAuditTrail(@Ctx() { db }: RequestContext): Promise<AuditVerification> {
    const result = await verifyAuditChain(db);
    return { ...result, intact: result.firstBreak === null };
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
}
