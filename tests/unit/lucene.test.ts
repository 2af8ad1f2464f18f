import { searchTerms, toLuceneQuery } from "../../src/search/lucene";

describe("toLuceneQuery", () => {
  it("weights exact over prefix over fuzzy matches", () => {
    expect(toLuceneQuery("Fibromialgia")).toBe("(fibromialgia^4 OR fibromialgia*^2 OR fibromialgia~2)");
  });

  it("keeps codes whole and does not fuzz terms with digits", () => {
    expect(toLuceneQuery("M79.7")).toBe("(m79.7^4 OR m79.7*^2)");
  });

  it("strips every Lucene syntax character and neutralises operators", () => {
    const query = toLuceneQuery('nerve AND (pain OR "back~ \\ * :')!;
    // What is left after removing the syntax the builder itself writes must be plain lower-case terms.
    const userText = query.replace(/\^\d|\*\^2|~\d| OR |[()]/g, " ");
    expect(userText).toMatch(/^[a-z0-9. ]+$/);
    expect(searchTerms('nerve AND (pain OR "back~ \\ * :')).toEqual(["nerve", "and", "pain", "or", "back"]);
  });

  it("returns null when nothing searchable remains", () => {
    expect(toLuceneQuery('( " ~ * \\')).toBeNull();
    expect(toLuceneQuery("   ")).toBeNull();
  });

  it("limits the number and length of terms", () => {
    expect(searchTerms("a b c d e f g h i j k")).toHaveLength(8);
    expect(searchTerms("x".repeat(100))[0]).toHaveLength(40);
  });
});
