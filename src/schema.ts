/** Builds the executable schema from the resolver classes, and prints it as sorted SDL. */
import "reflect-metadata";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { DataReleaseResolver } from "./release/data-release.resolver";

export const RESOLVERS = [DataReleaseResolver] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    // Inputs are validated explicitly with the same rules as the seed loader.
    validate: false,
  });
}

/** The committed form of the schema: sorted so that diffs show only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
