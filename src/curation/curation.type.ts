/** The audit trail and mutation results. */
import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver, JSONResolver } from "graphql-scalars";
import { connectionOf } from "../pagination/connection.type";

@ObjectType("Change", {
  description: "One accepted write: who, when, which operation, and the values before and after.",
})
export class Change {
  @Field({ description: "Id of this change." })
  id!: string;

  @Field(() => DateTimeISOResolver, { description: "When it was written." })
  at!: string;

  @Field({ description: "The API key's name or the token's subject." })
  actor!: string;

  @Field({ description: "How the actor authenticated: api-key or jwt." })
  method!: string;

  @Field({ description: "The operation, e.g. update:conditions." })
  operation!: string;

  @Field({ description: "The entity the operation addressed." })
  entityId!: string;

  @Field(() => JSONResolver, {
    nullable: true,
    description: "The record before (seed-file shape); null for a create.",
  })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true, description: "The record after; null for a delete." })
  after!: unknown;

  @Field(() => Int, { description: "The data release version this change produced." })
  version!: number;
}

export const ChangeConnection = connectionOf(Change, "Change");

@ObjectType("MutationResult", { description: "What a write did." })
export class MutationResult {
  @Field({ description: "The entity the operation addressed." })
  entityId!: string;

  @Field({ description: "False when the graph already held exactly this (nothing written, no new release)." })
  changed!: boolean;

  @Field(() => Int, { description: "The data release version after the write." })
  version!: number;

  @Field(() => [String], { description: "Ids (and care links) a delete removed, cascade included." })
  removedIds!: string[];

  @Field(() => Change, { nullable: true, description: "The audit record; null when nothing changed." })
  change!: Change | null;
}

@ObjectType("ExportedFile", { description: "One seed file as the current graph would write it." })
export class ExportedFile {
  @Field({ description: "File name under seed/data/." })
  name!: string;

  @Field({ description: "The file's exact text (JSON)." })
  content!: string;
}

@ObjectType("DataExport", {
  description: "The whole curated graph in the seed files' format, for review as a diff.",
})
export class DataExport {
  @Field(() => Int, { description: "The data release version exported." })
  version!: number;

  @Field(() => [ExportedFile], { description: "The seed files." })
  files!: ExportedFile[];
}
