import type { AnswerCell, JnwAnswer, RespondentCode } from '../../shared/analysis/analysis-result.js';
import type { RespondentRef } from './respondents.js';
import { joinDutchList, partnerShare, type RespondentGroup, type Subject } from './dutch.js';

/** One respondent's cell for one question: the unit every comparison works on. */
export interface RespondentAnswer {
  respondent: RespondentRef;
  cell: AnswerCell;
}

export function isPartner(entry: RespondentAnswer): boolean {
  return entry.respondent.role === 'netwerkpartner';
}

/** Submitted and asked: their silence counts as "left empty" (ontbreekt), not as "not yet". */
export function isCounted(entry: RespondentAnswer): boolean {
  return entry.cell.state === 'answered' || entry.cell.state === 'empty' || entry.cell.state === 'invalid';
}

export function jnwAnswerOf(cell: AnswerCell): JnwAnswer | undefined {
  return cell.state === 'answered' && cell.value?.kind === 'jnw' ? cell.value.answer : undefined;
}

export function checkboxValuesOf(cell: AnswerCell): readonly string[] | undefined {
  return cell.state === 'answered' && cell.value?.kind === 'checkbox' ? cell.value.values : undefined;
}

export function textOf(cell: AnswerCell): string | undefined {
  return cell.state === 'answered' && (cell.value?.kind === 'comment' || cell.value?.kind === 'text')
    ? cell.value.text
    : undefined;
}

export function codesOf(entries: readonly RespondentAnswer[]): RespondentCode[] {
  return entries.map((entry) => entry.respondent.code);
}

export function groupOf(entries: readonly RespondentAnswer[]): RespondentGroup {
  return {
    municipality: entries.some((entry) => !isPartner(entry)),
    partners: entries.filter(isPartner).length,
  };
}

/**
 * Partners named by code in a signal message (the inspector sees the codes in the answer table):
 * "twee van de drie netwerkpartners (P2 en P3)", "alle drie de netwerkpartners (P1, P2 en P3)".
 */
export function namedPartnerShare(codes: readonly RespondentCode[], of: number): Subject {
  const share = partnerShare(codes.length, of);
  return { ...share, phrase: `${share.phrase} (${joinDutchList(codes)})` };
}

/** Lower-case word for an answer in flag messages. */
export const JNW_WORD: Record<JnwAnswer, string> = { yes: 'ja', no: 'nee', unknown: 'weet ik niet' };
