/**
 * The HTTP + GraphQL floor: Apollo Server on node:http answering payload(key) with a constant response, the data
 * PainGraph returned for that request (read from STATIC_PAYLOADS), so the body has the same size.
 */
import fs from "node:fs";
import { ApolloServer } from "@apollo/server";
import { GraphQLScalarType } from "graphql";
import { apolloHandler } from "./apollo-http";
import { serve } from "./serve";

const TYPE_DEFS = /* GraphQL */ `
  scalar JSON
  type Query {
    payload(key: String!): JSON
  }
`;

async function main(): Promise<void> {
  const file = process.env.STATIC_PAYLOADS;
  const payloads = file ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  const apollo = new ApolloServer({
    typeDefs: TYPE_DEFS,
    resolvers: {
      JSON: new GraphQLScalarType({ name: "JSON", serialize: (value) => value }),
      Query: { payload: (_root: unknown, { key }: { key: string }) => payloads[key] ?? null },
    },
  });
  await apollo.start();
  serve(apolloHandler(apollo, async () => ({})));
}

main().catch((error: unknown) => {
  process.stderr.write(`static server failed: ${String(error)}\n`);
  process.exit(1);
});
