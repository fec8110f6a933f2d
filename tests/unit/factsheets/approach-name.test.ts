import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../../shared/analysis/analysis-input.js';
import { differingApproachName, municipalityApproachName } from '../../../server/factsheets/approach-name.js';
import type { Framework } from '../../../server/framework/framework.schema.js';
import { ggsrFramework, maastrichtInput } from './fixtures.js';

let framework: Framework;
beforeAll(async () => {
  framework = await ggsrFramework();
});

const gemeente = (status: AnswerSet['status'], data: Record<string, unknown>): AnswerSet => ({
  respondentId: 'g',
  role: 'gemeente',
  status,
  data,
});

describe('municipalityApproachName', () => {
  it('reads the submitted answer through the framework binding, trimmed', () => {
    expect(municipalityApproachName(framework, maastrichtInput(framework).answerSets)).toBe(
      'Integrale Aanpak',
    );
    const question = framework.context.bindings.approachName ?? '';
    expect(municipalityApproachName(framework, [gemeente('ingediend', { [question]: '  Wijkteams ' })])).toBe(
      'Wijkteams',
    );
  });

  it.each([
    ['a draft', gemeente('concept', { aanpak_naam: 'Wijkteams' })],
    ['an empty answer', gemeente('ingediend', { aanpak_naam: '   ' })],
    ['a non-text answer', gemeente('ingediend', { aanpak_naam: 3 })],
  ])('is null for %s', (_label, set) => {
    expect(municipalityApproachName(framework, [set])).toBeNull();
  });

  it('is null when the framework binds no approach question', () => {
    const unbound: Framework = { ...framework, context: { ...framework.context, bindings: {} } };
    expect(municipalityApproachName(unbound, maastrichtInput(framework).answerSets)).toBeNull();
  });
});

describe('differingApproachName', () => {
  it.each([
    ['Sociale wijkteams', 'Integrale Aanpak', 'Integrale Aanpak'],
    ['Integrale Aanpak', 'integrale  aanpak', null],
    ['Integrale Aanpak', null, null],
  ])('%s vs %s → %s', (investigation, named, expected) => {
    expect(differingApproachName(investigation, named)).toBe(expected);
  });
});
