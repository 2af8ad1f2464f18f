/** verifyAuditTrail's answer: whether the audit trail's hash chain holds, and where it first breaks. */
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("AuditChainBreak", {
  description: "The first change where the audit trail's hash chain does not hold.",
})
export class AuditChainBreak {
  @Field({ description: "Id of the change." })
  changeId!: string;

  @Field(() => Int, { description: "Its data release version." })
  version!: number;

  @Field({ description: "Why the chain breaks there (edited, removed or reordered)." })
  reason!: string;
}

@ObjectType("AuditVerification", {
  description:
    "Whether the audit trail is intact: each change carries the SHA-256 of its content and of the change before.",
})
export class AuditVerification {
  @Field({ description: "True when every chained change matches its hash and links to the one before." })
  intact!: boolean;

  @Field(() => Int, { description: "Changes whose hash was checked." })
  checked!: number;

  @Field(() => Int, { description: "Changes recorded before the chain existed (no hash)." })
  unchained!: number;

  @Field(() => AuditChainBreak, { nullable: true, description: "The first break; null when intact." })
  firstBreak!: AuditChainBreak | null;
}
