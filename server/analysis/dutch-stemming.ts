import { StemmerNl, StopwordsNl } from '@nlpjs/lang-nl';
import { nld } from 'stopword';

/**
 * The only door to the Dutch language libraries, so the analysis depends on deterministic calls and
 * nothing else: the stemmer's cache only memoises a pure function.
 *
 * Stop words are the union of two maintained lists (@nlpjs/lang-nl, 142 words; stopword `nld`, 104):
 * each misses some function words the other has ("zich", "zonder", …).
 */
const stemmer = new StemmerNl();
const STOP_WORDS: ReadonlySet<string> = new Set([...nld, ...Object.keys(new StopwordsNl().dictionary)]);

export function isDutchStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

/**
 * Snowball Dutch stem, then one final doubled consonant undone: Snowball undoubles only k, d and t, so
 * "gezinnen" stems to "gezinn" but "gezin" to "gezin" — the commonest word in these texts would
 * otherwise count as two terms.
 */
export function stemDutch(token: string): string {
  const stem = stemmer.stemWord(token);
  return /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}
