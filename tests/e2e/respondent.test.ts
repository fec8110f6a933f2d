/// <reference lib="dom" />
// Code passed to page.evaluate runs in Chromium, so these files see DOM types.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations, type AxeViolation } from './support/axe.js';
import { projectRoot } from './support/build-client.js';
import { launchChromium } from './support/chromium.js';
import { contrastRatio } from './support/contrast.js';
import { startRespondentApp, type RespondentApp } from './support/respondent-app.js';
import {
  chooseFile,
  goToPage,
  nextPage,
  openLink,
  pageTitle,
  question,
  recordExternalRequests,
  saveStatus,
  waitForSaved,
} from './support/respondent-page.js';

const screenshots = path.join(projectRoot, 'dist', 'e2e-screenshots');
const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

type ResponseCopy = {
  data: Record<string, unknown>;
  currentPageNo: number;
  revision: number;
  status: string;
};

let server: RespondentApp;
let browser: Browser;

async function serverCopy(token: string): Promise<ResponseCopy> {
  const res = await fetch(`${server.baseUrl}/api/respond/${token}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { response: ResponseCopy }).response;
}

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage });
}

/** Runs axe on every page of the questionnaire, from the current page to the last; violations keyed by page. */
async function axeEveryPage(page: Page): Promise<Record<string, AxeViolation[]>> {
  const results: Record<string, AxeViolation[]> = {};
  for (;;) {
    results[await pageTitle(page)] = await findAxeViolations(page);
    if (!(await page.getByRole('button', { name: 'Volgende' }).isVisible())) return results;
    await nextPage(page);
  }
}

function realisticAnswers(role: 'gemeente' | 'netwerkpartner'): Record<string, unknown> {
  const file = path.join(
    projectRoot,
    'tests',
    'fixtures',
    'frameworks',
    'ggsr-answers',
    `${role}-integrale-aanpak.json`,
  );
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Colours as rendered (axe cannot see SurveyJS's pseudo-elements): text and the opaque colour behind it. */
async function measureColours(page: Page) {
  return page.evaluate(() => {
    const background = (el: Element | null): string | undefined => {
      for (let node = el; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
      }
      return undefined;
    };
    const colour = (el: Element | null) => (el ? getComputedStyle(el).color : undefined);
    const root = document.querySelector('.sd-root-modern');
    const variable = (name: string) => (root ? getComputedStyle(root).getPropertyValue(name).trim() : '');
    const complete = Array.from(document.querySelectorAll('input[type=button], button')).find(
      (b) =>
        (b as HTMLInputElement).value === 'Antwoorden verzenden' ||
        b.textContent?.trim() === 'Antwoorden verzenden',
    );
    const checked = document.querySelector('.sd-item--checked .sd-item__decorator');
    const error = document.querySelector('.sd-question--error .sd-error, .sd-question__erbox');
    return {
      // The label is a span with its own colour; the button's own `color` is not what is drawn.
      primaryButton: complete
        ? {
            text: colour(complete.querySelector('.sd-action__title') ?? complete),
            background: background(complete),
          }
        : undefined,
      selectedItem: checked
        ? { text: background(checked), background: background(checked.closest('.sd-question')) }
        : undefined,
      errorText: error ? { text: colour(error), background: background(error) } : undefined,
      variables: {
        brand: {
          text: variable('--sjs2-color-fg-brand-on-primary'),
          background: variable('--sjs2-color-bg-brand-primary'),
        },
        alert: {
          text: variable('--sjs2-color-fg-alert-primary'),
          background: variable('--sjs2-color-bg-alert-secondary'),
        },
        secondaryText: { text: variable('--sjs2-color-fg-basic-secondary'), background: '#ffffff' },
        focusRing: { text: variable('--sjs2-color-utility-a11y'), background: '#ffffff' },
      },
    };
  });
}

type ColourPair = { text?: string; background?: string } | undefined;

function ratioOf(pair: ColourPair): number {
  if (!pair?.text || !pair.background) throw new Error(`colour pair not found: ${JSON.stringify(pair)}`);
  return Math.round(contrastRatio(pair.text, pair.background) * 100) / 100;
}

describe('respondent survey in Chromium', () => {
  let context: BrowserContext;
  let external: string[];

  beforeAll(async () => {
    server = await startRespondentApp();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('gemeente: answers over pages, resumes after reload, retries offline, uploads, submits', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'nl-NL' });
    external = recordExternalRequests(context, server.baseUrl);
    const token = await server.invite('gemeente', 'Gemeente Venlo');
    const page = await openLink(context, server.baseUrl, token);

    expect(await page.locator('h1').textContent()).toBe('Vragenlijst voor Gemeente Venlo');
    expect(await page.locator('.respondent-header__context').textContent()).toMatch(
      /^Aanpak: Sociale wijkteamsGraag invullen uiterlijk \d{1,2} [a-z]+ \d{4}$/,
    );
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await page.locator('a.skip-link[href="#main"]').textContent()).toBe('Naar de inhoud');
    expect(await pageTitle(page)).toBe('Welkom');
    await screenshot(page, 'gemeente-welkom');

    // Every page of the municipality questionnaire passes axe (WCAG 2.0 A/AA, 2.1 AA).
    const axeByPage = await axeEveryPage(page);
    expect(Object.keys(axeByPage).length).toBeGreaterThanOrEqual(8);
    expect(axeByPage).toEqual(Object.fromEntries(Object.keys(axeByPage).map((title) => [title, []])));
    // The progress steps: every page but the welcome text, none ticked while nothing is answered.
    const steps = page.locator('.page-progress__step');
    expect(await steps.count()).toBe(Object.keys(axeByPage).length - 1);
    expect(await page.locator('.page-progress__step--done').count()).toBe(0);
    await page.reload();
    await page.locator('.sd-root-modern').waitFor();

    // Answer on two pages; text is typed without leaving the field (committed on typing).
    await goToPage(page, 'Over de aanpak');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Over de aanpak');
    // "Volgende" is the primary way on: filled brand blue with white text, AA contrast.
    const next = await page.getByRole('button', { name: 'Volgende' }).evaluate((b) => ({
      text: getComputedStyle(b.querySelector('.sd-action__title') ?? b).color,
      background: getComputedStyle(b).backgroundColor,
    }));
    expect(ratioOf(next)).toBeGreaterThanOrEqual(4.5);
    const naam = page.getByRole('textbox', { name: /naam van de aanpak/ });
    await naam.pressSequentially('Sociale wijkteams Venlo');
    await waitForSaved(page);
    // Status updates re-rendered the page around the survey: the typed text must still be there.
    expect(await naam.inputValue()).toBe('Sociale wijkteams Venlo');
    await page
      .getByRole('textbox', { name: /Hoe werkt de aanpak/ })
      .fill('Wijkteams coördineren de hulp per gezin.');
    await goToPage(page, 'Toeleiding');
    await question(page, 'Welke kenmerken').locator('label', { hasText: 'Meervoudige problematiek' }).click();
    await waitForSaved(page);
    await screenshot(page, 'gemeente-toeleiding');

    // Reload (or another device): same page, same answers.
    await page.reload();
    await page.locator('.sd-root-modern').waitFor();
    expect(await pageTitle(page)).toBe('Toeleiding');
    expect(
      await question(page, 'Welke kenmerken')
        .getByRole('checkbox', { name: /Meervoudige/ })
        .isChecked(),
    ).toBe(true);
    await page.getByRole('button', { name: 'Vorige' }).click();
    expect(await page.getByRole('textbox', { name: /naam van de aanpak/ }).inputValue()).toBe(
      'Sociale wijkteams Venlo',
    );

    // Offline: the change is not claimed as saved and is retried; back online it is saved.
    await context.setOffline(true);
    const naamAgain = page.getByRole('textbox', { name: /naam van de aanpak/ });
    await naamAgain.focus();
    await naamAgain.press('End');
    await naamAgain.pressSequentially(' (offline)');
    await page
      .locator('.save-status__text', { hasText: 'Niet opgeslagen — we proberen het opnieuw' })
      .waitFor();
    await page.getByRole('button', { name: 'Nu opnieuw proberen' }).waitFor();
    await screenshot(page, 'gemeente-offline');
    expect((await findAxeViolations(page)).map((v) => v.id)).toEqual([]);
    await context.setOffline(false);
    await waitForSaved(page);
    expect((await serverCopy(token)).data.aanpak_naam).toBe('Sociale wijkteams Venlo (offline)');

    // Documents: a PDF is uploaded and only its reference is stored; a refused type gets a Dutch message.
    await goToPage(page, 'Netwerkpartners en documenten');
    await chooseFile(page, 'Documenten', {
      name: 'beleidsplan.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf,
    });
    await question(page, 'Documenten').getByText('beleidsplan.pdf').first().waitFor();
    await waitForSaved(page);
    const documents = (await serverCopy(token)).data.documenten as { id: string; name: string }[];
    expect(documents).toEqual([
      expect.objectContaining({ name: 'beleidsplan.pdf', id: expect.stringMatching(/^[0-9a-f]{24}$/) }),
    ]);
    await chooseFile(page, 'Documenten', {
      name: 'notities.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('gewone tekst'),
    });
    await question(page, 'Documenten')
      .getByText(/bestandstype dat niet wordt geaccepteerd/)
      .waitFor();
    await screenshot(page, 'gemeente-documenten');

    const onLastPage = await measureColours(page);

    // Submitting incomplete answers: the server's Dutch errors appear at the questions, with a summary.
    await page.getByRole('button', { name: 'Antwoorden verzenden' }).click();
    const summary = page.locator('section', {
      has: page.getByRole('heading', { name: 'Nog niet alle vragen zijn goed ingevuld' }),
    });
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(
      'error-summary-title',
    );
    expect(await pageTitle(page)).toBe('Toeleiding');
    const errorAtQuestion = page.locator('.sd-question--error').first();
    await errorAtQuestion.waitFor();
    expect(await errorAtQuestion.textContent()).toMatch(/Beantwoord deze vraag|verplicht/i);
    expect(await summary.locator('li').count()).toBeGreaterThan(5);
    // The error sits in its own question's frame, right under the title (not above, by the question before).
    const errorOrder = await errorAtQuestion.evaluate((q) => {
      const top = (sel: string) => q.querySelector(sel)?.getBoundingClientRect().top ?? NaN;
      return { title: top('.sd-question__title'), error: top('.sd-question__erbox') };
    });
    expect(errorOrder.error).toBeGreaterThan(errorOrder.title);
    // Steps: a page with its required questions answered is ticked; the others say they need fixing.
    expect(await page.getByRole('button', { name: 'Over de aanpak (ingevuld)' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Toeleiding (nog niet goed ingevuld)' }).count()).toBe(1);
    expect(await page.locator('.page-progress__step--error').count()).toBeGreaterThan(2);
    await screenshot(page, 'gemeente-fouten');
    expect((await findAxeViolations(page)).map((v) => v.id)).toEqual([]);

    // The themed colours: primary button, selected item, error text (and the variables behind them) ≥ 4.5:1.
    const onErrorPage = await measureColours(page);
    const ratios = {
      primaryButton: ratioOf(onLastPage.primaryButton),
      selectedItem: ratioOf(onErrorPage.selectedItem),
      errorText: ratioOf(onErrorPage.errorText),
      brandVariables: ratioOf(onErrorPage.variables.brand),
      alertVariables: ratioOf(onErrorPage.variables.alert),
      secondaryText: ratioOf(onErrorPage.variables.secondaryText),
      focusRing: ratioOf(onErrorPage.variables.focusRing),
    };
    console.warn('contrast ratios', JSON.stringify(ratios));
    for (const [name, ratio] of Object.entries(ratios))
      expect({ name, ratio, ok: ratio >= 4.5 }).toMatchObject({ ok: true });

    // Each summary item is a link to its question; following it focuses the question, and fixing the
    // answer takes the item off the list at once.
    const itemsBefore = await summary.locator('li').count();
    const firstLink = summary.locator('a.error-summary__link').first();
    expect(await firstLink.getAttribute('href')).toMatch(/^#/);
    await firstLink.click();
    const fixedId = await page.waitForFunction(() => document.activeElement?.closest('.sd-question')?.id);
    const fixed = page.locator(`[id="${String(await fixedId.jsonValue())}"]`);
    expect(await fixed.evaluate((q) => q.classList.contains('sd-question--error'))).toBe(true);
    const choices = fixed.locator('.sd-item label');
    if ((await choices.count()) > 0) await choices.first().click();
    else await fixed.getByRole('textbox').first().fill('Ingevuld na de foutmelding');
    await page.waitForFunction(
      (before) => document.querySelectorAll('.error-summary__item').length < before,
      itemsBefore,
    );
    expect(await fixed.evaluate((q) => q.classList.contains('sd-question--error'))).toBe(false);
    await waitForSaved(page);

    // A colleague finishes the remaining answers on another device; this one picks them up on reload.
    const current = await serverCopy(token);
    const complete = {
      ...realisticAnswers('gemeente'),
      documenten: current.data.documenten,
      aanpak_naam: current.data.aanpak_naam,
    };
    const put = await fetch(`${server.baseUrl}/api/respond/${token}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: complete, currentPageNo: 7, revision: current.revision }),
    });
    expect(put.status).toBe(200);
    await page.reload();
    await page.locator('.sd-root-modern').waitFor();
    expect(await pageTitle(page)).toBe('Netwerkpartners en documenten');
    await page.getByRole('button', { name: 'Antwoorden verzenden' }).click();

    const confirmation = page.getByRole('heading', { name: 'Bedankt, uw antwoorden zijn verzonden' });
    await confirmation.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirmation-title');
    expect((await serverCopy(token)).status).toBe('ingediend');
    // The read-only view: every page's answers on one page, nothing editable.
    await page.locator('.answers .sd-root-modern').waitFor();
    const shown = await page
      .locator('.answers')
      .evaluate((el) =>
        [
          (el as HTMLElement).innerText,
          ...Array.from(el.querySelectorAll('input, textarea')).map((i) => (i as HTMLInputElement).value),
        ].join('\n'),
      );
    expect(shown).toContain('Sociale wijkteams Venlo (offline)');
    expect(shown).toContain('beleidsplan.pdf');
    for (const theme of ['Over de aanpak', 'Toeleiding', 'Continu', 'Netwerkpartners en documenten']) {
      expect(await page.locator('.answers').getByRole('heading', { name: theme, exact: true }).count()).toBe(
        1,
      );
    }
    expect(
      await page
        .locator('textarea:not([readonly]):not([disabled]), input[type=text]:not([readonly]):not([disabled])')
        .count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).waitFor();
    expect((await findAxeViolations(page)).map((v) => v.id)).toEqual([]);
    await screenshot(page, 'gemeente-ingediend');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'gemeente-ingediend-boven', false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' }).isVisible()).toBe(false);
    // On paper the answers are text blocks that grow with the answer, not fixed-height text fields.
    expect(await page.locator('.answers textarea').count()).toBe(0);
    expect(await page.locator('.answers').getByText('Sociale wijkteams Venlo (offline)').isVisible()).toBe(
      true,
    );
    await screenshot(page, 'gemeente-ingediend-print');
    await page.emulateMedia({ media: 'screen' });

    // Reopening a submitted link shows the read-only view, not the form.
    await page.reload();
    await page.getByRole('heading', { name: 'Deze vragenlijst is verzonden' }).waitFor();
    expect(await page.getByRole('button', { name: 'Antwoorden verzenden' }).count()).toBe(0);

    expect(external).toEqual([]);
    await context.close();
  }, 240_000);

  it('netwerkpartner: every page passes axe; the organisation is prefilled', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'nl-NL' });
    external = recordExternalRequests(context, server.baseUrl);
    const token = await server.invite('netwerkpartner', 'GGD Limburg-Noord');
    const page = await openLink(context, server.baseUrl, token);
    expect(await page.locator('h1').textContent()).toBe('Vragenlijst voor GGD Limburg-Noord');
    expect(await page.locator('.respondent-header__context').textContent()).toMatch(
      /^Gemeente Venlo · Aanpak: Sociale wijkteams/,
    );
    const axeByPage = await axeEveryPage(page);
    expect(Object.keys(axeByPage).length).toBeGreaterThanOrEqual(7);
    expect(axeByPage).toEqual(Object.fromEntries(Object.keys(axeByPage).map((title) => [title, []])));
    await goToPage(page, 'Over uw organisatie');
    expect(await page.getByRole('textbox', { name: /Naam van uw organisatie/ }).inputValue()).toBe(
      'GGD Limburg-Noord',
    );
    await screenshot(page, 'netwerkpartner-organisatie');
    expect(external).toEqual([]);
    await context.close();
  }, 180_000);

  it('merges a concurrent edit of another question, and asks when the same question was changed', async () => {
    const token = await server.invite('gemeente', 'Gemeente Venlo');
    const deviceA = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const deviceB = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const a = await openLink(deviceA, server.baseUrl, token);
    const b = await openLink(deviceB, server.baseUrl, token);
    await goToPage(a, 'Over de aanpak');
    await goToPage(b, 'Over de aanpak');

    await a.getByRole('textbox', { name: /naam van de aanpak/ }).fill('Naam van apparaat A');
    await waitForSaved(a);
    // B still holds the old revision: its save conflicts, touches another question, and is merged.
    await b.getByRole('textbox', { name: /Hoe werkt de aanpak/ }).fill('Beschrijving van apparaat B');
    await waitForSaved(b);
    expect(await b.getByRole('textbox', { name: /naam van de aanpak/ }).inputValue()).toBe(
      'Naam van apparaat A',
    );
    let copy = await serverCopy(token);
    expect(copy.data).toMatchObject({
      aanpak_naam: 'Naam van apparaat A',
      aanpak_beschrijving: 'Beschrijving van apparaat B',
    });

    // A changes the question B just changed: A is asked which answers to keep.
    await a.getByRole('textbox', { name: /Hoe werkt de aanpak/ }).fill('Beschrijving van apparaat A');
    const notice = a.getByRole('heading', { name: 'Deze vragenlijst is intussen ook ergens anders bewerkt' });
    await notice.waitFor();
    expect(await saveStatus(a).textContent()).toMatch(/^Niet opgeslagen.*bovenaan deze pagina/);
    // The choice is far above the bottom bar: it takes focus and shows both answers side by side.
    await a.waitForFunction(() => document.activeElement?.id === 'conflict-panel');
    expect(await a.locator('.conflict__question').allTextContents()).toEqual(['Hoe werkt de aanpak?']);
    expect(await a.locator('.conflict__answer dd').allTextContents()).toEqual([
      'Beschrijving van apparaat A',
      'Beschrijving van apparaat B',
    ]);
    expect((await findAxeViolations(a)).map((v) => v.id)).toEqual([]);
    await screenshot(a, 'conflict');
    await a.getByRole('button', { name: 'Mijn antwoorden bewaren' }).click();
    await waitForSaved(a);
    copy = await serverCopy(token);
    expect(copy.data).toMatchObject({
      aanpak_naam: 'Naam van apparaat A',
      aanpak_beschrijving: 'Beschrijving van apparaat A',
    });

    await deviceA.close();
    await deviceB.close();
  }, 120_000);

  it('explains an invalid link without details, and asks to wait when throttled', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const unknownToken = crypto.randomBytes(32).toString('base64url');
    const page = await openLink(context, server.baseUrl, unknownToken);
    await page.getByRole('heading', { level: 1, name: 'Deze link werkt niet' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('verlopen');
    // Who to ask is worded in link-problem.tsx; it points to the invitation either way.
    expect(text).toContain('uitnodiging');
    expect(text).not.toMatch(/link_invalid|404|error/i);
    expect((await findAxeViolations(page)).map((v) => v.id)).toEqual([]);
    await screenshot(page, 'link-ongeldig');

    // Guessing links is throttled per address after a number of failed lookups.
    for (let i = 0; i < 25; i++) {
      const res = await fetch(
        `${server.baseUrl}/api/respond/${crypto.randomBytes(32).toString('base64url')}`,
      );
      if (res.status === 429) break;
    }
    await page.reload();
    await page.getByText('Te veel pogingen, probeer het over enkele minuten opnieuw.').waitFor();
    expect((await findAxeViolations(page)).map((v) => v.id)).toEqual([]);
    await context.close();
  }, 60_000);
});
