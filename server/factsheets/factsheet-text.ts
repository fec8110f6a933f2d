import type { Factsheet, JudgmentVerdict } from '../../shared/api/review.js';

/**
 * The Dutch wording both renderers share, taken from the published STJ factsheets (../seeds), so the
 * HTML page and the PDF say exactly the same thing in the same order. Whom the care is for comes from
 * the framework through the snapshot (`sheet.wording`), never from here.
 */

export const ORGANISATION = 'Samenwerkend Toezicht Jeugd';
export const DRAFT_MARKER = 'Concept — niet gepubliceerd';
export const NOT_YET_JUDGED = 'nog niet beoordeeld';

const NUMBER_WORDS = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'];

export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "22 november 2026": the date of a publication as the Netherlands reads it. */
export function dutchDate(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

/** "November 2026", under the title as the seeds put "Juni 2015". */
export function dutchMonthYear(iso: string): string {
  const text = new Intl.DateTimeFormat('nl-NL', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type VerdictMark = { symbol: string; label: string };

/** ✓/✗ as in the seeds, always with the word next to it so the verdict is not told by symbol alone. */
export function verdictMark(verdict: JudgmentVerdict | null): VerdictMark {
  switch (verdict) {
    case 'voldoet':
      return { symbol: '✓', label: 'voldoet' };
    case 'verbeterpunt':
      return { symbol: '✗', label: 'verbeterpunt' };
    case 'niet_beoordeeld':
      return { symbol: '–', label: 'niet beoordeeld' };
    case null:
      return { symbol: '–', label: NOT_YET_JUDGED };
    default: {
      const unknown: never = verdict;
      throw new Error(`unknown verdict ${String(unknown)}`);
    }
  }
}

/** Finding paragraphs: inspectors separate them with (blank) lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * The framework introduction: definition paragraphs, then "Gezin: …;"-style terms that the seeds show as a
 * bulleted list. A term is a short label followed by a colon.
 */
export function introductionBlocks(text: string): { kind: 'paragraph' | 'term'; text: string }[] {
  return paragraphs(text).map((line) => ({
    kind: /^[^:.]{1,40}: /.test(line) ? 'term' : 'paragraph',
    text: line,
  }));
}

export function respondentsIntro(gemeenteSubmitted: boolean, partnerCount: number): string {
  const gemeente = gemeenteSubmitted
    ? 'De gemeente heeft de vragenlijst betreffende deze aanpak ingevuld en relevante documentatie toegestuurd.'
    : 'De gemeente heeft de vragenlijst betreffende deze aanpak niet ingevuld.';
  return partnerCount > 0
    ? `${gemeente} Een – beperktere – vragenlijst over deze aanpak is ingevuld door:`
    : `${gemeente} Geen van de netwerkpartners heeft de – beperktere – vragenlijst over deze aanpak ingevuld.`;
}

export const PARTNERS_NOMINATED =
  'Deze netwerkpartners zijn aangedragen door de gemeente. Op basis van de ingevulde vragenlijsten en de aangeleverde informatie gezamenlijk heeft STJ de beoordeling gemaakt.';

export function familyCountSentence(sheet: Factsheet): string | null {
  const count = sheet.approach.familyCount;
  if (count === null) return null;
  const { one, many } = sheet.wording.supported;
  const krijgen = count === 1 ? 'krijgt' : 'krijgen';
  return `Op dit moment ${krijgen} ${count} ${count === 1 ? one : many} in ${sheet.investigation.municipality} ondersteuning vanuit deze aanpak.`;
}

export function themesIntro(sheet: Factsheet): string {
  const n = numberWord(sheet.themes.length);
  return `${ORGANISATION} heeft '${sheet.approach.name}' getoetst aan de hand van ${n} thema's voor ${sheet.wording.careFor}. De ${n} thema's zijn:`;
}

export function themesOutro(sheet: Factsheet): string {
  return `Deze thema's zijn verder uitgewerkt in criteria en bijbehorende indicatoren. De onderstaande tabel bevat de bevindingen van STJ per indicator uit het toetsingskader, waarmee STJ beoordeelt of op beleidsniveau ${sheet.wording.assessedCare} op toereikende wijze is vormgegeven. Per indicator wordt aangegeven of de zorg en ondersteuning vanuit de aanpak daaraan voldoet (✓) dan wel of er een verbeterpunt is (✗).`;
}

/** "(2013: Versterkt Verder en Multiprobleemgezinnen)" under the approach of a follow-up report. */
export function baselineApproaches(sheet: Factsheet): string | null {
  if (sheet.baselines.length === 0) return null;
  const byYear = new Map<number, string[]>();
  for (const baseline of sheet.baselines)
    byYear.set(baseline.year, [...(byYear.get(baseline.year) ?? []), baseline.approach]);
  const parts = [...byYear].map(([year, approaches]) => `${year}: ${joinDutch(approaches)}`);
  return `(${parts.join('; ')})`;
}

export function followUpIntro(sheet: Factsheet): string {
  const years = [...new Set(sheet.baselines.map((b) => b.year))];
  const aanpakken = sheet.baselines.map((b) => `de aanpak '${b.approach}'`);
  const n = numberWord(sheet.themes.length);
  return `In ${joinDutch(years.map(String))} heeft STJ in ${sheet.investigation.municipality} ${joinDutch(aanpakken)} op beleidsniveau getoetst aan de hand van het ${lowerFirst(sheet.frameworkTitle)}. Het toetsingskader bestaat uit thema's voor ${sheet.wording.careFor}. In dit vervolgonderzoek komen ${n} van deze thema's terug:`;
}

export function followUpOutro(sheet: Factsheet): string {
  const years = joinDutch([...new Set(sheet.baselines.map((b) => String(b.year)))]);
  return `In ${sheet.investigation.year} is niet de volledige aanpak opnieuw getoetst. Wel is bekeken op welke wijze de verbeterpunten uit ${years} zijn opgepakt. Het overzicht hieronder geeft per indicator weer of de verbeterpunten uit ${years} zijn opgepakt, en zo ja, op welke wijze dit is gebeurd.`;
}

/** "Ontwikkeling 2014": how the improvement points were taken up in the follow-up year, as the seeds. */
export function developmentHeading(sheet: Factsheet): string {
  return `Ontwikkeling ${sheet.investigation.year}`;
}

export function versionLine(sheet: Factsheet, draft: boolean): string {
  return draft ? DRAFT_MARKER : `Versie ${sheet.version} — gepubliceerd op ${dutchDate(sheet.publishedAt)}`;
}

function joinDutch(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
