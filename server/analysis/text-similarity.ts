import { isDutchStopWord, stemDutch } from './dutch-stemming.js';

/**
 * Similarity of two Dutch free texts: tokenize (letters and digits), lowercase, strip accents, drop stop
 * words, stem, and take the cosine of the stem-count vectors.
 *
 * Why cosine on raw counts: it is 1 for the same vocabulary in any proportion and is lenient to a longer
 * text that adds detail (Jaccard over sets drops with every extra word in either text, so a thorough
 * municipality would look "far" from a terse partner). Why no IDF: with two to four texts, a stem shared
 * by all of them gets weight 0 — exactly the shared core ("gezin", "meervoudig", "problematiek") whose
 * presence is the agreement we want to see.
 */
export type TermCounts = ReadonlyMap<string, number>;

/** Token → its stem, or null for a token that is not a term. A pure function, memoised. */
const termOfToken = new Map<string, string | null>();
/** Free texts bring ever new tokens; past this size the memo starts afresh rather than grow forever. */
const MAX_MEMOISED_TOKENS = 50_000;

function termOf(token: string): string | null {
  let term = termOfToken.get(token);
  if (term === undefined) {
    term = token.length < 2 || isDutchStopWord(token) ? null : stemDutch(token);
    if (termOfToken.size >= MAX_MEMOISED_TOKENS) termOfToken.clear();
    termOfToken.set(token, term);
  }
  return term;
}

export function termCounts(text: string): TermCounts {
  const counts = new Map<string, number>();
  const normalised = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  for (const token of normalised.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const term = termOf(token);
    if (term === null) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** Integer counts keep dot products exact, so similarity(a, b) === similarity(b, a) bit for bit. */
export function cosineSimilarity(a: TermCounts, b: TermCounts): number {
  let dot = 0;
  for (const [term, count] of a) dot += count * (b.get(term) ?? 0);
  let normA = 0;
  for (const count of a.values()) normA += count * count;
  let normB = 0;
  for (const count of b.values()) normB += count * count;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

export function textSimilarity(a: string, b: string): number {
  return cosineSimilarity(termCounts(a), termCounts(b));
}
