/** What suggestions rank by: tags and free keywords of two profiles. */
export interface Matchable {
  tags: string[];
  keywords: string[];
}

export interface MatchScore {
  score: number;
  matchedTags: string[];
  matchedKeywords: string[];
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Overlap of two profiles: a shared tag weighs 3, a shared keyword 1 (a keyword of one side
 * that is a tag of the other counts as a keyword match). Pure and symmetric.
 */
export function matchScore(a: Matchable, b: Matchable): MatchScore {
  const bTags = new Set(b.tags);
  const matchedTags = a.tags.filter((t) => bTags.has(t));
  const bWords = new Set([...b.keywords, ...b.tags].map(norm));
  const aTagSet = new Set(a.tags.map(norm));
  const matchedKeywords = [
    ...new Set(
      [...a.keywords.map(norm), ...a.tags.map(norm)].filter((w) => bWords.has(w) && !(aTagSet.has(w) && bTags.has(w))),
    ),
  ];
  return { score: matchedTags.length * 3 + matchedKeywords.length, matchedTags, matchedKeywords };
}
