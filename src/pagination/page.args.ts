/** first/after arguments shared by every connection field. */
import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "How many items to return: default 20, at most 100." })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Return items after this cursor (an endCursor from an earlier page).",
  })
  after?: string | null;
}
