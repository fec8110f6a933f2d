import { describe, expect, it } from 'vitest';
import { analyseInvestigation } from '../../../server/analysis/analyse-investigation.js';
import type { AnswerSet } from '../../../shared/analysis/analysis-input.js';
import { miniFramework } from './fixtures/frameworks.js';

/**
 * tests/fixtures/frameworks/mini: different ids, questionnaire ids ("bestuur", "partner") that differ
 * from the roles, a reversed G-only question and a named_by_none rule. The same code analyses it.
 */
function answers(g: Record<string, unknown>, ...partners: Record<string, unknown>[]): AnswerSet[] {
  return [
    { respondentId: 'b', role: 'gemeente', status: 'ingediend', data: g },
    ...partners.map((data, index): AnswerSet => ({
      respondentId: `p${index}`,
      role: 'netwerkpartner',
      status: 'ingediend',
      data,
    })),
  ];
}

describe('a second framework (mini)', () => {
  it('compares, proposes and drafts from the framework data alone', () => {
    const result = analyseInvestigation(
      miniFramework,
      answers(
        { plan: 'ja', termijn: 'ja', partijen: ['school', 'buurt'] },
        { plan: 'ja', partijen: ['school'] },
        { plan: 'nee', partijen: ['buurt'] },
      ),
    );
    expect(result.framework).toBe('mini');
    const [m1, m2] = result.indicators;
    expect(m1).toMatchObject({ id: 'M1', theme: 'basis', criterion: 'fundament' });
    expect(m1?.flags.map((flag) => `${flag.kind} ${flag.question} ${flag.respondents.join(',')}`)).toEqual([
      'tegenspraak plan P2',
      'risico termijn G',
    ]);
    expect(m1?.proposal).toEqual({
      verdict: 'voldoet_let_op',
      finding: 'De gemeente en één netwerkpartner geven aan dat er een plan is.',
      letOp:
        'Eén netwerkpartner geeft aan dat er geen plan is. De gemeente geeft aan dat het plan een einddatum heeft.',
      reason:
        'Het antwoord van de gemeente op de kernvraag voldoet en ten minste de helft van de netwerkpartners is het daarmee eens, maar er zijn tegenspraak en een risico.',
    });
    // termijn is asked of "bestuur" only: the partners are not asked.
    expect(m1?.answers['termijn']?.['P1']?.state).toBe('not_asked');
    expect(m2?.proposal.verdict).toBe('voldoet_let_op');
    // Each item is named by the municipality and a different partner; nothing is named by all.
    expect(m2?.flags.map((flag) => flag.kind)).toEqual(['uiteenlopend']);
    expect(m2?.proposal.finding).toBe(
      'De gemeente en één netwerkpartner noemen de school als deelnemende partij. De gemeente en één netwerkpartner noemen de buurtvereniging als deelnemende partij.',
    );
    expect(m2?.proposal.letOp).toBe('Er is niets dat alle ondervraagden als deelnemende partij noemen.');
  });

  it('applies its named_by_none rule', () => {
    const result = analyseInvestigation(
      miniFramework,
      answers({ plan: 'ja', partijen: ['buurt'] }, { plan: 'ja', partijen: ['buurt'] }),
    );
    expect(result.indicators[1]?.proposal).toMatchObject({
      verdict: 'verbeterpunt',
      finding:
        'Alle ondervraagden noemen de buurtvereniging als deelnemende partij. Uit de antwoorden blijkt dat geen van de ondervraagden de school noemt als deelnemende partij.',
    });
  });
});
