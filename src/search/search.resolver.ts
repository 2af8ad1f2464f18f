/** search, suggest and didYouMean: typo-tolerant search over names, synonyms, codes and descriptions. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { toEntity, type EntityRecord } from "../graph/entity.model";
import type { GraphLoaders } from "../graph/graph.loaders";
import { ALL, projectionOf } from "../graph/projection";
import { BadUserInputError } from "../errors";
import { icd10Key, isWellFormedIcd10cm } from "../model/codes";
import { pageSize } from "../pagination/page";
import type { RankedHit } from "./relevance";
import { SearchService } from "./search.service";
import { SearchableType, SearchHit, SearchResult } from "./search.type";

const MAX_QUERY_LENGTH = 200;
const MAX_SUGGESTIONS = 20;
const MAX_SPELLINGS = 3;

/** An ICD-10-CM code or SNOMED CT id typed on its own is also looked up exactly. */
function exactCodeKey(query: string): string | null {
  const trimmed = query.trim();
  if (/^\d{6,18}$/.test(trimmed)) return trimmed;
  const key = icd10Key(trimmed);
  return isWellFormedIcd10cm(key.length > 3 ? `${key.slice(0, 3)}.${key.slice(3)}` : key) ? key : null;
}

function checkLength(text: string, argumentName: string): void {
  if (text.length > MAX_QUERY_LENGTH)
    throw new BadUserInputError(
      `"${argumentName}" must be at most ${MAX_QUERY_LENGTH} characters`,
      argumentName,
    );
}

const labelsOf = (types: SearchableType[] | null) => (types && types.length > 0 ? [...types] : null);

/**
 * Hands the entity loader each hit's node when the `node` selection reads nothing but `name` (besides id and
 * __typename): the candidate row holds both (`name: null` where the label has none, as a read would give), so
 * `node` sends no statement of its own.
 */
function primeHitNodes(graph: GraphLoaders, info: GraphQLResolveInfo, hits: readonly RankedHit[]): void {
  const projection = projectionOf(info, ["node"]);
  if (projection === ALL || projection.some((property) => property !== "name")) return;
  const readsName = projection.length > 0;
  for (const hit of hits) {
    const properties = readsName ? { id: hit.nodeId, name: hit.storedName } : { id: hit.nodeId };
    graph.primeEntity(hit.nodeId, projection, toEntity(properties, hit.label));
  }
}

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      "Search over names, synonyms (clinical, lay, brand, misspellings), codes and descriptions: 'slipped disc', " +
      "'Lyrica', 'fibromialgia', 'M79.7'. Best match first; a name or synonym beats a description; hits below a " +
      "minimum relevance are left out, so nonsense finds nothing. Query syntax characters are plain text.",
  })
  async search(
    @Arg("query", { description: "What to look for: words, a lay term, a brand, or a code such as M79.7." })
    query: string,
    @Arg("types", () => [SearchableType], {
      nullable: true,
      description: "Only these kinds of node; all when omitted.",
    })
    types: SearchableType[] | null,
    @Arg("first", () => Int, { nullable: true, description: "How many hits: default 20, at most 100." })
    first: number | null,
    @Ctx() { repositories, loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    checkLength(query, "query");
    const hits = await new SearchService(repositories.search).search(query, exactCodeKey(query), {
      labels: labelsOf(types),
      first: pageSize(first),
    });
    primeHitNodes(loaders.graph, info, hits);
    return hits;
  }

  @Query(() => [SearchHit], {
    description:
      "Completion for a picker, from the second character typed: names and synonyms that start with the " +
      "prefix (or have a word that does), conditions first, then by how often the guidelines name them. " +
      "`matchedText` is the name or synonym completed, e.g. 'Lyrica' for gabapentinoids.",
  })
  async suggest(
    @Arg("prefix", { description: "What has been typed so far; fewer than 2 letters returns nothing." })
    prefix: string,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: 8,
      description: "How many suggestions: default 8, at most 20.",
    })
    first: number | null,
    @Arg("types", () => [SearchableType], {
      nullable: true,
      description: "Only these kinds of node; all when omitted.",
    })
    types: SearchableType[] | null,
    @Ctx() { repositories, loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    checkLength(prefix, "prefix");
    const hits = await new SearchService(repositories.search).suggest(prefix, {
      labels: labelsOf(types),
      first: pageSize(first, "first", MAX_SUGGESTIONS),
    });
    primeHitNodes(loaders.graph, info, hits);
    return hits;
  }

  @Query(() => [String], {
    description:
      "Did you mean: up to three names or synonyms spelled close to the query, drawn from the vocabulary. " +
      "Empty when the query already matches something well.",
  })
  didYouMean(
    @Arg("query", { description: "The query as typed." }) query: string,
    @Ctx() { repositories }: RequestContext,
  ): Promise<string[]> {
    checkLength(query, "query");
    return new SearchService(repositories.search).didYouMean(query, exactCodeKey(query), MAX_SPELLINGS);
  }

  @FieldResolver(() => SearchResult, { description: "The node that matched." })
  async node(
    @Root() hit: SearchHit,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityRecord> {
    // Only the properties the selection reads, whichever of the result's types the hit is (projection.ts).
    const node = await loaders.graph.entity(hit.nodeId, projectionOf(info));
    if (!node) throw new Error(`search hit ${hit.nodeId} vanished`);
    return node;
  }
}
