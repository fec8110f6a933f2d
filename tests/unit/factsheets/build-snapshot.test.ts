import { beforeAll, describe, expect, it } from 'vitest';
import { factsheetSchema } from '../../../shared/api/review.js';
import { buildSnapshot } from '../../../server/factsheets/build-snapshot.js';
import { snapshotContentKey } from '../../../server/factsheets/snapshot-content.js';
import type { Framework } from '../../../server/framework/framework.schema.js';
import {
  allIndicatorIds,
  almereFollowUp,
  ggsrFramework,
  maastrichtInput,
  maastrichtSheet,
} from './fixtures.js';

let framework: Framework;
beforeAll(async () => {
  framework = await ggsrFramework();
});

describe('buildSnapshot: a baseline factsheet', () => {
  it('has the seed title, kind and every indicator of the framework in order, matching the contract', () => {
    const { factsheet, missing } = buildSnapshot(maastrichtInput(framework));
    expect(() => factsheetSchema.parse(factsheet)).not.toThrow();
    expect(factsheet.title).toBe('Uitkomsten toezichtonderzoek Maastricht');
    expect(factsheet.kind).toBe('uitkomsten');
    expect(missing).toEqual([]);
    const indicators = factsheet.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators));
    expect(indicators.map((i) => i.id)).toEqual(allIndicatorIds(framework));
    expect(indicators).toHaveLength(30);
    expect(indicators.every((i) => !('baselines' in i))).toBe(true);
    expect(factsheet.baselines).toEqual([]);
    expect(factsheet.introduction.split('\n')).toEqual(framework.introduction);
    expect(factsheet.frameworkTitle).toBe(framework.title);
  });

  it('takes description and family count from the municipality’s submitted answers via the bindings', () => {
    const sheet = maastrichtSheet(framework);
    expect(sheet.approach).toEqual({
      name: 'Integrale Aanpak',
      description:
        'De Integrale Aanpak is persoonsgericht of systeemgericht.\n\nEen procesmanager van het Veiligheidshuis krijgt de regie.',
      familyCount: 316,
    });
  });

  it('names the approach as the investigation does, not as the municipality answered', () => {
    const input = maastrichtInput(framework);
    const sheet = buildSnapshot({
      ...input,
      investigation: { ...input.investigation, approach: 'Sociale wijkteams' },
    }).factsheet;
    expect(sheet.approach.name).toBe('Sociale wijkteams');
    expect(sheet.investigation.approach).toBe('Sociale wijkteams');
    expect(sheet.approach.familyCount).toBe(316);
  });

  it('follows renamed bindings instead of fixed question names', () => {
    const renamed: Framework = {
      ...framework,
      context: {
        ...framework.context,
        bindings: { approachName: 'naam', approachDescription: 'omschrijving', familyCount: 'gezinnen' },
      },
    };
    const input = maastrichtInput(renamed);
    const sheet = buildSnapshot({
      ...input,
      answerSets: [
        {
          respondentId: 'g',
          role: 'gemeente',
          status: 'ingediend',
          data: {
            naam: 'Wijkteams',
            omschrijving: 'Teams per wijk.',
            gezinnen: '42',
            aanpak_naam: 'Niet deze',
          },
        },
      ],
    }).factsheet;
    expect(sheet.approach).toEqual({
      name: 'Integrale Aanpak',
      description: 'Teams per wijk.',
      familyCount: 42,
    });
  });

  it('leaves description and count empty when the municipality has not submitted (drafts never count)', () => {
    const input = maastrichtInput(framework);
    const sheet = buildSnapshot({
      ...input,
      answerSets: input.answerSets.map((set) =>
        set.role === 'gemeente' ? { ...set, status: 'concept' as const } : set,
      ),
    }).factsheet;
    expect(sheet.approach).toEqual({ name: 'Integrale Aanpak', description: null, familyCount: null });
    expect(sheet.respondents.gemeenteSubmitted).toBe(false);
  });

  it('lists only partners that submitted, in slot order', () => {
    expect(maastrichtSheet(framework).respondents).toEqual({
      gemeenteSubmitted: true,
      partners: ['Mondriaan', 'Bureau Jeugdzorg'],
    });
  });

  it('reports indicators without a judgment and shows them as niet_beoordeeld', () => {
    const input = maastrichtInput(framework);
    const { factsheet, missing } = buildSnapshot({
      ...input,
      judgments: input.judgments.filter((j) => j.indicatorId !== 'A9' && j.indicatorId !== 'C3'),
    });
    expect(missing).toEqual(['A9', 'C3']);
    const a9 = factsheet.themes
      .flatMap((t) => t.criteria.flatMap((c) => c.indicators))
      .find((i) => i.id === 'A9');
    expect(a9).toMatchObject({ verdict: 'niet_beoordeeld', finding: '', letOp: null });
  });

  it('keeps conclusions per theme, empty where none were written, and drops blank LET OPs', () => {
    const input = maastrichtInput(framework);
    const sheet = buildSnapshot({
      ...input,
      judgments: input.judgments.map((j) => (j.indicatorId === 'T1' ? { ...j, letOp: '   ' } : j)),
    }).factsheet;
    expect(sheet.themes.map((t) => t.conclusions)).toEqual([
      { goed: 'Gezinnen zijn goed in beeld.', beter: '' },
      { goed: '', beter: '' },
      { goed: '', beter: '' },
      { goed: '', beter: 'Formaliseer de samenwerkingsafspraken.' },
      { goed: '', beter: '' },
    ]);
    expect(sheet.themes[0]?.criteria[0]?.indicators[0]?.letOp).toBeNull();
  });
});

describe('buildSnapshot: a follow-up report', () => {
  it('covers only the indicators asked again, with a column per baseline from its published snapshot', () => {
    const sheet = almereFollowUp(framework);
    expect(() => factsheetSchema.parse(sheet)).not.toThrow();
    expect(sheet.kind).toBe('uitkomsten_verbeterpunten');
    expect(sheet.title).toBe('Uitkomsten verbeterpunten toezichtonderzoek Almere');
    expect(sheet.baselines.map((b) => [b.label, b.factsheetVersion])).toEqual([
      ['2013 Multiprobleemgezinnen', 1],
      ['2013 Versterkt Verder', 2],
    ]);
    expect(sheet.themes.map((t) => t.id)).toEqual(['toeleiding', 'continu']);
    const indicators = sheet.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators));
    expect(indicators.map((i) => [i.id, i.baselines?.map((b) => b?.verdict ?? null)])).toEqual([
      // T1 was not an indicator of Versterkt Verder: null in that column.
      ['T1', ['verbeterpunt', null]],
      ['T3', ['voldoet', 'verbeterpunt']],
      ['C1', ['verbeterpunt', 'verbeterpunt']],
    ]);
    expect(indicators[2]?.baselines?.[1]?.finding).toBe('VV 2013 over C1');
    expect(indicators[2]).toMatchObject({ verdict: 'verbeterpunt', letOp: 'Monitoring start in 2015.' });
  });

  it('leaves a column empty when the baseline snapshot cannot be found', () => {
    const input = maastrichtInput(framework);
    const sheet = buildSnapshot({
      ...input,
      investigation: {
        ...input.investigation,
        followUp: {
          baselines: [{ investigationId: 'b'.repeat(24), factsheetVersion: 3, year: 2013, approach: 'X' }],
          indicatorIds: ['S4'],
        },
      },
      baselineSnapshots: [null],
    }).factsheet;
    expect(
      sheet.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators)).map((i) => i.baselines),
    ).toEqual([[null]]);
  });
});

describe('snapshotContentKey', () => {
  it('ignores version, publication time and publisher, and key order', () => {
    const a = maastrichtSheet(framework);
    const b = maastrichtSheet(framework, {
      version: 7,
      publishedAt: '2027-01-01T00:00:00.000Z',
      publishedBy: { name: 'Ander', email: 'ander@stj.example' },
    });
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a).reverse()))) as typeof a;
    expect(snapshotContentKey(b)).toBe(snapshotContentKey(a));
    expect(snapshotContentKey(reordered)).toBe(snapshotContentKey(a));
  });

  it('changes with any finding, verdict or conclusion', () => {
    const input = maastrichtInput(framework);
    const base = snapshotContentKey(buildSnapshot(input).factsheet);
    const finding = buildSnapshot({
      ...input,
      judgments: input.judgments.map((j, i) => (i === 29 ? { ...j, finding: `${j.finding}.` } : j)),
    }).factsheet;
    const conclusion = buildSnapshot({ ...input, conclusions: [] }).factsheet;
    expect(snapshotContentKey(finding)).not.toBe(base);
    expect(snapshotContentKey(conclusion)).not.toBe(base);
  });
});

describe('buildSnapshot: the follow-up narrative and the framework wording', () => {
  it('splits the narrative of a follow-up into blocks, and ignores one given to a baseline', () => {
    expect(almereFollowUp(framework).narrative).toEqual([
      {
        kind: 'paragraph',
        text: 'Op 13 januari 2015 heeft de gemeente Almere aan STJ gepresenteerd hoe de verbeterpunten zijn opgepakt.',
      },
      { kind: 'heading', text: 'Sociale wijkteams' },
      {
        kind: 'paragraph',
        text: 'In de stad zijn twaalf sociale wijkteams actief waarmee een stadsdekkend netwerk neergezet is.',
      },
    ]);
    expect(maastrichtSheet(framework, { narrative: 'Alleen voor vervolgonderzoek.' }).narrative).toEqual([]);
  });

  it('copies the wording from the framework, so a later framework change leaves the snapshot alone', () => {
    const wording = structuredClone(framework.factsheetWording);
    const local: Framework = { ...framework, factsheetWording: wording };
    const sheet = maastrichtSheet(local);
    expect(sheet.wording).toEqual(framework.factsheetWording);
    wording.supported.many = 'huishoudens';
    expect(sheet.wording.supported.many).toBe('gezinnen');
  });

  it('changes the content key with the narrative alone', () => {
    const a = almereFollowUp(framework);
    const b = almereFollowUp(framework, 'Een andere tekst.');
    expect(snapshotContentKey(b)).not.toBe(snapshotContentKey(a));
    expect(snapshotContentKey(almereFollowUp(framework, 'Een andere tekst.\n\n'))).toBe(
      snapshotContentKey(b),
    );
  });

  it('reads a snapshot stored before narrative and wording existed as an equal GGSR snapshot', () => {
    const current = maastrichtSheet(framework);
    const { narrative: _narrative, wording: _wording, ...older } = current;
    const parsed = factsheetSchema.parse(JSON.parse(JSON.stringify(older)));
    expect(parsed.narrative).toEqual([]);
    expect(parsed.wording).toEqual(framework.factsheetWording);
    expect(snapshotContentKey(parsed)).toBe(snapshotContentKey(current));
  });
});
