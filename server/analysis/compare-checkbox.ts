import type { CheckboxQuestion } from '../framework/framework.schema.js';
import type { CheckboxComparison, Flag, RespondentCode } from '../../shared/analysis/analysis-result.js';
import { divergenceMessage, groupByPartnerCount } from './divergence-message.js';
import { checkboxValuesOf, codesOf, isPartner, type RespondentAnswer } from './respondent-answer.js';

export type CheckboxItem = CheckboxComparison['items'][number];

export interface CheckboxOutcome {
  comparison: CheckboxComparison;
  flags: Flag[];
  /** Who ticked anything (or only "other"): the base for "half of the partners". */
  answering: RespondentAnswer[];
  /** Named by the municipality and by fewer than half of the answering partners. */
  municipalOnly: CheckboxItem[];
  /** Named by at least half of the answering partners but not by the municipality. */
  partnerMajority: CheckboxItem[];
  /** More than one respondent answered, items were named, and none by all of them. */
  noneCommon: boolean;
  /**
   * Whether the municipality and at least half of the answering partners share an item (the checkbox
   * proposal rule); undefined when the municipality did not answer.
   */
  municipalityShares: boolean | undefined;
}

function atLeastHalf(count: number, of: number): boolean {
  return count * 2 >= of;
}

/**
 * Per item, who named it; flags `uiteenlopend` by the rule of analysis-rules.md: an item named by the
 * municipality and by fewer than half of the partners, or by at least half of the partners but not by
 * the municipality, or no item common to all. "Other" texts are listed apart and not compared: free text
 * cannot be matched to an item reliably (T3 Venlo 2013 shows respondents naming the same point in
 * different words).
 */
export function compareCheckbox(
  question: CheckboxQuestion,
  entries: readonly RespondentAnswer[],
  labels: ReadonlyMap<string, string> = new Map(
    question.choices.map((choice) => [choice.value, choice.label]),
  ),
): CheckboxOutcome {
  const answering = entries.filter((entry) => checkboxValuesOf(entry.cell) !== undefined);
  const named = new Map<string, Set<string>>();
  const unlistedSet = new Set<string>();
  for (const entry of answering) {
    const values = checkboxValuesOf(entry.cell) ?? [];
    named.set(entry.respondent.code, new Set(values));
    for (const value of values) if (!labels.has(value)) unlistedSet.add(value);
  }
  const unlisted = [...unlistedSet].sort();
  const items: CheckboxItem[] = [];
  const addItem = (value: string): void => {
    const namedBy: RespondentCode[] = [];
    for (const entry of answering)
      if (named.get(entry.respondent.code)?.has(value)) namedBy.push(entry.respondent.code);
    if (namedBy.length > 0) items.push({ value, label: labels.get(value) ?? value, namedBy });
  };
  for (const choice of question.choices) addItem(choice.value);
  for (const value of unlisted) addItem(value);
  const otherTexts: CheckboxComparison['otherTexts'] = [];
  for (const entry of answering) {
    const value = entry.cell.value;
    if (value?.kind === 'checkbox' && value.other !== undefined && value.other !== '') {
      otherTexts.push({ respondent: entry.respondent.code, text: value.other });
    }
  }

  const municipal = answering.find((entry) => !isPartner(entry));
  const partners = answering.filter(isPartner);
  const partnerCount = (item: CheckboxItem): number =>
    item.namedBy.filter((code) => code !== municipal?.respondent.code).length;
  const byMunicipality = (item: CheckboxItem): boolean =>
    municipal !== undefined && item.namedBy.includes(municipal.respondent.code);

  const municipalOnly =
    municipal && partners.length > 0
      ? items.filter((item) => byMunicipality(item) && !atLeastHalf(partnerCount(item), partners.length))
      : [];
  const partnerMajority =
    municipal && partners.length > 0
      ? items.filter((item) => !byMunicipality(item) && atLeastHalf(partnerCount(item), partners.length))
      : [];
  const noneCommon =
    answering.length >= 2 &&
    items.length > 0 &&
    !items.some((item) => item.namedBy.length === answering.length);
  const municipalityShares = municipal
    ? items.some((item) => byMunicipality(item) && atLeastHalf(partnerCount(item), partners.length))
    : undefined;

  const comparison: CheckboxComparison = {
    question: question.name,
    respondents: codesOf(answering),
    items,
    otherTexts,
  };
  const flags: Flag[] = [];
  if (municipalOnly.length > 0 || partnerMajority.length > 0 || noneCommon) {
    const municipalSet = municipal ? named.get(municipal.respondent.code) : undefined;
    const differing = partners.filter((entry) => {
      if (municipalSet === undefined) return true;
      const own = named.get(entry.respondent.code) ?? new Set<string>();
      return own.size !== municipalSet.size || [...own].some((value) => !municipalSet.has(value));
    });
    const codes = codesOf(differing);
    const message = divergenceMessage({
      codes,
      partners: partners.length,
      municipalityAnswered: municipal !== undefined,
      municipalOnly: groupByPartnerCount(municipalOnly, partnerCount),
      partnerMajority: groupByPartnerCount(partnerMajority, partnerCount),
      noneCommon,
    });
    flags.push({
      kind: 'uiteenlopend',
      question: question.name,
      respondents: codes,
      count: codes.length,
      of: partners.length,
      message,
    });
  }
  return { comparison, flags, answering, municipalOnly, partnerMajority, noneCommon, municipalityShares };
}
