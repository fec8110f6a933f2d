/// <reference lib="dom" />
// Code passed to page.evaluate runs in Chromium, so these files see DOM types.
import type { BrowserContext, Page } from 'playwright-core';

/** Opens a personal link and waits until the questionnaire (or a link problem page) is shown. */
export async function openLink(context: BrowserContext, baseUrl: string, token: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/v/${token}`);
  await page.locator('.sd-root-modern, main h1').first().waitFor();
  return page;
}

export const saveStatus = (page: Page) => page.locator('.save-status__text');

export async function waitForSaved(page: Page): Promise<void> {
  await page.locator('.save-status__text', { hasText: /^Opgeslagen om \d\d:\d\d$/ }).waitFor();
}

export async function pageTitle(page: Page): Promise<string> {
  return ((await page.locator('.sd-page__title').first().textContent()) ?? '').trim();
}

/** Clicks "Volgende" and waits for the next page's title. */
export async function nextPage(page: Page): Promise<string> {
  const before = await pageTitle(page);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.waitForFunction(
    (previous) => document.querySelector('.sd-page__title')?.textContent?.trim() !== previous,
    before,
  );
  return pageTitle(page);
}

/** Walks back to the first page, then forward to the page with this title (the form resumes anywhere). */
export async function goToPage(page: Page, title: string): Promise<void> {
  const previous = page.getByRole('button', { name: 'Vorige' });
  for (let i = 0; i < 20 && (await pageTitle(page)) !== title && (await previous.isVisible()); i++) {
    const before = await pageTitle(page);
    await previous.click();
    await page.waitForFunction(
      (t) => document.querySelector('.sd-page__title')?.textContent?.trim() !== t,
      before,
    );
  }
  for (let i = 0; i < 20 && (await pageTitle(page)) !== title; i++) await nextPage(page);
  if ((await pageTitle(page)) !== title) throw new Error(`no page titled "${title}"`);
}

/** A question's box, found by (part of) its title. */
export const question = (page: Page, title: string) =>
  page.locator('.sd-question', { hasText: title }).first();

/** Requests that left the app's origin (fonts, CDNs, analytics): there must be none. */
export function recordExternalRequests(context: BrowserContext, baseUrl: string): string[] {
  const external: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
  });
  return external;
}

export type FileFixture = { name: string; mimeType: string; buffer: Buffer };

/** Uploads through SurveyJS's own "Bestand kiezen" button and the browser's file chooser, as a person would. */
export async function chooseFile(page: Page, questionTitle: string, file: FileFixture): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    question(page, questionTitle).locator('label.sd-file__choose-btn').first().click(),
  ]);
  await chooser.setFiles(file);
}
