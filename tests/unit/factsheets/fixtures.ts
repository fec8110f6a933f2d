import path from 'node:path';
import type { Factsheet, JudgmentVerdict } from '../../../shared/api/review.js';
import type { Framework } from '../../../server/framework/framework.schema.js';
import { loadFramework } from '../../../server/framework/load-framework.js';
import { buildSnapshot, type SnapshotInput } from '../../../server/factsheets/build-snapshot.js';

const questionnaireDir = path.resolve(import.meta.dirname, '..', '..', '..', 'questionnaires');

export async function ggsrFramework(): Promise<Framework> {
  return (await loadFramework(questionnaireDir)).framework;
}

export function allIndicatorIds(framework: Framework): string[] {
  return framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.map((i) => i.id)));
}

/** Maastricht-like input: every indicator judged, municipality and two partners submitted, one not. */
export function maastrichtInput(framework: Framework, overrides: Partial<SnapshotInput> = {}): SnapshotInput {
  const ids = allIndicatorIds(framework);
  return {
    investigation: {
      id: 'a'.repeat(24),
      municipality: 'Maastricht',
      approach: 'Integrale Aanpak',
      year: 2013,
      followUp: null,
    },
    framework,
    judgments: ids.map((indicatorId, i) => ({
      indicatorId,
      // ids[20] = A14, ids[25] = S5, ids[13] = A7
      verdict: (i === 20 ? 'verbeterpunt' : i === 25 ? 'niet_beoordeeld' : 'voldoet') as JudgmentVerdict,
      letOp: i === 13 ? 'Er zijn geen afspraken gemaakt over de maximale caseload van de regisseur.' : null,
      finding: `Bevinding bij ${indicatorId}: de ondervraagden zijn overeenkomstig in hun antwoorden.`,
    })),
    conclusions: [
      { themeId: framework.themes[0]?.id ?? '', goed: 'Gezinnen zijn goed in beeld.', beter: '' },
      { themeId: framework.themes[3]?.id ?? '', goed: '', beter: 'Formaliseer de samenwerkingsafspraken.' },
    ],
    narrative: '',
    answerSets: [
      {
        respondentId: 'g',
        role: 'gemeente',
        label: 'Gemeente Maastricht',
        status: 'ingediend',
        data: {
          aanpak_naam: 'Integrale Aanpak',
          aanpak_beschrijving:
            'De Integrale Aanpak is persoonsgericht of systeemgericht.\n\nEen procesmanager van het Veiligheidshuis krijgt de regie.',
          aantal_gezinnen_in_aanpak: 316,
        },
      },
      { respondentId: 'p1', role: 'netwerkpartner', label: 'Mondriaan', status: 'ingediend', data: {} },
      { respondentId: 'p2', role: 'netwerkpartner', label: 'Trajectbureau', status: 'concept', data: {} },
      {
        respondentId: 'p3',
        role: 'netwerkpartner',
        label: 'Bureau Jeugdzorg',
        status: 'ingediend',
        data: {},
      },
    ],
    baselineSnapshots: [],
    version: 1,
    publishedAt: '2026-11-22T10:00:00.000Z',
    publishedBy: { name: 'Inspecteur', email: 'inspecteur@stj.example' },
    ...overrides,
  };
}

export function maastrichtSheet(framework: Framework, overrides: Partial<SnapshotInput> = {}): Factsheet {
  return buildSnapshot(maastrichtInput(framework, overrides)).factsheet;
}

/**
 * Almere-like follow-up: two 2013 baselines (Multiprobleemgezinnen, Versterkt Verder) and a 2014 round
 * that asks again only the indicators that were a verbeterpunt in at least one of them.
 */
export const ALMERE_NARRATIVE = [
  'Op 13 januari 2015 heeft de gemeente Almere aan STJ gepresenteerd hoe de verbeterpunten zijn opgepakt.',
  '',
  '### Sociale wijkteams',
  'In de stad zijn twaalf sociale wijkteams actief waarmee een stadsdekkend netwerk neergezet is.',
].join('\n');

export function almereFollowUp(framework: Framework, narrative = ALMERE_NARRATIVE): Factsheet {
  const ids = allIndicatorIds(framework);
  const [a, b, c] = [ids[0] ?? '', ids[2] ?? '', ids[27] ?? ''];
  const baselineA = maastrichtSheet(framework, {
    investigation: {
      id: 'b'.repeat(24),
      municipality: 'Almere',
      approach: 'Multiprobleemgezinnen',
      year: 2013,
      followUp: null,
    },
    judgments: ids.map((indicatorId) => ({
      indicatorId,
      verdict: indicatorId === a || indicatorId === c ? 'verbeterpunt' : 'voldoet',
      letOp: null,
      finding: `MPG 2013 over ${indicatorId}`,
    })),
  });
  // Versterkt Verder was judged on an older framework without T1: that column stays empty for T1.
  const judgedB = maastrichtSheet(framework, {
    investigation: {
      id: 'c'.repeat(24),
      municipality: 'Almere',
      approach: 'Versterkt Verder',
      year: 2013,
      followUp: null,
    },
    judgments: ids
      .filter((id) => id !== a)
      .map((indicatorId) => ({
        indicatorId,
        verdict: indicatorId === b || indicatorId === c ? 'verbeterpunt' : 'voldoet',
        letOp: null,
        finding: `VV 2013 over ${indicatorId}`,
      })),
  });
  const baselineB: Factsheet = {
    ...judgedB,
    themes: judgedB.themes.map((t) => ({
      ...t,
      criteria: t.criteria.map((c) => ({ ...c, indicators: c.indicators.filter((i) => i.id !== a) })),
    })),
  };
  return buildSnapshot({
    ...maastrichtInput(framework),
    investigation: {
      id: 'd'.repeat(24),
      municipality: 'Almere',
      approach: 'Wijkteams en Gezinsbegeleiders',
      year: 2014,
      followUp: {
        baselines: [
          {
            investigationId: 'b'.repeat(24),
            factsheetVersion: 1,
            year: 2013,
            approach: 'Multiprobleemgezinnen',
          },
          { investigationId: 'c'.repeat(24), factsheetVersion: 2, year: 2013, approach: 'Versterkt Verder' },
        ],
        indicatorIds: [a, b, c],
      },
    },
    answerSets: [],
    narrative,
    judgments: [
      {
        indicatorId: a,
        verdict: 'voldoet',
        letOp: null,
        finding: 'Voor alle partijen is een gemeenschappelijke omschrijving gerealiseerd.',
      },
      {
        indicatorId: b,
        verdict: 'voldoet',
        letOp: null,
        finding: 'Aanmeldingen komen via de wijkteams binnen.',
      },
      {
        indicatorId: c,
        verdict: 'verbeterpunt',
        letOp: 'Monitoring start in 2015.',
        finding: 'Hiervoor zijn nog geen maatregelen getroffen.',
      },
    ],
    baselineSnapshots: [baselineA, baselineB],
  }).factsheet;
}
