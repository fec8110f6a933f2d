// @nlpjs/lang-nl ships no types; only the two classes the analysis uses are declared (checked against
// node_modules/@nlpjs/lang-nl/src: StemmerNl extends BaseStemmer, StopwordsNl extends Stopwords).
declare module '@nlpjs/lang-nl' {
  /** Snowball Dutch stemmer (Porter/Kraaij-Pohlmann family) with a per-instance cache. */
  export class StemmerNl {
    stemWord(word: string): string;
  }
  export class StopwordsNl {
    dictionary: Record<string, boolean>;
    isStopword(token: string): boolean;
  }
}
