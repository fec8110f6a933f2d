import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { investigationArchiveSchema } from '../../../server/exports/archive.schema.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import {
  answeredInvestigation,
  answersOf,
  createInvestigation,
  judge,
  publish,
} from '../follow-up/review-fixtures.js';
import { parseCsv } from './parse-csv.js';

let kit: InspectorKit;
let inspector: HttpClient;
let fryslan: string;

const EVIL_FINDING = '=HYPERLINK("http://evil.example","klik")';
const TRICKY_FINDING =
  'De gemeente geeft aan dat het "goed" gaat; ook bij partners, zegt men.\nTweede regel.';

beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
  fryslan = await answeredInvestigation(
    kit,
    inspector,
    { municipality: 'Súdwest-Fryslân', approach: 'Multiprobleemgezinnen', year: 2014 },
    (index) =>
      index === 0
        ? { ...answersOf('netwerkpartner'), regisseur_functie: '+31 gezinscoach' }
        : answersOf('netwerkpartner'),
    ['=cmd|calc BV', 'Wijkteam Centrum'],
  );
  await judge(kit, fryslan, {
    A9: { verdict: 'verbeterpunt', finding: EVIL_FINDING, letOp: '@SUM(1+1)' },
    G1: { verdict: 'voldoet', finding: TRICKY_FINDING },
  });
  await kit.ctx.models.Conclusion.create({
    investigation: fryslan,
    themeId: 'aanpak',
    goed: 'Er is een regisseur.',
    beter: 'Doorzettingsmacht.',
    revision: 1,
    updatedBy: { id: 'x', name: 'Inspecteur', email: 'inspecteur@stj.example' },
  });
  await publish(kit, fryslan, { A9: 'verbeterpunt' });
  await createInvestigation(inspector, { municipality: 'Assen', year: 2014 });
});
afterAll(async () => {
  await kit.stop();
});

async function download(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${kit.app.baseUrl}${path}`, {
    headers: { cookie: [...inspector.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const indicatorCount = () =>
  kit.framework.framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators)).length;
const HEADER = [
  'Gemeente',
  'Aanpak',
  'Jaar',
  'Ronde',
  'Thema',
  'Criterium',
  'Indicator',
  'Indicatortekst',
  'Voorstel',
  'Oordeel',
  'LET OP',
  'Bevinding',
  'Signalen',
  'Antwoorden G',
  'Antwoorden P1',
  'Antwoorden P2',
  'Antwoorden P3',
];

function csvRecords(bytes: Buffer, delimiter: string): Record<string, string>[] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'), delimiter);
  expect(header).toEqual(HEADER);
  return rows.map((row) => Object.fromEntries(HEADER.map((name, i) => [name, row[i] ?? ''])));
}

describe('exports of one investigation', () => {
  it('CSV: BOM, CRLF, one row per indicator, quoting and formula injection escaped', async () => {
    const reply = await download(`/api/investigations/${fryslan}/export.csv`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(reply.headers.get('content-disposition')).toBe(
      'attachment; filename="stj-sudwest-fryslan-multiprobleemgezinnen-2014.csv"',
    );
    const rows = csvRecords(reply.bytes, ',');
    expect(rows.length).toBe(indicatorCount());
    expect(rows.every((row) => row.Gemeente === 'Súdwest-Fryslân' && row.Ronde === 'nulmeting')).toBe(true);
    expect(rows.map((row) => row.Indicator).slice(0, 3)).toEqual(['T1', 'T2', 'T3']);

    const a9 = rows.find((row) => row.Indicator === 'A9');
    expect(a9).toMatchObject({
      Jaar: '2014',
      Thema: 'Aanpak',
      Oordeel: 'verbeterpunt',
      Bevinding: `'${EVIL_FINDING}`,
      'LET OP': "'@SUM(1+1)",
    });
    // The municipality says the mandate is arranged, both partners say it is not.
    expect(a9?.['Antwoorden G']).toMatch(/: Ja/);
    expect(a9?.['Antwoorden P1']).toMatch(/: Nee/);
    expect(a9?.['Antwoorden P3']).toBe('');
    expect(a9?.Signalen).toMatch(/tegenspraak \d/);

    const g1 = rows.find((row) => row.Indicator === 'G1');
    expect(g1).toMatchObject({ Oordeel: 'voldoet', Bevinding: TRICKY_FINDING });
    const unjudged = rows.find((row) => row.Indicator === 'T1');
    expect(unjudged?.Oordeel).toBe('');
    expect(unjudged?.Voorstel).toMatch(/^(voldoet|voldoet \(LET OP\)|verbeterpunt|geen oordeel)$/);
    expect(unjudged?.Bevinding?.length).toBeGreaterThan(20);
    // A partner's answer starting with "+" sits inside a cell that starts with the question title.
    const a8 = rows.find((row) => row.Indicator === 'A8');
    expect(a8?.['Antwoorden P1']).toContain('+31 gezinscoach');
  });

  it('CSV with ?delimiter=semicolon for a Dutch Excel', async () => {
    const reply = await download(`/api/investigations/${fryslan}/export.csv?delimiter=semicolon`);
    expect(reply.status).toBe(200);
    const text = reply.bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(HEADER.join(';'));
    const rows = csvRecords(reply.bytes, ';');
    expect(rows.find((row) => row.Indicator === 'G1')?.Bevinding).toBe(TRICKY_FINDING);
    expect((await download(`/api/investigations/${fryslan}/export.csv?delimiter=tab`)).status).toBe(400);
  });

  it('XLSX: sheets Indicatoren and Antwoorden with a styled, frozen header', async () => {
    const reply = await download(`/api/investigations/${fryslan}/export.xlsx`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toContain(
      'stj-sudwest-fryslan-multiprobleemgezinnen-2014.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Indicatoren', 'Antwoorden']);

    const indicators = workbook.getWorksheet('Indicatoren');
    expect(indicators?.rowCount).toBe(indicatorCount() + 1);
    expect(indicators?.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(indicators?.getRow(1).font?.bold).toBe(true);
    expect(indicators?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const a9 = indicators?.getRows(2, indicatorCount())?.find((row) => row.getCell(7).value === 'A9');
    // Typed text, never a formula: no apostrophe needed in the workbook.
    expect(a9?.getCell(12).value).toBe(EVIL_FINDING);
    expect(a9?.getCell(12).type).toBe(ExcelJS.ValueType.String);

    const answers = workbook.getWorksheet('Antwoorden');
    expect(answers?.getRow(1).getCell(1).value).toBe('Gemeente');
    expect(answers?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = answers?.getRows(2, (answers.rowCount ?? 1) - 1) ?? [];
    const mandate = rows.filter((row) => row.getCell(8).value === 'doorzettingsmacht');
    expect(mandate.map((row) => [row.getCell(4).value, row.getCell(10).value])).toEqual([
      ['G', 'Ja'],
      ['P1', 'Nee'],
      ['P2', 'Nee'],
    ]);
    const evil = rows.find((row) => row.getCell(6).value === '=cmd|calc BV');
    expect(evil?.getCell(6).type).toBe(ExcelJS.ValueType.String);
  });

  it('JSON archive: everything about the investigation, without token hashes', async () => {
    const reply = await download(`/api/investigations/${fryslan}/export.json`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toContain(
      'stj-sudwest-fryslan-multiprobleemgezinnen-2014.json',
    );
    const raw = reply.bytes.toString('utf8');
    expect(raw).not.toContain('tokenHash');
    const archive = investigationArchiveSchema.parse(JSON.parse(raw));
    expect(archive.framework).toMatchObject({
      id: kit.framework.framework.id,
      version: kit.framework.version,
    });
    expect(archive.investigation).toMatchObject({ _id: fryslan, municipality: 'Súdwest-Fryslân' });
    expect(archive.respondents.map((r) => r.organisation)).toEqual([
      'Gemeente Súdwest-Fryslân',
      '=cmd|calc BV',
      'Wijkteam Centrum',
    ]);
    expect(archive.responses.map((r) => r.status)).toEqual(['ingediend', 'ingediend', 'ingediend']);
    expect(archive.judgments.map((j) => [j.indicatorId, j.verdict])).toEqual([
      ['A9', 'verbeterpunt'],
      ['G1', 'voldoet'],
    ]);
    expect(archive.conclusions).toMatchObject([{ themeId: 'aanpak', goed: 'Er is een regisseur.' }]);
    expect(archive.factsheets.map((f) => f.version)).toEqual([1]);
    const actions = archive.auditEntries.map((entry) => entry.action);
    expect(actions[0]).toBe('investigation_created');
    expect(actions).toContain('response_submitted');
  });

  it('answers 404 for an unknown investigation and 401 without a session', async () => {
    const missing = await inspector.get('/api/investigations/ffffffffffffffffffffffff/export.csv');
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('investigation_not_found');
    expect((await inspector.get('/api/investigations/nope/export.json')).status).toBe(404);
    expect((await kit.client().get(`/api/investigations/${fryslan}/export.csv`)).status).toBe(401);
  });
});

describe('exports of a year', () => {
  it('CSV and XLSX with every investigation of the year × indicator', async () => {
    const csv = await download('/api/overview/export.csv?year=2014&delimiter=semicolon');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="stj-overzicht-2014.csv"');
    const rows = csvRecords(csv.bytes, ';');
    expect(rows.length).toBe(2 * indicatorCount());
    expect([...new Set(rows.map((row) => row.Gemeente))]).toEqual(['Assen', 'Súdwest-Fryslân']);

    const xlsx = await download('/api/overview/export.xlsx?year=2014');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Indicatoren')?.rowCount).toBe(2 * indicatorCount() + 1);

    const empty = await download('/api/overview/export.csv?year=2001');
    expect(csvRecords(empty.bytes, ',')).toEqual([]);
    expect((await download('/api/overview/export.csv')).status).toBe(400);
  });
});
