import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Factsheet } from '../../../shared/api/review.js';
import { asciiSlug } from '../../../server/exports/exports.service.js';
import { spreadsheetSafe } from '../../../server/exports/spreadsheet-safe.js';
import { improvementPoints } from '../../../server/follow-up/follow-up.service.js';
import { loadFramework, type LoadedFramework } from '../../../server/framework/load-framework.js';

let loaded: LoadedFramework;
beforeAll(async () => {
  loaded = await loadFramework(path.resolve(import.meta.dirname, '..', '..', '..', 'questionnaires'));
});

/** Just the part of a snapshot improvementPoints reads. */
function snapshot(verdicts: Record<string, 'voldoet' | 'verbeterpunt' | 'niet_beoordeeld'>): Factsheet {
  const indicators = Object.entries(verdicts).map(([id, verdict]) => ({
    id,
    text: id,
    verdict,
    letOp: null,
    finding: '',
  }));
  return {
    themes: [{ id: 't', title: 't', description: '', criteria: [{ id: 'c', title: 'c', indicators }] }],
  } as unknown as Factsheet;
}

describe('improvementPoints', () => {
  it('takes the union of verbeterpunten in framework order, ignoring other verdicts and unknown ids', () => {
    const points = improvementPoints(loaded.framework, [
      snapshot({ S5: 'verbeterpunt', A9: 'verbeterpunt', G1: 'voldoet', X99: 'verbeterpunt' }),
      snapshot({ T1: 'verbeterpunt', A9: 'verbeterpunt', C3: 'niet_beoordeeld' }),
    ]);
    expect(points).toEqual(['T1', 'A9', 'S5']);
    expect(improvementPoints(loaded.framework, [snapshot({ A1: 'voldoet' })])).toEqual([]);
  });
});

describe('spreadsheetSafe', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+31 6 12345678', "'+31 6 12345678"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tverborgen', "'\tverborgen"],
    ['\rregel', "'\rregel"],
    ['Gemeente Venlo', 'Gemeente Venlo'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(spreadsheetSafe(input)).toBe(output);
  });
});

describe('asciiSlug', () => {
  it('keeps file names ASCII', () => {
    expect(asciiSlug('Súdwest-Fryslân')).toBe('sudwest-fryslan');
    expect(asciiSlug('"Jeugd" & gezin; 2013/2014')).toBe('jeugd-gezin-2013-2014');
  });
});
