/** Relay-style cursor connections: one factory so every list type pages the same way. */
import { type ClassType, Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a page ends and whether more follow." })
export class PageInfo {
  @Field({ description: "True when another page follows; fetch it with after: endCursor." })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The cursor of the last edge of this page; null on an empty page.",
  })
  endCursor!: string | null;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  totalCount: number;
  edges: Array<EdgeShape<T>>;
  pageInfo: PageInfo;
}

/** Builds `<Name>Connection` and `<Name>Edge` types for a node class. */
export function connectionOf<T extends object>(NodeClass: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge implements EdgeShape<T> {
    @Field({ description: "Opaque cursor of this edge; pass it as after to continue from here." })
    cursor!: string;

    @Field(() => NodeClass, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, keyset-paginated.` })
  class Connection implements ConnectionShape<T> {
    @Field(() => Int, { description: "How many items match the filter in all pages together." })
    totalCount!: number;

    @Field(() => [Edge], { description: "The items of this page, in order." })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Where this page ends and whether more follow." })
    pageInfo!: PageInfo;
  }

  return Connection;
}
