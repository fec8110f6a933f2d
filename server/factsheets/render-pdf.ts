import PDFDocument from 'pdfkit';
import type { Factsheet, FactsheetIndicator } from '../../shared/api/review.js';
import {
  DRAFT_MARKER,
  ORGANISATION,
  PARTNERS_NOMINATED,
  baselineApproaches,
  developmentHeading,
  dutchMonthYear,
  familyCountSentence,
  followUpIntro,
  followUpOutro,
  introductionBlocks,
  paragraphs,
  respondentsIntro,
  themesIntro,
  themesOutro,
  verdictMark,
  versionLine,
} from './factsheet-text.js';
import { dejavuFontData } from './pdf-fonts.js';
import { drawTable, type PdfCell, type PdfRow } from './pdf-table.js';
import type { RenderOptions } from './render-html.js';

type Doc = PDFKit.PDFDocument;
type Theme = Factsheet['themes'][number];
type Judged = { verdict: FactsheetIndicator['verdict']; letOp: string | null; finding: string };

const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';
const BLUE = '#154273';
const RED = '#b00020';
const TEXT = '#1a1a1a';

/** The factsheet as an A4 PDF with the same content, in the same order, as the HTML page. */
export async function renderFactsheetPdf(sheet: Factsheet, options: RenderOptions = {}): Promise<Buffer> {
  const draft = options.draft === true;
  const missing = new Set(options.missing ?? []);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: draft ? `${sheet.title} (${DRAFT_MARKER})` : sheet.title,
      Author: ORGANISATION,
      Subject: `${sheet.frameworkTitle} — ${sheet.approach.name}`,
      Creator: ORGANISATION,
    },
  });
  doc.registerFont(REGULAR, dejavuFontData('DejaVuSans.ttf'));
  doc.registerFont(BOLD, dejavuFontData('DejaVuSans-Bold.ttf'));
  const done = collect(doc);

  doc.font(BOLD).fontSize(11).fillColor(BLUE).text(ORGANISATION);
  if (draft) doc.moveDown(0.3).fillColor(RED).text(DRAFT_MARKER);
  const rule = doc.y + 4;
  doc
    .moveTo(doc.page.margins.left, rule)
    .lineTo(doc.page.width - doc.page.margins.right, rule)
    .lineWidth(1.5)
    .stroke(BLUE);
  doc.lineWidth(0.6);
  doc.y = rule + 14;
  doc.font(BOLD).fontSize(17).fillColor(BLUE).text(sheet.title);
  doc.moveDown(0.4).font(BOLD).fontSize(10.5).fillColor(TEXT).text(`Aanpak: ${sheet.approach.name}`);
  const earlier = baselineApproaches(sheet);
  if (earlier) doc.font(REGULAR).text(earlier);
  doc.moveDown(0.3).font(REGULAR).text(dutchMonthYear(sheet.publishedAt));
  doc.moveDown(1);

  for (const block of introductionBlocks(sheet.introduction)) {
    if (block.kind === 'term') bullet(doc, block.text);
    else paragraph(doc, block.text, { italic: true });
  }

  if (sheet.kind === 'uitkomsten_verbeterpunten') followUpBody(doc, sheet, missing);
  else baselineBody(doc, sheet, missing);

  doc.moveDown(1).font(REGULAR).fontSize(9).fillColor('#444444').text(versionLine(sheet, draft));
  pageFooters(doc, sheet, draft);
  doc.end();
  return done;
}

function baselineBody(doc: Doc, sheet: Factsheet, missing: Set<string>): void {
  const { partners, gemeenteSubmitted } = sheet.respondents;
  doc.moveDown(0.5);
  paragraph(doc, respondentsIntro(gemeenteSubmitted, partners.length));
  for (const partner of partners) bullet(doc, partner);
  if (partners.length) doc.moveDown(0.3);
  if (partners.length) paragraph(doc, PARTNERS_NOMINATED);

  const description = [
    ...paragraphs(sheet.approach.description ?? ''),
    ...(familyCountSentence(sheet) ? [familyCountSentence(sheet) ?? ''] : []),
  ];
  if (description.length) {
    heading(doc, 'Beschrijving');
    for (const text of description) paragraph(doc, text);
  }
  heading(doc, 'Bevindingen toezichtonderzoek');
  paragraph(doc, themesIntro(sheet));
  themeList(doc, sheet);
  paragraph(doc, themesOutro(sheet));

  for (const theme of sheet.themes) {
    caption(doc, theme.title);
    const rows: PdfRow[] = theme.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) => ({
        group: criterion.id,
        cells: [
          [{ text: criterion.title }],
          [{ text: indicator.text }],
          judgedCell(indicator, missing.has(indicator.id)),
        ],
      })),
    );
    drawTable(doc, {
      widths: [0.22, 0.3, 0.48],
      header: ['Criteria', 'Indicatoren', 'Bevindingen'],
      rows,
      spanFirstColumn: true,
      fontSize: 8.5,
      fonts: { regular: REGULAR, bold: BOLD },
      continuation: `${theme.title} (vervolg)`,
    });
    conclusions(doc, theme);
  }
}

function followUpBody(doc: Doc, sheet: Factsheet, missing: Set<string>): void {
  heading(doc, 'Inleiding');
  paragraph(doc, followUpIntro(sheet));
  themeList(doc, sheet);
  paragraph(doc, followUpOutro(sheet));
  development(doc, sheet);
  heading(doc, 'Uitkomsten verbeterpunten');
  const others = 1 + sheet.baselines.length;
  const width = 0.72 / others;
  for (const theme of sheet.themes) {
    caption(doc, theme.title);
    const rows: PdfRow[] = theme.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) => ({
        cells: [
          [{ text: indicator.text }],
          ...sheet.baselines.map((_b, i): PdfCell => {
            const earlier = indicator.baselines?.[i] ?? null;
            return earlier ? judgedCell(earlier, false) : [];
          }),
          judgedCell(indicator, missing.has(indicator.id)),
        ],
      })),
    );
    drawTable(doc, {
      widths: [0.28, ...Array.from({ length: others }, () => width)],
      header: ['Indicator', ...sheet.baselines.map((b) => b.label), String(sheet.investigation.year)],
      rows,
      fontSize: 8,
      fonts: { regular: REGULAR, bold: BOLD },
      continuation: `${theme.title} (vervolg)`,
    });
    conclusions(doc, theme);
  }
}

/** "Ontwikkeling <jaar>" with its sub-headings, before the result tables as in the seeds. */
function development(doc: Doc, sheet: Factsheet): void {
  if (sheet.narrative.length === 0) return;
  heading(doc, developmentHeading(sheet));
  for (const block of sheet.narrative) {
    if (block.kind === 'paragraph') {
      paragraph(doc, block.text);
      continue;
    }
    // A sub-heading never ends a page on its own.
    keepWithNext(doc, 60);
    doc
      .moveDown(0.4)
      .font(BOLD)
      .fontSize(11)
      .fillColor(TEXT)
      .text(block.text, doc.page.margins.left, doc.y, { lineGap: 1.5 });
    doc.moveDown(0.2);
  }
}

function judgedCell(judged: Judged, pending: boolean): PdfCell {
  if (pending) {
    const mark = verdictMark(null);
    return [{ text: `${mark.symbol} ${mark.label}`, color: '#7a4b00' }];
  }
  const mark = verdictMark(judged.verdict);
  const texts = paragraphs(judged.finding);
  const lead = judged.verdict === 'niet_beoordeeld' ? `${mark.symbol} ${mark.label}` : mark.symbol;
  const color = judged.verdict === 'verbeterpunt' ? RED : undefined;
  const cell: PdfCell = [{ text: [lead, texts[0] ?? ''].join(' ').trim(), ...(color ? { color } : {}) }];
  for (const text of texts.slice(1)) cell.push({ text });
  if (judged.letOp) cell.push({ text: `LET OP: ${judged.letOp}`, bold: true });
  return cell;
}

function conclusions(doc: Doc, theme: Theme): void {
  const parts = [
    { heading: 'Wat gaat goed?', texts: paragraphs(theme.conclusions.goed) },
    { heading: 'Wat kan beter?', texts: paragraphs(theme.conclusions.beter) },
  ].filter((p) => p.texts.length > 0);
  if (!parts.length) return;
  keepWithNext(doc, 60);
  doc
    .moveDown(0.6)
    .font(BOLD)
    .fontSize(11)
    .fillColor(TEXT)
    .text(`Conclusies ${theme.title}`, doc.page.margins.left);
  for (const part of parts) {
    keepWithNext(doc, 40);
    doc.moveDown(0.3).font(BOLD).fontSize(10).text(part.heading);
    for (const text of part.texts) paragraph(doc, text);
  }
}

function heading(doc: Doc, text: string): void {
  keepWithNext(doc, 70);
  doc.moveDown(0.8).font(BOLD).fontSize(13).fillColor(BLUE).text(text, doc.page.margins.left);
  doc.moveDown(0.3).fillColor(TEXT);
}

function caption(doc: Doc, text: string): void {
  keepWithNext(doc, 120);
  doc.moveDown(0.8).font(BOLD).fontSize(12).fillColor(BLUE).text(text, doc.page.margins.left);
  doc.moveDown(0.2).fillColor(TEXT);
}

function paragraph(doc: Doc, text: string, options: { italic?: boolean } = {}): void {
  doc
    .font(REGULAR)
    .fontSize(10)
    .fillColor(options.italic ? '#333333' : TEXT)
    .text(text, doc.page.margins.left, doc.y, { lineGap: 1.5, paragraphGap: 6 });
  doc.fillColor(TEXT);
}

function bullet(doc: Doc, text: string, lead?: string): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const full = lead ? `${lead} ${text}` : text;
  doc.font(REGULAR).fontSize(10).fillColor(TEXT);
  keepWithNext(doc, doc.heightOfString(full, { width: width - 14 }));
  const y = doc.y;
  doc.text('•', left + 2, y);
  const options = { width: width - 14, lineGap: 1.5, paragraphGap: 3 };
  // A bold lead ("Toeleiding:") continues into the regular text on the same line, as in the seeds.
  if (lead)
    doc
      .font(BOLD)
      .text(`${lead} `, left + 14, y, { ...options, continued: true })
      .font(REGULAR)
      .text(text);
  else doc.text(text, left + 14, y, options);
  doc.x = left;
}

function themeList(doc: Doc, sheet: Factsheet): void {
  for (const theme of sheet.themes) bullet(doc, theme.description, `${theme.title}:`);
  doc.moveDown(0.3);
}

function keepWithNext(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** "Pagina x van y" needs the page count, so it is written once every page exists (bufferPages). */
function pageFooters(doc: Doc, sheet: Factsheet, draft: boolean): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const label = draft ? `${sheet.title} — ${DRAFT_MARKER}` : `${sheet.title} — versie ${sheet.version}`;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor(draft ? RED : '#555555')
      .text(label, left, y, { width, lineBreak: false });
    doc.fillColor('#555555').text(`Pagina ${i - range.start + 1} van ${range.count}`, left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
