/** The analysis core: pure functions from a framework and answer sets to plain objects (no I/O). */
export { analyseInvestigation } from './analyse-investigation.js';
export { summariseInvestigation, type IndicatorVerdictSummary } from './summarise-investigation.js';
export {
  analysisInputSchema,
  answerSetSchema,
  type AnalysisInput,
  type AnswerSet,
} from '../../shared/analysis/analysis-input.js';
export * from '../../shared/analysis/analysis-result.js';
export { DEVIATING_TEXT_THRESHOLD } from './compare-comments.js';
export { krippendorffAlphaNominal, type AlphaResult } from './krippendorff-alpha.js';
export { textSimilarity } from './text-similarity.js';
