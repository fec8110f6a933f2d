/// <reference lib="dom" />
// Code passed to page.evaluate runs in Chromium, so this file sees DOM types.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewSchema, type Review } from '../../shared/api/review.js';
import { findAxeViolations, type AxeViolation } from './support/axe.js';
import { projectRoot } from './support/build-client.js';
import { launchChromium } from './support/chromium.js';
import { startReviewApp, type ReviewApp } from './support/review-app.js';

let server: ReviewApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const axeResults: Record<string, AxeViolation[]> = {};
const editedFinding = 'Het kwartiermakersoverleg stemt de hulp aan gezinnen wekelijks af.';

const screenshots = path.join(projectRoot, 'dist', 'e2e-screenshots', 'review');

async function screenshot(name: string): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function expectAccessible(target: Page, name: string): Promise<void> {
  const violations = await findAxeViolations(target);
  axeResults[name] = violations;
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const reviewPath = () => `/inspectie/onderzoeken/${server.investigationId}/beoordeling`;
const selectedIndicator = () => new URL(page.url()).searchParams.get('indicator');

/** The review as the server sends it, with the browser's own session cookie. */
async function fetchReview(): Promise<Review> {
  const res = await context.request.get(
    `${server.baseUrl}/api/investigations/${server.investigationId}/review`,
  );
  expect(res.status()).toBe(200);
  return reviewSchema.parse(await res.json());
}

/** The session's CSRF token, for requests made beside the page as a colleague would. */
async function csrfToken(): Promise<string> {
  const res = await context.request.get(`${server.baseUrl}/api/session`);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startReviewApp();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL' });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  console.warn(
    'axe per review page',
    JSON.stringify(Object.fromEntries(Object.entries(axeResults).map(([k, v]) => [k, v.length]))),
  );
  await browser?.close();
  await server?.stop();
});

describe('review an investigation in Chromium', () => {
  it('consistency view: answers side by side, flags, accept and edit, keyboard navigation', async () => {
    await page.goto(`${server.baseUrl}/inspectie/inloggen`);
    await page.getByLabel('E-mailadres').fill(server.inspector.email);
    await page.getByLabel('Wachtwoord').fill(server.inspector.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await heading('Onderzoeken').waitFor();
    await page
      .getByRole('link', { name: /Voorbeeldstad/ })
      .first()
      .click();
    await heading(/Voorbeeldstad/).waitFor();
    await page
      .getByRole('region', { name: 'Exporteren' })
      .getByRole('link', { name: 'CSV downloaden' })
      .waitFor();
    await screenshot('onderzoek');
    await page.getByRole('link', { name: 'Beoordeling', exact: true }).click();
    await heading(/Beoordeling Voorbeeldstad/).waitFor();

    const review = await fetchReview();
    const ids = review.analysis.indicators.map((i) => i.id);
    expect(review.judgments).toEqual([]);
    // Opens on the first indicator; the four submitted respondents are the columns, by organisation.
    await page.getByRole('heading', { level: 2, name: new RegExp(ids[0] ?? '') }).waitFor();
    const answers = page.getByRole('region', { name: 'Antwoorden naast elkaar' });
    const headers = await answers.getByRole('columnheader').allTextContents();
    expect(headers).toEqual([
      'Vraag',
      'GemeenteGemeente Voorbeeldstad',
      'Partner 1Wijkteam Voorbeeldstad-Noord',
      'Partner 2GGZ Voorbeeldregio',
      'Partner 3Woningcorporatie Thuis',
    ]);

    // An indicator where a partner contradicts the municipality: the cell says so in words.
    const contradicted = review.analysis.indicators.find((i) =>
      i.flags.some((f) => f.kind === 'tegenspraak'),
    );
    expect(contradicted).toBeDefined();
    const flag = contradicted?.flags.find((f) => f.kind === 'tegenspraak');
    await page.getByRole('checkbox', { name: 'Alleen afwijkingen' }).check();
    const tree = page.getByRole('navigation', { name: 'Indicatoren van het toetsingskader' });
    expect(await tree.getByRole('link').count()).toBeLessThan(ids.length);
    await tree.getByRole('link', { name: new RegExp(`^${contradicted?.id ?? ''}`) }).click();
    await page.waitForURL((url) => url.searchParams.get('indicator') === contradicted?.id);
    await expect.poll(() => answers.getByText('wijkt af').count()).toBeGreaterThan(0);
    const signals = page.getByRole('region', { name: 'Signalen' });
    await signals.getByRole('heading', { name: 'Tegenspraak met de gemeente' }).waitFor();
    await signals
      .getByText(flag?.message ?? '', { exact: false })
      .first()
      .waitFor();
    await expectAccessible(page, 'consistency view (flagged indicator)');
    await screenshot('beoordeling-afwijking');
    await page.getByRole('checkbox', { name: 'Alleen afwijkingen' }).uncheck();

    // Accept the proposal of the first indicator.
    await tree.getByRole('link', { name: new RegExp(`^${ids[0] ?? ''}`) }).click();
    await page.waitForURL((url) => url.searchParams.get('indicator') === ids[0]);
    // Unjudged, the form holds the proposal and says so: a draft, not a verdict.
    const draftNote = page.getByText(/Nog niet opgeslagen — dit is het voorstel/);
    await draftNote.waitFor();
    await page.getByRole('form', { name: 'Oordeel (concept, nog niet opgeslagen)' }).waitFor();
    await page.getByRole('button', { name: 'Voorstel overnemen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Opgeslagen op/ })
      .waitFor();
    expect(await draftNote.count()).toBe(0);
    await expect
      .poll(
        async () =>
          (await tree.getByRole('link', { name: new RegExp(`^${ids[0] ?? ''}`) }).textContent()) ?? '',
      )
      .not.toContain('voorstel');

    await screenshot('beoordeling-overgenomen');

    // Keyboard: Alt+↓ to the next indicator, k back, j forward again; focus follows to its heading.
    const shown = async (id: string | undefined) => {
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${id ?? ''} `) }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('indicator-title');
      expect(selectedIndicator()).toBe(id);
    };
    await page.keyboard.press('Alt+ArrowDown');
    await shown(ids[1]);
    await page.keyboard.press('k');
    await shown(ids[0]);
    await page.keyboard.press('j');
    await shown(ids[1]);
    await page.getByText('Sneltoetsen:').waitFor();

    // Edit the second indicator; Alt+↑ works from inside the text field and the unsaved edit survives.
    await page.getByRole('radio', { name: 'Verbeterpunt' }).check();
    await page.getByLabel('Bevinding').fill(editedFinding);
    await page.keyboard.press('Alt+ArrowUp');
    await shown(ids[0]);
    await page.keyboard.press('j');
    await shown(ids[1]);
    expect(await page.getByLabel('Bevinding').inputValue()).toBe(editedFinding);
    expect(await page.getByRole('radio', { name: 'Verbeterpunt' }).isChecked()).toBe(true);
    await page.getByText('Niet opgeslagen wijzigingen.').waitFor();
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Opgeslagen op/ })
      .waitFor();
    await page.getByText('Wijzigingen', { exact: true }).click();
    await page.locator('.history__list').getByText(editedFinding).waitFor();
    const saved = await fetchReview();
    expect(saved.judgments.find((j) => j.indicatorId === ids[1])).toMatchObject({
      verdict: 'verbeterpunt',
      finding: editedFinding,
      revision: 1,
    });
    expect(selectedIndicator()).toBe(ids[1]);

    // A colleague saves the same indicator meanwhile: the next save shows their version instead of
    // overwriting it, and the inspector takes theirs.
    const colleagueFinding = 'Volgens de collega is de doorzettingsmacht nog niet vastgelegd.';
    const csrf = await csrfToken();
    const put = await context.request.put(
      `${server.baseUrl}/api/investigations/${server.investigationId}/judgments/${ids[1] ?? ''}`,
      {
        headers: { 'X-CSRF-Token': csrf },
        data: { verdict: 'verbeterpunt', finding: colleagueFinding, revision: 1 },
      },
    );
    expect(put.status()).toBe(200);
    await page.getByLabel('Bevinding').fill(`${editedFinding} Aangevuld.`);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Een collega heeft dit oordeel intussen gewijzigd' });
    await conflict.getByText(colleagueFinding).waitFor();
    await conflict.getByRole('button', { name: 'Mijn versie toch opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Opgeslagen op/ })
      .waitFor();
    expect((await fetchReview()).judgments.find((j) => j.indicatorId === ids[1])).toMatchObject({
      finding: `${editedFinding} Aangevuld.`,
      revision: 3,
    });
    await expectAccessible(page, 'consistency view (judged)');
  }, 60_000);

  it('factsheet: missing judgments listed, publish version 1, download the PDF, overview shows the verdict', async () => {
    await page.getByRole('link', { name: 'Naar de factsheet' }).click();
    await heading(/Factsheet Voorbeeldstad/).waitFor();
    await expectAccessible(page, 'factsheet page');

    // With unjudged indicators, Publiceren is disabled before any dialog, and says why: the missing
    // indicators, each a link back into the consistency view.
    const publishButton = page.getByRole('button', { name: 'Publiceren', exact: true });
    expect(await publishButton.isDisabled()).toBe(true);
    const reasonId = (await publishButton.getAttribute('aria-describedby')) ?? '';
    expect(reasonId).not.toBe('');
    const incomplete = page.locator(`[id="${reasonId}"]`);
    await incomplete.getByText('Publiceren kan pas als alle indicatoren zijn beoordeeld').waitFor();
    // A framework's worth of missing indicators is folded away behind one summary line.
    await incomplete.getByText(/^Toon de \d+ indicatoren zonder oordeel$/).click();
    await screenshot('factsheet-onvolledig');
    const review = await fetchReview();
    const unjudged = review.analysis.indicators.filter(
      (i) => !review.judgments.some((j) => j.indicatorId === i.id),
    );
    expect(await incomplete.getByRole('link').count()).toBe(unjudged.length);
    expect(await incomplete.getByRole('link').first().getAttribute('href')).toContain(
      `/beoordeling?indicator=${unjudged[0]?.id ?? ''}`,
    );
    expect(await page.getByRole('alertdialog').count()).toBe(0);

    // The rest via the API with the page's own session, as a colleague would judge them.
    const csrf = await csrfToken();
    for (const indicator of unjudged) {
      const { proposal } = indicator;
      const res = await context.request.put(
        `${server.baseUrl}/api/investigations/${server.investigationId}/judgments/${indicator.id}`,
        {
          headers: { 'X-CSRF-Token': csrf },
          data: {
            verdict:
              proposal.verdict === 'voldoet_let_op'
                ? 'voldoet'
                : proposal.verdict === 'geen_oordeel'
                  ? 'niet_beoordeeld'
                  : proposal.verdict,
            ...(proposal.letOp ? { letOp: proposal.letOp } : {}),
            finding: proposal.finding,
          },
        },
      );
      expect(res.status()).toBe(200);
    }

    await page.reload();
    await heading(/Factsheet Voorbeeldstad/).waitFor();
    const firstTheme = review.framework.themes[0];
    const secondTheme = review.framework.themes[1];
    await page.getByText(/Er zijn nog geen conclusies/).waitFor();

    // Typed but not saved: publishing is blocked, naming the theme, instead of freezing a version without it.
    const conclusionText = 'De partners kennen elkaar en weten elkaar te vinden.';
    await page.getByLabel('Wat gaat goed?').first().fill(conclusionText);
    await page.getByText('Niet opgeslagen wijzigingen.').waitFor();
    expect(await publishButton.isDisabled()).toBe(true);
    const unsaved = page.locator(`[id="${(await publishButton.getAttribute('aria-describedby')) ?? ''}"]`);
    await unsaved.getByText(`Niet opgeslagen: ‘${firstTheme?.title ?? ''}’`).waitFor();
    await expectAccessible(page, 'factsheet page (unsaved conclusion)');
    await screenshot('factsheet-niet-opgeslagen');

    // Leaving the page inside the app asks first; staying keeps the text.
    await page.getByRole('link', { name: 'Naar de beoordeling' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Wijzigingen niet opgeslagen' });
    await leave.getByText(`‘${firstTheme?.title ?? ''}’`).waitFor();
    await leave.getByRole('button', { name: 'Annuleren' }).click();
    await heading(/Factsheet Voorbeeldstad/).waitFor();
    expect(await page.getByLabel('Wat gaat goed?').first().inputValue()).toBe(conclusionText);

    // "Alles opslaan" saves every unsaved text; then publishing is possible and the text is in version 1.
    await unsaved.getByRole('button', { name: 'Alles opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Opgeslagen op/ })
      .waitFor();
    await expect.poll(() => publishButton.isDisabled()).toBe(false);
    expect(await page.getByText(/Er zijn nog geen conclusies/).count()).toBe(0);
    // A theme's own button still saves just that theme.
    await page.getByLabel('Wat kan beter?').nth(1).fill('De regie kan eerder worden belegd.');
    await page.getByRole('button', { name: `Opslaan (${secondTheme?.title ?? ''})` }).click();
    await expect.poll(() => publishButton.isDisabled()).toBe(false);

    await publishButton.click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Versie 1 publiceren' }).click();
    await page.getByText('Versie 1 van de factsheet is gepubliceerd.').waitFor();
    const v1 = await context.request.get(
      `${server.baseUrl}/api/investigations/${server.investigationId}/factsheets/1`,
    );
    const v1Themes = ((await v1.json()) as { themes: { conclusions: { goed: string; beter: string } }[] })
      .themes;
    expect(v1Themes[0]?.conclusions.goed).toBe(conclusionText);
    expect(v1Themes[1]?.conclusions.beter).toBe('De regie kan eerder worden belegd.');
    const versions = page.getByRole('region', { name: 'Gepubliceerde versies' });
    await versions.getByRole('cell', { name: 'Versie 1', exact: true }).waitFor();
    await expectAccessible(page, 'factsheet page (published)');
    await screenshot('factsheet-gepubliceerd');

    // Publishing again without changes is refused in words.
    await page.getByRole('button', { name: 'Publiceren', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Versie 2 publiceren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is niets veranderd' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      versions.getByRole('link', { name: 'PDF van versie 1' }).click(),
    ]);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Voorbeeldstad');
    expect(flat).toContain('kwartiermakersoverleg stemt de hulp');

    // A follow-up round from the published factsheet: a dialog, then the new investigation's own page.
    await page.getByRole('button', { name: 'Vervolgonderzoek starten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vervolgonderzoek starten' });
    await dialog.getByLabel('Jaar').waitFor();
    expect(await dialog.getByLabel('Jaar').inputValue()).toBe(String(review.investigation.year + 1));
    await expectAccessible(page, 'follow-up dialog');
    await dialog.getByRole('button', { name: 'Vervolgonderzoek starten' }).click();
    await page.waitForURL(
      (url) =>
        /\/onderzoeken\/[0-9a-f]{24}$/.test(url.pathname) && !url.pathname.includes(server.investigationId),
    );
    await heading(/Voorbeeldstad/).waitFor();

    // The follow-up's factsheet page: "Ontwikkeling <jaar>" is written before publishing, as the seeds.
    const followUpYear = review.investigation.year + 1;
    await page.goto(`${server.baseUrl}${new URL(page.url()).pathname}/factsheet`);
    await heading(/Factsheet Voorbeeldstad/).waitFor();
    await page.getByText(/is nog leeg/).waitFor();
    // Nothing judged yet in the follow-up: disabled, with the count in the reason it points to.
    expect(await publishButton.isDisabled()).toBe(true);
    const followUpReason = page.locator(
      `[id="${(await publishButton.getAttribute('aria-describedby')) ?? ''}"]`,
    );
    await followUpReason.getByText(/Nog zonder oordeel: \d+ van \d+/).waitFor();
    await page
      .getByLabel('Hoe heeft de gemeente de verbeterpunten opgepakt?')
      .fill('De gemeente rapporteerde in een interview.\n\n### Sociale wijkteams\nTwaalf teams.');
    await page.getByRole('button', { name: `Opslaan (Ontwikkeling ${followUpYear})` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Opgeslagen op/ })
      .waitFor();
    expect(await page.getByText(/is nog leeg/).count()).toBe(0);
    await expectAccessible(page, 'follow-up factsheet page');
    await screenshot('vervolg-ontwikkeling');

    // The overview of this year: the edited indicator as a judged verbeterpunt, no proposals left.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Overzicht' })
      .click();
    await heading('Overzicht').waitFor();
    const edited = review.analysis.indicators[1]?.id ?? '';
    const matrix = page.getByRole('region', { name: 'Overzicht per gemeente en indicator' });
    const row = matrix.getByRole('row', { name: /Voorbeeldstad/ });
    await row.getByRole('link', { name: `${edited}: verbeterpunt`, exact: true }).waitFor();
    expect(await row.getByRole('link', { name: /\(voorstel\)/ }).count()).toBe(0);
    expect(
      await row.getByRole('link', { name: `${edited}: verbeterpunt`, exact: true }).getAttribute('href'),
    ).toBe(`${reviewPath()}?indicator=${edited}`);
    const csvHref = await page.getByRole('link', { name: 'CSV downloaden' }).getAttribute('href');
    const csv = await context.request.get(`${server.baseUrl}${csvHref ?? ''}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Voorbeeldstad');
    await expectAccessible(page, 'overview');
    await screenshot('overzicht');
  }, 60_000);
});
