/** Search, completion and "did you mean": Lucene retrieves, the vocabulary decides (relevance.ts). */
import { completions, spellingSuggestions } from "./completion";
import { descriptionLuceneQuery, namesLuceneQuery, prefixLuceneQuery, spellingLuceneQuery } from "./lucene";
import { rankCandidates, type RankedHit } from "./relevance";
import type { SearchRepository } from "./search.repository";
import { prepare } from "./vocabulary";

/** A query that matches this well needs no spelling suggestion. */
const GOOD_MATCH = 0.85;
const SEARCH_CANDIDATES = 150;
const SUGGEST_CANDIDATES = 60;

export interface SearchOptions {
  labels: string[] | null;
  first: number;
}

export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  async search(query: string, codeKey: string | null, options: SearchOptions): Promise<RankedHit[]> {
    const candidates = await this.repository.candidates({
      names: namesLuceneQuery(query),
      descriptions: descriptionLuceneQuery(query),
      codeKey,
      labels: options.labels,
      limit: SEARCH_CANDIDATES,
    });
    return rankCandidates(prepare(query), candidates).slice(0, options.first);
  }

  async suggest(prefix: string, options: SearchOptions): Promise<RankedHit[]> {
    const names = prefixLuceneQuery(prefix);
    if (names === null) return [];
    const candidates = await this.repository.candidates({
      names,
      descriptions: null,
      codeKey: null,
      labels: options.labels,
      limit: SUGGEST_CANDIDATES,
    });
    return completions(prefix, candidates).slice(0, options.first);
  }

  /** Spelling suggestions, only when the query itself finds nothing that matches well. */
  async didYouMean(query: string, codeKey: string | null, first: number): Promise<string[]> {
    const hits = await this.search(query, codeKey, { labels: null, first: 1 });
    if ((hits[0]?.score ?? 0) >= GOOD_MATCH) return [];
    const names = spellingLuceneQuery(query);
    if (names === null) return [];
    const candidates = await this.repository.candidates({
      names,
      descriptions: null,
      codeKey: null,
      labels: null,
      limit: SUGGEST_CANDIDATES,
    });
    return spellingSuggestions(query, candidates, first);
  }
}
