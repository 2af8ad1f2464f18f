import { completions, prefixScore, spellingSuggestions } from "../../src/search/completion";
import {
  descriptionLuceneQuery,
  namesLuceneQuery,
  prefixLuceneQuery,
  spellingLuceneQuery,
} from "../../src/search/lucene";
import { bestMatch, MIN_RELEVANCE, rankCandidates, termScore } from "../../src/search/relevance";
import { contentTokens, editDistance, stem } from "../../src/search/text";
import { MatchField, prepare, vocabularyOf, type SearchCandidate } from "../../src/search/vocabulary";

function candidate(
  id: string,
  label: string,
  name: string,
  extra: Partial<SearchCandidate> = {},
): SearchCandidate {
  return {
    id,
    label,
    name,
    storedName: name,
    aliases: [],
    synonymTerms: [],
    synonymKinds: [],
    codes: [],
    popularity: 0,
    matchedCode: null,
    viaDescription: false,
    ...extra,
  };
}

const score = (query: string, term: string) =>
  termScore(prepare(query), { ...prepare(term), field: MatchField.NAME });

describe("search text", () => {
  it("drops plural s, filler words, accents and apostrophes, and keeps codes whole", () => {
    expect(contentTokens("My migraines AND the knees")).toEqual(["migraine", "knee"]);
    expect(contentTokens("Sudeck's arthritis stress")).toEqual(["sudeck", "arthritis", "stress"]);
    expect(contentTokens("M54.50 café")).toEqual(["m54.50", "cafe"]);
    expect(stem("therapies")).toBe("therapy");
  });

  it("counts a transposition as one edit and stops past the limit", () => {
    expect(editDistance("fibromyalgai", "fibromyalgia", 2)).toBe(1);
    expect(editDistance("migrane", "migraine", 1)).toBe(1);
    expect(editDistance("neckpain", "backpain", 1)).toBe(2);
  });
});

describe("termScore", () => {
  it("ranks the same phrase over the same words over a fuzzy phrase over a partial match", () => {
    const same = score("slipped disc", "slipped disc");
    const reordered = score("disc slipped", "slipped disc");
    const typo = score("fibromyalgai", "fibromyalgia");
    const partial = score("slipped disc", "lumbar disc replacement");
    expect(same).toBe(1.2);
    expect(reordered).toBe(1.1);
    expect(typo).toBe(0.9);
    expect(partial).toBeLessThan(MIN_RELEVANCE);
  });

  it("joins split words", () => {
    expect(score("post operative pain", "postoperative pain")).toBe(1.1);
  });

  it("counts a term found whole inside a longer query", () => {
    expect(score("neck hurts when I turn my head", "neck hurts")).toBeGreaterThanOrEqual(0.75);
  });

  it("gives one shared word of an unrelated product name less than the minimum", () => {
    expect(score("Nike running shoes", "Rocker sole shoes")).toBeLessThan(MIN_RELEVANCE);
    expect(score("Dr Pepper", "chilli pepper cream")).toBeLessThan(MIN_RELEVANCE);
    expect(score("dog food", "Foot orthotics")).toBeLessThan(MIN_RELEVANCE);
  });

  it("never fuzzes digits", () => {
    expect(score("M54.51", "M54.50")).toBe(0);
  });
});

describe("ranking candidates", () => {
  const condition = candidate("condition:fibromyalgia", "Condition", "Fibromyalgia", { popularity: 3 });
  const group = candidate("group:fibromyalgia", "ConditionGroup", "Fibromyalgia", { popularity: 9 });
  const replacement = candidate("treatment:disc", "Treatment", "Lumbar disc replacement", {
    aliases: ["disc replacement"],
  });
  const sciatica = candidate("condition:sciatica", "Condition", "Lumbar radiculopathy (sciatica)", {
    aliases: ["slipped disc"],
  });

  it("never ranks a group above its same-named member, exact or misspelt", () => {
    for (const query of ["fibromyalgia", "fibromylagia"])
      expect(rankCandidates(prepare(query), [group, condition]).map((hit) => hit.nodeId)[0]).toBe(
        "condition:fibromyalgia",
      );
  });

  it("puts a synonym matched whole above a name sharing one word, and drops what is below the minimum", () => {
    const hits = rankCandidates(prepare("slipped disc"), [replacement, sciatica]);
    expect(hits.map((hit) => hit.nodeId)).toEqual(["condition:sciatica"]);
    expect(hits[0]).toMatchObject({ matchedText: "slipped disc", matchedField: MatchField.ALIAS });
  });

  it("finds the names in a name's parentheses, and reports which synonym matched", () => {
    const gabapentinoids = candidate("treatment:g", "Treatment", "Gabapentinoids (gabapentin, pregabalin)", {
      synonymTerms: ["Lyrica"],
      synonymKinds: ["brand"],
    });
    expect(bestMatch(prepare("pregabalin"), gabapentinoids)).toMatchObject({ matchedText: "pregabalin" });
    expect(bestMatch(prepare("lyrica"), gabapentinoids)).toMatchObject({
      matchedText: "Lyrica",
      matchedField: MatchField.BRAND,
    });
  });

  it("ranks an exact code first, and a description match below a name", () => {
    const coded = candidate("condition:a", "Condition", "Alpha", { matchedCode: "M79.7" });
    const described = candidate("condition:b", "Condition", "Beta", { viaDescription: true });
    expect(bestMatch(prepare("m79.7"), coded)).toMatchObject({ score: 1000, matchedField: MatchField.CODE });
    expect(bestMatch(prepare("gamma"), described)!.score).toBeLessThan(1);
    expect(vocabularyOf(candidate("guideline:x", "Guideline", "Title (Price R et al., 2022)"))).toHaveLength(
      1,
    );
  });
});

describe("completion and spelling", () => {
  const lyrica = candidate("treatment:g", "Treatment", "Gabapentinoids", {
    synonymTerms: ["Lyrica", "lyrika"],
    synonymKinds: ["brand", "misspelling"],
    popularity: 5,
  });
  const lumbago = candidate("condition:lbp", "Condition", "Chronic low back pain", { aliases: ["lumbago"] });

  it("completes a term's start before a later word's, never from a misspelling", () => {
    expect(prefixScore(["ly"], ["lyrica"])).toBe(1);
    expect(prefixScore(["back", "p"], ["chronic", "low", "back", "pain"])).toBe(0.8);
    expect(prefixScore(["pa"], ["back"])).toBe(0);
    const hits = completions("ly", [lyrica]);
    expect(hits.map((hit) => hit.matchedText)).toEqual(["Lyrica"]);
  });

  it("puts conditions first", () => {
    const pain = candidate("treatment:p", "Treatment", "Lumbar pain pills", { popularity: 99 });
    expect(completions("lum", [pain, lumbago]).map((hit) => hit.nodeId)).toEqual([
      "condition:lbp",
      "treatment:p",
    ]);
  });

  it("suggests close names, a misspelling's entity name, at most the number asked", () => {
    expect(spellingSuggestions("lumbagoo", [lumbago], 3)).toEqual(["lumbago"]);
    expect(spellingSuggestions("lyrikka", [lyrica], 3)).toEqual(["Gabapentinoids"]);
    expect(spellingSuggestions("zzzzzz", [lumbago, lyrica], 3)).toEqual([]);
  });
});

describe("Lucene queries", () => {
  it("boosts each names field and keeps user text to plain words", () => {
    const query = namesLuceneQuery('Lyrica (" OR *')!;
    expect(query).toContain("name:(");
    expect(query).toContain("brandText:(");
    expect(query.replace(/[a-zA-Z]+:\(|\)\^\d|\^\d|\*\^2|~\d| OR |[()]/g, " ")).toMatch(/^[a-z0-9. ]+$/);
    expect(namesLuceneQuery("the and of")).toBeNull();
  });

  it("requires every word in a description", () => {
    expect(descriptionLuceneQuery("burning feet")).toBe(
      "(+description:burning +description:feet) OR (+correction:burning +correction:feet)",
    );
    expect(descriptionLuceneQuery("ab")).toBeNull();
  });

  it("completes the last word as a prefix from two letters", () => {
    expect(prefixLuceneQuery("back p")).toBe("+back +p*");
    expect(prefixLuceneQuery("l")).toBeNull();
    expect(spellingLuceneQuery("migrane")).toBe("migrane~2");
  });
});
