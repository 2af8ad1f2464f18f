/** search(query, types, first): full-text over names, aliases, codes and descriptions, typo-tolerant, ranked. */
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { BadUserInputError } from "../errors";
import { icd10Key, isWellFormedIcd10cm } from "../model/codes";
import { pageSize } from "../pagination/page";
import { toLuceneQuery } from "./lucene";
import { SearchableType, SearchHit } from "./search.type";

const MAX_QUERY_LENGTH = 200;

/** An ICD-10-CM code or SNOMED CT id typed on its own is also looked up exactly. */
function exactCodeKey(query: string): string | null {
  const trimmed = query.trim();
  if (/^\d{6,18}$/.test(trimmed)) return trimmed;
  const key = icd10Key(trimmed);
  return isWellFormedIcd10cm(key.length > 3 ? `${key.slice(0, 3)}.${key.slice(3)}` : key) ? key : null;
}

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      "Full-text search over names, lay aliases, codes and descriptions; tolerant of typos ('fibromialgia') and lay " +
      "terms ('nerve pain'); best match first. Query syntax characters are treated as plain text.",
  })
  search(
    @Arg("query", { description: "What to look for: words, a lay term, or a code such as M79.7." })
    query: string,
    @Arg("types", () => [SearchableType], {
      nullable: true,
      description: "Only these kinds of node; all when omitted.",
    })
    types: SearchableType[] | null,
    @Arg("first", () => Int, { nullable: true, description: "How many hits: default 20, at most 100." })
    first: number | null,
    @Ctx() { repositories }: RequestContext,
  ) {
    if (query.length > MAX_QUERY_LENGTH) {
      throw new BadUserInputError(`"query" must be at most ${MAX_QUERY_LENGTH} characters`, "query");
    }
    return repositories.search.search({
      lucene: toLuceneQuery(query),
      codeKey: exactCodeKey(query),
      labels: types && types.length > 0 ? [...types] : null,
      first: pageSize(first),
    });
  }
}
