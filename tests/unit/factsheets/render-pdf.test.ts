import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../server/factsheets/build-snapshot.js';
import { dejavuFont } from '../../../server/factsheets/pdf-fonts.js';
import { renderFactsheetPdf } from '../../../server/factsheets/render-pdf.js';
import type { Framework } from '../../../server/framework/framework.schema.js';
import {
  allIndicatorIds,
  almereFollowUp,
  ggsrFramework,
  maastrichtInput,
  maastrichtSheet,
} from './fixtures.js';
import { overlappingText, read } from './pdf-reading.js';

let framework: Framework;
beforeAll(async () => {
  framework = await ggsrFramework();
});

describe('renderFactsheetPdf', () => {
  it('finds the DejaVu fonts through the package', () => {
    expect(existsSync(dejavuFont('DejaVuSans.ttf'))).toBe(true);
    expect(existsSync(dejavuFont('DejaVuSans-Bold.ttf'))).toBe(true);
  });

  it('renders a full 30-indicator factsheet on several A4 pages with everything the HTML has', async () => {
    const pdf = await renderFactsheetPdf(maastrichtSheet(framework));
    expect(await overlappingText(pdf)).toEqual([]);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/Lang (nl-NL)');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const { totalPages, pages, flat, info } = await read(pdf);
    expect(info.Title).toBe('Uitkomsten toezichtonderzoek Maastricht');
    expect(info.Author).toBe('Samenwerkend Toezicht Jeugd');
    expect(totalPages).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`Pagina ${i + 1} van ${totalPages}`));

    expect(flat).toContain('Uitkomsten toezichtonderzoek Maastricht');
    expect(flat).toContain('Aanpak: Integrale Aanpak');
    expect(flat).toContain('Mondriaan');
    expect(flat).toContain('Bureau Jeugdzorg');
    expect(flat).not.toContain('Trajectbureau');
    expect(flat).toContain(
      'Op dit moment krijgen 316 gezinnen in Maastricht ondersteuning vanuit deze aanpak.',
    );
    for (const theme of framework.themes)
      for (const criterion of theme.criteria)
        for (const indicator of criterion.indicators) {
          expect(flat, indicator.id).toContain(indicator.text);
          expect(flat, indicator.id).toContain(`Bevinding bij ${indicator.id}:`);
        }
    expect(flat).toContain('✓ Bevinding bij T1');
    expect(flat).toContain('✗ Bevinding bij A14');
    expect(flat).toContain('– niet beoordeeld Bevinding bij S5');
    expect(flat).toContain(
      'LET OP: Er zijn geen afspraken gemaakt over de maximale caseload van de regisseur.',
    );
    expect(flat).toContain('Wat gaat goed? Gezinnen zijn goed in beeld.');
    expect(flat).toContain('Wat kan beter? Formaliseer de samenwerkingsafspraken.');
    expect(flat).toContain('Versie 1 — gepubliceerd op 22 november 2026');
    // Same order as the HTML: respondents, description, findings, the theme tables.
    const order = [
      'Mondriaan',
      'Beschrijving',
      'Bevindingen toezichtonderzoek',
      'Criteria Indicatoren Bevindingen',
      'Versie 1',
    ];
    const positions = order.map((piece) => flat.indexOf(piece));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }, 30_000);

  it('breaks a finding longer than a page across pages without losing a word, repeating the header', async () => {
    const words = Array.from({ length: 1400 }, (_v, i) => `w${String(i).padStart(4, '0')}`);
    const input = maastrichtInput(framework);
    const sheet = buildSnapshot({
      ...input,
      judgments: input.judgments.map((j) =>
        j.indicatorId === 'A3'
          ? { ...j, finding: words.join(' '), letOp: 'Slotopmerking na de lange bevinding.' }
          : j,
      ),
    }).factsheet;
    const pdf = await renderFactsheetPdf(sheet);
    const { pages, flat } = await read(pdf);
    expect(await overlappingText(pdf)).toEqual([]);
    const tokens = flat.match(/w\d{4}/g) ?? [];
    expect(tokens).toEqual(words);
    const spread = pages.filter((page) => /w\d{4}/.test(page));
    expect(spread.length).toBeGreaterThan(1);
    // Each page the finding continues on starts its table with the column headings again.
    for (const page of spread)
      expect(page.replace(/\s+/g, ' ')).toContain('Criteria Indicatoren Bevindingen');
    // The finding starts on the page of the Aanpak table; every page it continues on says so.
    expect(spread.slice(1).every((page) => page.includes('Aanpak (vervolg)'))).toBe(true);
    expect(flat.indexOf('w1399')).toBeLessThan(flat.indexOf('LET OP: Slotopmerking na de lange bevinding.'));
  }, 30_000);

  it('marks a preview as a concept on every page and shows unjudged indicators', async () => {
    const input = maastrichtInput(framework);
    const { factsheet, missing } = buildSnapshot({
      ...input,
      judgments: input.judgments.filter((j) => j.indicatorId !== 'C2'),
    });
    const { pages, flat, info } = await read(await renderFactsheetPdf(factsheet, { draft: true, missing }));
    expect(String(info.Title)).toContain('Concept — niet gepubliceerd');
    for (const page of pages) expect(page).toContain('Concept — niet gepubliceerd');
    expect(flat).toContain('– nog niet beoordeeld');
    expect(flat).not.toContain('Bevinding bij C2');
  }, 30_000);

  it('renders a follow-up report with a column per baseline and the follow-up year', async () => {
    const pdf = await renderFactsheetPdf(almereFollowUp(framework));
    expect(await overlappingText(pdf)).toEqual([]);
    const { flat } = await read(pdf);
    expect(flat).toContain('Uitkomsten verbeterpunten toezichtonderzoek Almere');
    expect(flat).toContain('(2013: Multiprobleemgezinnen en Versterkt Verder)');
    expect(flat).toContain('Uitkomsten verbeterpunten');
    expect(flat).toMatch(/Indicator 2013 Multiprobleemgezinnen 2013 Versterkt Verder 2014/);
    expect(flat).toContain('✗ MPG 2013 over T1');
    expect(flat).toContain('✓ Voor alle partijen is een gemeenschappelijke omschrijving gerealiseerd.');
    expect(flat).toContain('LET OP: Monitoring start in 2015.');
    expect(flat).not.toContain('Beschrijving');
    expect(allIndicatorIds(framework).filter((id) => flat.includes(`over ${id}`))).toEqual([
      'T1',
      'T3',
      'C1',
    ]);
  }, 30_000);

  it('puts "Ontwikkeling <jaar>" with sub-headings and paragraphs before the result tables', async () => {
    const pdf = await renderFactsheetPdf(almereFollowUp(framework));
    expect(await overlappingText(pdf)).toEqual([]);
    const { flat } = await read(pdf);
    const order = [
      'Inleiding',
      'Ontwikkeling 2014',
      'Op 13 januari 2015 heeft de gemeente Almere aan STJ gepresenteerd',
      'Sociale wijkteams',
      'In de stad zijn twaalf sociale wijkteams actief',
      'Uitkomsten verbeterpunten Toeleiding',
    ];
    const positions = order.map((piece) => flat.indexOf(piece));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }, 30_000);

  it('breaks a long narrative across pages without overlap or loss, and leaves out an empty one', async () => {
    const text = Array.from({ length: 12 }, (_v, section) =>
      [
        `### Kop ${section}`,
        ...Array.from({ length: 3 }, (_w, n) =>
          Array.from({ length: 40 }, (_x, i) => `s${section}p${n}w${i}`).join(' '),
        ),
      ].join('\n\n'),
    ).join('\n\n');
    const pdf = await renderFactsheetPdf(almereFollowUp(framework, text));
    expect(await overlappingText(pdf)).toEqual([]);
    const { pages, flat } = await read(pdf);
    const words = flat.match(/s\d+p\d+w\d+/g) ?? [];
    expect(words).toHaveLength(12 * 3 * 40);
    expect(pages.filter((page) => /s\d+p\d+w\d+/.test(page)).length).toBeGreaterThan(1);
    for (let section = 0; section < 12; section++)
      expect(flat.indexOf(`Kop ${section} s${section}p0w0`), `Kop ${section}`).toBeGreaterThan(-1);

    const empty = await read(await renderFactsheetPdf(almereFollowUp(framework, '')));
    expect(empty.flat).not.toContain('Ontwikkeling');
  }, 30_000);
});
