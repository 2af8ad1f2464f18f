/**
 * The comparison system: an @neo4j/graphql 7 server over the same Neo4j, with type definitions that model
 * PainGraph's graph (labels, relationship types, DELIVERS properties) and a @cypher field for full-text search.
 */
import { ApolloServer } from "@apollo/server";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j, { type Driver, type Session } from "neo4j-driver";
import { apolloHandler } from "./apollo-http";
import { RANKED_CONDITION_HITS } from "./search-statement";
import { neo4jSettings, roundTrips, serve } from "./serve";

export const TYPE_DEFS = /* GraphQL */ `
  type Code @node {
    id: ID!
    system: String!
    code: String!
    key: String!
    conditions: [Condition!]! @relationship(type: "IDENTIFIES", direction: OUT)
  }

  type Condition @node {
    id: ID!
    name: String!
    description: String!
    category: String!
    aliases: [String!]!
    icd10Codes: [String!]!
    snomedCodes: [String!]!
    recommendations: [Recommendation!]! @relationship(type: "FOR_CONDITION", direction: IN)
    codes: [Code!]! @relationship(type: "IDENTIFIES", direction: IN)
    managedBy: [CareProvider!]! @relationship(type: "MANAGES", direction: IN, properties: "CareLink")
  }

  type Recommendation @node {
    id: ID!
    direction: String!
    strength: String!
    kind: String!
    rawGrade: String!
    gradingSystem: String!
    lineOfTherapy: Int
    phases: [String!]!
    statement: String!
    treatment: [Treatment!]! @relationship(type: "ABOUT_TREATMENT", direction: OUT)
    condition: [Condition!]! @relationship(type: "FOR_CONDITION", direction: OUT)
    guideline: [Guideline!]! @relationship(type: "CITES", direction: OUT)
  }

  type Guideline @node {
    id: ID!
    title: String!
    publisher: String!
    year: Int
    url: String
    jurisdiction: String!
    recommendations: [Recommendation!]! @relationship(type: "CITES", direction: IN)
  }

  type Treatment @node {
    id: ID!
    name: String!
    description: String!
    opioid: Boolean!
    invasivenessMin: Int!
    invasivenessMax: Int!
    isClass: Boolean!
    deliveredBy: [CareProvider!]! @relationship(type: "DELIVERS", direction: IN, properties: "CareLink")
    recommendations: [Recommendation!]! @relationship(type: "ABOUT_TREATMENT", direction: IN)
  }

  type CareLink @relationshipProperties {
    basis: String!
    note: String
  }

  type Discipline @node {
    id: ID!
    name: String!
  }

  type Profession @node {
    id: ID!
    name: String!
  }

  union CareProvider = Discipline | Profession

  type Query {
    "PainGraph's search statement (full-text, plus an exactly typed code ranked first), conditions only."
    searchConditions(lucene: String, codeKey: String, first: Int!): [Condition!]!
      @cypher(
        statement: """
        ${RANKED_CONDITION_HITS}
        RETURN node
        """
        columnName: "node"
      )
  }
`;

/** Counts Cypher round trips: @neo4j/graphql runs each statement in session.executeRead/executeWrite. */
function countingDriver(driver: Driver): Driver {
  const session = driver.session.bind(driver);
  driver.session = ((config?: Parameters<Driver["session"]>[0]) => {
    const opened: Session = session(config);
    const read = opened.executeRead.bind(opened);
    const write = opened.executeWrite.bind(opened);
    opened.executeRead = ((work, txConfig) => {
      roundTrips.count += 1;
      return read(work, txConfig);
    }) as Session["executeRead"];
    opened.executeWrite = ((work, txConfig) => {
      roundTrips.count += 1;
      return write(work, txConfig);
    }) as Session["executeWrite"];
    return opened;
  }) as Driver["session"];
  return driver;
}

async function main(): Promise<void> {
  const settings = neo4jSettings();
  const driver = countingDriver(
    neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      telemetryDisabled: true,
      maxConnectionPoolSize: 50,
    }),
  );
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema, introspection: true });
  await apollo.start();
  // Naming the database saves the driver a round trip per query (as PainGraph does).
  serve(apolloHandler(apollo, async () => ({ sessionConfig: { database: settings.database } })));
}

main().catch((error: unknown) => {
  process.stderr.write(`neo4j-graphql server failed: ${String(error)}\n`);
  process.exit(1);
});
