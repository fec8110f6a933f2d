import type { CommentQuestion } from '../framework/framework.schema.js';
import type { CommentComparison, Flag } from '../../shared/analysis/analysis-result.js';
import { formatDecimal, joinDutchList, pluralise } from './dutch.js';
import { isPartner, textOf, type RespondentAnswer } from './respondent-answer.js';
import { cosineSimilarity, termCounts } from './text-similarity.js';

/**
 * A text whose mean similarity to the other texts is below this is "far from the others".
 *
 * Calibrated on the Dutch texts in tests/unit/analysis/fixtures/comment-texts.ts, written after the
 * seeds. Sets the factsheets call shared (Maastricht T1 and A3, paraphrased with synonyms and extra
 * detail, plus one terse partner) give every respondent a mean of 0.37 or more. In sets the factsheets
 * call divergent (Sittard-Geleen, Venlo and Almere T1 2013: two partners describe their own or a much
 * broader group; Venlo and Almere A3 2013: every goal differs) the deviating texts score 0.00–0.05, while
 * the two texts that do agree are pulled down to 0.14–0.20 by the two that do not. 0.10 lies in the gap
 * between 0.05 and 0.14; comment-texts.test.ts keeps that gap measured.
 */
export const DEVIATING_TEXT_THRESHOLD = 0.1;

export interface CommentOutcome {
  comparison: CommentComparison;
  flags: Flag[];
  /** Respondents whose text was compared (answered). */
  compared: RespondentAnswer[];
  /** Those flagged as far from the others. */
  deviating: RespondentAnswer[];
}

function whoWrote(entry: RespondentAnswer): string {
  return isPartner(entry) ? entry.respondent.code : 'de gemeente';
}

function sumAscending(values: readonly number[]): number {
  // Order-independent sum: permuting partners must not move a mean across the threshold by rounding.
  return [...values].sort((a, b) => a - b).reduce((sum, value) => sum + value, 0);
}

/**
 * `afwijkende_omschrijving` (T1, A3): all pairwise similarities, each respondent's mean similarity to the
 * others, and a flag for those below the threshold. With only two texts the mean is the same for both,
 * so the municipality serves as the reference and only the partner is flagged.
 */
export function compareComments(
  question: CommentQuestion,
  entries: readonly RespondentAnswer[],
): CommentOutcome {
  const compared = entries.filter((entry) => textOf(entry.cell) !== undefined);
  const vectors = compared.map((entry) => termCounts(textOf(entry.cell) ?? ''));
  const pairs: CommentComparison['pairs'] = [];
  const similarities: number[][] = compared.map(() => []);
  compared.forEach((first, i) => {
    compared.forEach((second, j) => {
      if (j <= i) return;
      const similarity = cosineSimilarity(vectors[i] ?? new Map(), vectors[j] ?? new Map());
      pairs.push({ a: first.respondent.code, b: second.respondent.code, similarity });
      similarities[i]?.push(similarity);
      similarities[j]?.push(similarity);
    });
  });
  const means = similarities.map((list) => (list.length === 0 ? null : sumAscending(list) / list.length));

  const municipalPair = compared.length === 2 && compared.some((entry) => !isPartner(entry));
  const deviating = compared.filter((entry, index) => {
    const mean = means[index];
    if (mean === null || mean === undefined || mean >= DEVIATING_TEXT_THRESHOLD) return false;
    return !(municipalPair && !isPartner(entry));
  });

  const comparison: CommentComparison = {
    question: question.name,
    texts: compared.map((entry, index) => ({
      respondent: entry.respondent.code,
      text: textOf(entry.cell) ?? '',
      meanSimilarity: means[index] ?? null,
    })),
    pairs,
    threshold: DEVIATING_TEXT_THRESHOLD,
  };

  const flags: Flag[] = [];
  if (deviating.length > 0) {
    const scored = deviating
      .map((entry) => ({
        who: whoWrote(entry),
        mean: means[compared.indexOf(entry)] ?? 0,
      }))
      .sort((a, b) => a.mean - b.mean);
    const whose = joinDutchList(scored.map((item) => `${item.who} (${formatDecimal(item.mean)})`));
    const others = compared.filter((entry) => !deviating.includes(entry));
    const [only] = others;
    // Name a single reference ("van die van de gemeente"); when every text is far from the others
    // there are no others left to differ from.
    const reference = others.length === 1 && only !== undefined ? whoWrote(only) : 'de anderen';
    const differ =
      others.length === 0
        ? 'wijken onderling af'
        : `${pluralise(deviating.length, 'wijkt', 'wijken')} af van die van ${reference}`;
    flags.push({
      kind: 'afwijkende_omschrijving',
      question: question.name,
      respondents: deviating.map((entry) => entry.respondent.code),
      count: deviating.length,
      of: compared.length,
      message:
        `${pluralise(deviating.length, 'De omschrijving van', 'De omschrijvingen van')} ${whose} ${differ} ` +
        `(gemiddelde overeenkomst met de andere teksten; drempel ${formatDecimal(DEVIATING_TEXT_THRESHOLD)}).`,
    });
  }
  return { comparison, flags, compared, deviating };
}
