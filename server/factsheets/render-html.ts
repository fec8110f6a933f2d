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

export type RenderOptions = {
  /** The unsaved preview: marked as a concept, and `missing` indicators read "nog niet beoordeeld". */
  draft?: boolean;
  missing?: readonly string[];
};

type Theme = Factsheet['themes'][number];
type Cell = { verdict: FactsheetIndicator['verdict']; letOp: string | null; finding: string } | null;

/**
 * The factsheet as one standalone Dutch HTML document (inline CSS, no external requests), laid out like
 * the published STJ factsheets. Every piece of text is escaped: findings are typed by inspectors.
 */
export function renderFactsheetHtml(sheet: Factsheet, options: RenderOptions = {}): string {
  const missing = new Set(options.missing ?? []);
  const draft = options.draft === true;
  const followUp = sheet.kind === 'uitkomsten_verbeterpunten';
  const body = [
    `<header class="masthead"><p class="organisation">${esc(ORGANISATION)}</p>${
      draft ? `<p class="draft" role="note">${esc(DRAFT_MARKER)}</p>` : ''
    }</header>`,
    `<h1>${esc(sheet.title)}</h1>`,
    `<p class="approach">Aanpak: ${esc(sheet.approach.name)}${
      baselineApproaches(sheet) ? `<br>${esc(baselineApproaches(sheet) ?? '')}` : ''
    }</p>`,
    `<p class="date">${esc(dutchMonthYear(sheet.publishedAt))}</p>`,
    introduction(sheet),
    ...(followUp ? followUpBody(sheet, missing) : baselineBody(sheet, missing)),
    `<footer><p>${esc(versionLine(sheet, draft))}</p></footer>`,
  ];
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(draft ? `${sheet.title} (${DRAFT_MARKER})` : sheet.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="sheet">
${body.join('\n')}
</main>
</body>
</html>
`;
}

function introduction(sheet: Factsheet): string {
  const blocks = introductionBlocks(sheet.introduction);
  const html: string[] = [];
  let terms: string[] = [];
  const flush = () => {
    if (terms.length) html.push(`<ul class="terms">${terms.join('')}</ul>`);
    terms = [];
  };
  for (const block of blocks) {
    if (block.kind === 'term') terms.push(`<li>${esc(block.text)}</li>`);
    else {
      flush();
      html.push(`<p>${esc(block.text)}</p>`);
    }
  }
  flush();
  return `<section class="introduction">${html.join('')}</section>`;
}

function baselineBody(sheet: Factsheet, missing: Set<string>): string[] {
  const { partners, gemeenteSubmitted } = sheet.respondents;
  const respondents = [
    `<p>${esc(respondentsIntro(gemeenteSubmitted, partners.length))}</p>`,
    partners.length ? `<ul class="partners">${partners.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '',
    partners.length ? `<p>${esc(PARTNERS_NOMINATED)}</p>` : '',
  ].join('');
  const description = [
    ...paragraphs(sheet.approach.description ?? ''),
    ...(familyCountSentence(sheet) ? [familyCountSentence(sheet) ?? ''] : []),
  ];
  return [
    `<section class="respondents">${respondents}</section>`,
    description.length
      ? `<section class="description"><h2>Beschrijving</h2>${description.map((p) => `<p>${esc(p)}</p>`).join('')}</section>`
      : '',
    `<section class="findings"><h2>Bevindingen toezichtonderzoek</h2><p>${esc(themesIntro(sheet))}</p>${themeList(sheet)}<p>${esc(themesOutro(sheet))}</p></section>`,
    ...sheet.themes.map(
      (theme) => `<section class="theme">${baselineTable(theme, missing)}${conclusions(theme)}</section>`,
    ),
  ];
}

function followUpBody(sheet: Factsheet, missing: Set<string>): string[] {
  return [
    `<section class="findings"><h2>Inleiding</h2><p>${esc(followUpIntro(sheet))}</p>${themeList(sheet)}<p>${esc(followUpOutro(sheet))}</p></section>`,
    development(sheet),
    `<h2>Uitkomsten verbeterpunten</h2>`,
    ...sheet.themes.map(
      (theme) =>
        `<section class="theme">${followUpTable(sheet, theme, missing)}${conclusions(theme)}</section>`,
    ),
  ];
}

/** "Ontwikkeling <jaar>" before the result tables, as the seeds; left out while nothing is written. */
function development(sheet: Factsheet): string {
  if (sheet.narrative.length === 0) return '';
  const blocks = sheet.narrative.map((block) =>
    block.kind === 'heading' ? `<h3>${esc(block.text)}</h3>` : `<p>${esc(block.text)}</p>`,
  );
  return `<section class="development"><h2>${esc(developmentHeading(sheet))}</h2>${blocks.join('')}</section>`;
}

function themeList(sheet: Factsheet): string {
  const items = sheet.themes.map((t) => `<li><strong>${esc(t.title)}:</strong> ${esc(t.description)}</li>`);
  return `<ul class="themes">${items.join('')}</ul>`;
}

function baselineTable(theme: Theme, missing: Set<string>): string {
  // One <tbody> per criterion, so the spanning criterion header is a true rowgroup header.
  const groups = theme.criteria.map((criterion) => {
    const rows = criterion.indicators.map((indicator, index) => {
      const head =
        index === 0
          ? `<th scope="rowgroup" rowspan="${criterion.indicators.length}" class="criterion">${esc(criterion.title)}</th>`
          : '';
      const pending = missing.has(indicator.id);
      return `<tr>${head}<th scope="row" class="indicator">${esc(indicator.text)}</th><td>${cell(
        pending ? null : indicator,
        pending,
      )}</td></tr>`;
    });
    return `<tbody>${rows.join('')}</tbody>`;
  });
  return `<table class="findings-table baseline"><caption>${esc(theme.title)}</caption><colgroup><col class="c-criterion"><col class="c-indicator"><col class="c-finding"></colgroup><thead><tr><th scope="col">Criteria</th><th scope="col">Indicatoren</th><th scope="col">Bevindingen</th></tr></thead>${groups.join('')}</table>`;
}

function followUpTable(sheet: Factsheet, theme: Theme, missing: Set<string>): string {
  const heads = [
    '<th scope="col">Indicator</th>',
    ...sheet.baselines.map((b) => `<th scope="col">${esc(b.label)}</th>`),
    `<th scope="col">${esc(String(sheet.investigation.year))}</th>`,
  ];
  const rows = theme.criteria.flatMap((criterion) =>
    criterion.indicators.map((indicator) => {
      const earlier = sheet.baselines.map(
        (_b, i) => `<td>${cell(indicator.baselines?.[i] ?? null, false)}</td>`,
      );
      const now = `<td>${cell(missing.has(indicator.id) ? null : indicator, missing.has(indicator.id))}</td>`;
      return `<tr><th scope="row" class="indicator">${esc(indicator.text)}</th>${earlier.join('')}${now}</tr>`;
    }),
  );
  return `<table class="findings-table follow-up"><caption>${esc(theme.title)}</caption><thead><tr>${heads.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A verdict with its finding and LET OP; `pending` is a draft indicator nobody judged yet. */
function cell(judgment: Cell, pending: boolean): string {
  if (!judgment) {
    return pending
      ? `<p class="verdict pending"><span aria-hidden="true" class="mark">${esc(verdictMark(null).symbol)}</span> ${esc(verdictMark(null).label)}</p>`
      : '<span class="sr-only">niet getoetst in deze aanpak</span>';
  }
  const mark = verdictMark(judgment.verdict);
  const texts = paragraphs(judgment.finding);
  const symbol = `<span aria-hidden="true" class="mark mark-${judgment.verdict}">${esc(mark.symbol)}</span>`;
  const label =
    judgment.verdict === 'niet_beoordeeld'
      ? ` <span class="label">${esc(mark.label)}</span>`
      : `<span class="sr-only">${esc(mark.label)}: </span>`;
  const first = `<p class="verdict">${symbol}${label} ${esc(texts[0] ?? '')}</p>`;
  const rest = texts.slice(1).map((p) => `<p>${esc(p)}</p>`);
  const letOp = judgment.letOp ? `<p class="let-op"><strong>LET OP:</strong> ${esc(judgment.letOp)}</p>` : '';
  return [first, ...rest, letOp].join('');
}

function conclusions(theme: Theme): string {
  const parts = [
    conclusionBlock('Wat gaat goed?', theme.conclusions.goed),
    conclusionBlock('Wat kan beter?', theme.conclusions.beter),
  ].filter((p) => p !== '');
  if (!parts.length) return '';
  return `<div class="conclusions"><h3>Conclusies ${esc(theme.title)}</h3>${parts.join('')}</div>`;
}

function conclusionBlock(heading: string, text: string): string {
  const texts = paragraphs(text);
  if (!texts.length) return '';
  return `<h4>${esc(heading)}</h4>${texts.map((p) => `<p>${esc(p)}</p>`).join('')}`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f3f3; color: #1a1a1a; font: 10.5pt/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
.sheet { max-width: 210mm; margin: 0 auto; padding: 18mm 16mm; background: #fff; }
.masthead { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #154273; margin-bottom: 1.2em; }
.organisation { font-weight: bold; color: #154273; margin: 0 0 .4em; }
.draft { margin: 0 0 .4em; padding: .15em .6em; border: 2px solid #b00020; color: #b00020; font-weight: bold; }
h1 { font-size: 17pt; color: #154273; margin: .2em 0 .4em; }
h2 { font-size: 13pt; color: #154273; margin: 1.6em 0 .5em; }
h3 { font-size: 11pt; margin: 1.2em 0 .3em; }
h4 { font-size: 10.5pt; margin: .8em 0 .2em; }
.approach { font-weight: bold; margin: 0; }
.date { margin: .2em 0 1.2em; }
.introduction p { font-style: italic; }
.theme { margin-top: 1.4em; }
table { width: 100%; border-collapse: collapse; margin: .6em 0; }
caption { text-align: left; font-weight: bold; font-size: 12pt; color: #154273; padding: .2em 0 .4em; }
th, td { border: 1px solid #8a8a8a; padding: .35em .5em; vertical-align: top; text-align: left; }
thead th { background: #dce6f1; }
th.criterion, th.indicator { font-weight: normal; }
th.criterion { background: #f2f5f9; }
.baseline col.c-criterion { width: 22%; } .baseline col.c-indicator { width: 30%; }
.follow-up { table-layout: fixed; } .follow-up thead th:first-child { width: 28%; }
td p { margin: 0 0 .45em; } td p:last-child { margin-bottom: 0; }
.mark { font-weight: bold; }
.mark-voldoet { color: #1b6e20; } .mark-verbeterpunt { color: #b00020; }
.pending { color: #7a4b00; font-style: italic; }
.let-op strong { letter-spacing: .02em; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
footer { margin-top: 2em; padding-top: .5em; border-top: 1px solid #8a8a8a; font-size: 9pt; color: #444; }
/* A phone: the sheet's A4 margins go, and tables wrap inside the screen instead of widening the page
   (fixed layout, so a long word breaks within its column rather than pushing the table out). */
@media screen and (max-width: 40rem) {
  body { font-size: 10pt; }
  .sheet { padding: 1rem .75rem; }
  .masthead { flex-wrap: wrap; gap: 0 1em; }
  table { table-layout: fixed; }
  th, td { padding: .3em .35em; overflow-wrap: break-word; hyphens: auto; }
  .baseline col.c-criterion { width: 25%; } .baseline col.c-indicator { width: 36%; }
}
@media print {
  body { background: #fff; }
  .sheet { max-width: none; margin: 0; padding: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
}
`;
