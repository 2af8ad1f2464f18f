/** Builds the executable schema from the resolver classes, and prints it as sorted SDL. */
import "reflect-metadata";
import { type GraphQLSchema, isAbstractType, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { typenameOf } from "./graph/entity.model";
import { markStoredFields } from "./graph/projection";
import { CareLinkResolvers } from "./catalog/care-link.resolver";
import { DisciplineResolver, ProfessionResolver } from "./catalog/care-provider.resolver";
import { ConditionGroupResolver, ModalityResolver, PrevalenceResolver } from "./catalog/catalog.resolver";
import { ConditionResolver } from "./catalog/condition.resolver";
import { TreatmentResolver } from "./catalog/treatment.resolver";
import { GuidelineResolver } from "./evidence/guideline.resolver";
import { PrecautionResolver, TreatmentPrecautionsResolver } from "./evidence/precaution.resolver";
import { RecommendationResolver } from "./evidence/recommendation.resolver";
import { Source } from "./evidence/source.type";
import { MythFactResolver, MythResolver, StatisticResolver } from "./facts/facts.resolver";
import "./graph/enums.type";
import { NodeResolver } from "./node/node.resolver";
import { PathHopResolver, PathResolver } from "./paths/path.resolver";
import {
  ExcludedTreatmentResolver,
  RankedTreatmentResolver,
  RecommendationResultResolver,
} from "./recommend/recommend.resolver";
import { DataReleaseResolver } from "./release/data-release.resolver";
import { authChecker } from "./auth/auth-checker";
import { ChangeResolver } from "./curation/change.resolver";
import { CurationResolver } from "./curation/curation.resolver";
import { DataExportResolver } from "./curation/data-export.resolver";
import { SearchResolver } from "./search/search.resolver";
import { ConditionSynonymsResolver, TreatmentSynonymsResolver } from "./search/synonym.resolver";
import { SynonymCurationResolver } from "./curation/synonym.resolver";

export const RESOLVERS = [
  ConditionResolver,
  TreatmentResolver,
  GuidelineResolver,
  RecommendationResolver,
  PrecautionResolver,
  TreatmentPrecautionsResolver,
  DisciplineResolver,
  ProfessionResolver,
  ...CareLinkResolvers,
  ConditionGroupResolver,
  ModalityResolver,
  PrevalenceResolver,
  MythResolver,
  MythFactResolver,
  StatisticResolver,
  SearchResolver,
  ConditionSynonymsResolver,
  TreatmentSynonymsResolver,
  SynonymCurationResolver,
  RecommendationResultResolver,
  RankedTreatmentResolver,
  ExcludedTreatmentResolver,
  PathResolver,
  PathHopResolver,
  NodeResolver,
  DataReleaseResolver,
  CurationResolver,
  ChangeResolver,
  DataExportResolver,
] as const;

const QUERY_DESCRIPTION =
  "PainGraph: a knowledge graph of pain-management medicine. Every recommendation cites its guideline and keeps " +
  "the guideline's own grade. PainGraph informs; it does not prescribe — nothing here is medical advice.";

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    // Types reached only through interfaces must be listed so they exist in the schema.
    orphanedTypes: [Source],
    // Inputs are validated explicitly with the same rules as the seed loader.
    validate: false,
    // Writes need the CURATOR role: no credentials → UNAUTHENTICATED, wrong role → FORBIDDEN.
    authChecker,
  });
  // type-graphql has no option for the root type's description; Sandbox shows it on the schema's front page.
  schema.getQueryType()!.description = QUERY_DESCRIPTION;
  schema.getMutationType()!.description =
    "Curation writes. Each needs the CURATOR role (an API key in x-api-key, or a bearer JWT), runs in one " +
    "transaction, is validated by the seed's own rules, bumps the data release and is recorded in changes.";
  resolveAbstractTypesAtOnce(schema);
  // Before any server wraps the resolvers: which fields read a stored property (projection push-down).
  return markStoredFields(schema);
}

/** The interfaces and unions whose records carry their GraphQL type as `__typename` (each declares typenameOf). */
export const RESOLVED_BY_TYPENAME = ["CareProvider", "Citable", "Node", "SearchResult"] as const;

/**
 * type-graphql wraps every resolveType in an async function, so graphql-js would complete each value of an
 * abstract type (every care link's provider, every node and search hit) a microtask later, with a promise of its
 * own. Ours read the record's `__typename` synchronously: graphql-js gets them as they are.
 */
function resolveAbstractTypesAtOnce(schema: GraphQLSchema): void {
  for (const name of RESOLVED_BY_TYPENAME) {
    const type = schema.getType(name);
    if (!isAbstractType(type)) throw new Error(`${name} is not an interface or union of the schema`);
    type.resolveType = typenameOf;
  }
}

/** The committed form of the schema: sorted so that diffs show only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
