/// <reference lib="dom" />
// Code passed to page.evaluate runs in Chromium, so this file sees DOM types.
import fs from 'node:fs';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations, type AxeViolation } from './support/axe.js';
import { projectRoot } from './support/build-client.js';
import { launchChromium } from './support/chromium.js';
import { startInspectorApp, type InspectorApp } from './support/inspector-app.js';
import { openLink, recordExternalRequests } from './support/respondent-page.js';

const screenshots = path.join(projectRoot, 'dist', 'e2e-screenshots', 'inspector');
const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

let server: InspectorApp;
let browser: Browser;
let inspector: BrowserContext;
let page: Page;
let external: string[];
let investigationUrl = '';
let municipalityToken = '';
/** axe results per page and state, printed at the end so a run documents what was checked. */
const axeResults: Record<string, AxeViolation[]> = {};

async function screenshot(target: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await target.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage });
}

/** Runs axe, keeps the result for the summary, and fails with the violations themselves when there are any. */
async function expectAccessible(target: Page, name: string): Promise<void> {
  const violations = await findAxeViolations(target);
  axeResults[name] = violations;
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

const heading = (target: Page, name: string | RegExp) => target.getByRole('heading', { level: 1, name });

async function logIn(target: Page, email: string, password: string): Promise<void> {
  await target.getByLabel('E-mailadres').fill(email);
  await target.getByLabel('Wachtwoord').fill(password);
  await target.getByRole('button', { name: 'Inloggen' }).click();
}

async function focusedElement(target: Page): Promise<string> {
  return target.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 60)}` : '';
  });
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

/** The respondent's side through the respondent API: a document upload and a complete set of answers. */
async function answerAsMunicipality(token: string): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([tinyPdf], { type: 'application/pdf' }), 'beleidsplan-ggsr.pdf');
  const upload = await fetch(`${server.baseUrl}/api/respond/${token}/files`, { method: 'POST', body: form });
  expect(upload.status).toBe(201);
  const document = (await upload.json()) as { id: string; name: string; size: number; type: string };
  const current = (await (await fetch(`${server.baseUrl}/api/respond/${token}`)).json()) as {
    response: { revision: number };
  };
  const put = await fetch(`${server.baseUrl}/api/respond/${token}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      data: { ...realisticAnswers('gemeente'), documenten: [document] },
      // The last page ("Netwerkpartners en documenten"), where the submit button is.
      currentPageNo: 7,
      revision: current.response.revision,
    }),
  });
  expect(put.status).toBe(200);
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startInspectorApp();
  inspector = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  await inspector.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  external = recordExternalRequests(inspector, server.baseUrl);
  page = await inspector.newPage();
}, 240_000);

afterAll(async () => {
  console.warn(
    'axe per inspector page',
    JSON.stringify(Object.fromEntries(Object.entries(axeResults).map(([k, v]) => [k, v.length]))),
  );
  await browser?.close();
  await server?.stop();
});

describe('inspector workspace in Chromium', () => {
  it('login: Dutch errors, empty state after logging in, keyboard focus on the new page', async () => {
    // The start page is where an inspector who only knows the address arrives.
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'Inloggen in de inspectieomgeving' }).click();
    await heading(page, 'Inloggen').waitFor();
    expect(new URL(page.url()).pathname).toBe('/inspectie/inloggen');
    expect(await page.title()).toBe('Inloggen — Inspectie GGSR');
    await expectAccessible(page, 'login');
    await screenshot(page, 'inloggen');

    // After the redirect focus is on the page's heading; on a fresh page load the skip link is the
    // first thing the keyboard reaches.
    expect(await focusedElement(page)).toBe('h1:Inloggen');
    const fresh = await inspector.newPage();
    await fresh.goto(`${server.baseUrl}/inspectie/inloggen`);
    await heading(fresh, 'Inloggen').waitFor();
    await fresh.keyboard.press('Tab');
    expect(await focusedElement(fresh)).toBe('a:Naar de inhoud');
    await fresh.close();

    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Vul uw e-mailadres in.').waitFor();
    await expectAccessible(page, 'login with field errors');

    await logIn(page, server.admin.email, 'niet-het-goede-wachtwoord');
    await page.getByRole('alert').filter({ hasText: 'Het e-mailadres of wachtwoord klopt niet.' }).waitFor();
    await expectAccessible(page, 'login with wrong password');
    await screenshot(page, 'inloggen-fout');

    await logIn(page, server.admin.email, server.admin.password);
    await heading(page, 'Onderzoeken').waitFor();
    await page.getByText('Er zijn nog geen onderzoeken').waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Beheerder');
    expect(
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents(),
    ).toEqual(['Onderzoeken', 'Overzicht', 'Uitgaande e-mail', 'Gebruikers']);
    expect(await focusedElement(page)).toBe('h1:Onderzoeken');
    await expectAccessible(page, 'list (empty state)');
    await screenshot(page, 'onderzoeken-leeg');
  }, 120_000);

  it('create an investigation with validation, add the municipality, copy its link once', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Nieuw onderzoek' }).last().click();
    await heading(page, 'Nieuw onderzoek').waitFor();
    expect(await focusedElement(page)).toBe('h1:Nieuw onderzoek');
    await page.getByRole('button', { name: 'Onderzoek aanmaken' }).click();
    await page.getByRole('heading', { name: 'Controleer de invoer' }).waitFor();
    expect(await page.getByLabel('Gemeente').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'create (errors)');
    await screenshot(page, 'nieuw-onderzoek-fouten');

    await page.getByLabel('Gemeente').fill('Venlo');
    await page.getByLabel('Aanpak').fill('Sociale wijkteams');
    await page.getByLabel('Jaar').fill('2026');
    await page.getByLabel(/Deadline/).fill(`${new Date().getFullYear() + 1}-06-01`);
    await expectAccessible(page, 'create (filled)');
    await page.getByRole('button', { name: 'Onderzoek aanmaken' }).click();

    await heading(page, /Venlo/).waitFor();
    investigationUrl = page.url();
    expect(investigationUrl).toMatch(/\/inspectie\/onderzoeken\/[0-9a-f]{24}$/);
    await page.getByText('Het onderzoek is aangemaakt.').waitFor();
    await page.getByText('Nog geen respondenten').waitFor();
    await expectAccessible(page, 'detail (new, no respondents)');

    // The add form is open for the municipality, its name prefilled.
    expect(await page.getByLabel('Organisatie').inputValue()).toBe('Gemeente Venlo');
    await page.getByLabel('Contactpersoon').fill('M. Peeters');
    await page.getByLabel('E-mailadres').fill('m.peeters@venlo.example');
    await page.getByRole('button', { name: 'Gemeente toevoegen' }).click();

    const dialog = page.getByRole('dialog', { name: 'Persoonlijke link voor Gemeente Venlo' });
    await dialog.waitFor();
    await dialog.getByText('Deze link ziet u maar één keer.').waitFor();
    await dialog.getByRole('button', { name: 'Link kopiëren' }).click();
    await dialog.getByText('Gekopieerd').waitFor();
    const link = await dialog.getByLabel('Link').inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expectAccessible(page, 'detail (link dialog open)');
    await screenshot(page, 'link-dialoog', false);
    // Focus stays inside the dialog: Tab from its last control wraps to its first.
    await dialog.getByRole('button', { name: 'Sluiten', exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedElement(page)).toBe('button:Sluiten');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /Gemeente Venlo/ });
    await row.locator('.badge', { hasText: 'Uitgenodigd' }).waitFor();
    municipalityToken = /\/v\/([A-Za-z0-9_-]+)$/.exec(link)?.[1] ?? '';
    expect(municipalityToken).not.toBe('');
  }, 120_000);

  it('the municipality answers and submits through its link; the inspector sees "Ingediend"', async () => {
    const respondentContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const respondent = await openLink(respondentContext, server.baseUrl, municipalityToken);
    await answerAsMunicipality(municipalityToken);
    await respondent.reload();
    await respondent.getByRole('button', { name: 'Antwoorden verzenden' }).click();
    await respondent.getByRole('heading', { name: 'Bedankt, uw antwoorden zijn verzonden' }).waitFor();
    await respondentContext.close();

    await page.reload();
    const row = page.getByRole('row', { name: /Gemeente Venlo/ });
    await row.locator('.badge', { hasText: 'Ingediend' }).waitFor();
    expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await row.getByRole('button', { name: 'Heropenen' }).waitFor();
    await page.getByRole('link', { name: /beleidsplan-ggsr\.pdf/ }).waitFor();
    const href = await page.getByRole('link', { name: /beleidsplan-ggsr\.pdf/ }).getAttribute('href');
    const download = await inspector.request.get(`${server.baseUrl}${href ?? ''}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('cell', { name: 'Vragenlijst ingediend' }).waitFor();
    await expectAccessible(page, 'detail (submitted)');
  }, 120_000);

  it('confirms the nominated partners: they become respondents and their invitations are in the outbox', async () => {
    const section = page.getByRole('region', { name: 'Voorgedragen netwerkpartners' });
    await section.getByText('Mondriaan', { exact: true }).waitFor();
    expect(await section.getByRole('checkbox').count()).toBe(3);
    await section.getByRole('button', { name: 'Bevestigen en uitnodigen…' }).click();
    const confirm = page.getByRole('alertdialog', { name: '3 netwerkpartners uitnodigen?' });
    await confirm.waitFor();
    // Focus starts on the harmless choice.
    expect(await focusedElement(page)).toBe('button:Annuleren');
    await expectAccessible(page, 'detail (confirm nominations dialog)');
    await screenshot(page, 'voordrachten-bevestigen', false);
    await confirm.getByRole('button', { name: 'Toevoegen en uitnodigen' }).click();
    await page.getByText('3 netwerkpartners zijn toegevoegd en uitgenodigd per e-mail.').waitFor();
    for (const organisation of ['Mondriaan', 'Trajectbureau', 'Bureau Jeugdzorg']) {
      await page
        .getByRole('row', { name: new RegExp(organisation) })
        .locator('.badge', { hasText: 'Uitgenodigd' })
        .waitFor();
    }
    await section.getByText('Al toegevoegd als respondent').first().waitFor();
    await expectAccessible(page, 'detail (partners invited)');
    await screenshot(page, 'onderzoek');

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Uitgaande e-mail' })
      .click();
    await heading(page, 'Uitgaande e-mail').waitFor();
    expect(await focusedElement(page)).toBe('h1:Uitgaande e-mail');
    const table = page.getByRole('table', { name: 'Uitgaande e-mail' });
    for (const to of [
      'a.jansen@mondriaan.example',
      'info@trajectbureau.example',
      'b.devries@bjz.example',
      'm.peeters@venlo.example',
    ]) {
      await table.getByRole('row').filter({ hasText: to }).filter({ hasText: 'Uitnodiging' }).waitFor();
    }
    await expectAccessible(page, 'outbox');
    await screenshot(page, 'uitgaande-email');
    await table
      .getByRole('row')
      .filter({ hasText: 'a.jansen@mondriaan.example' })
      .getByRole('button')
      .click();
    const message = page.getByRole('dialog');
    await message.getByText(/\/v\/[A-Za-z0-9_-]{20,}/).waitFor();
    await expectAccessible(page, 'outbox (message open)');
    await screenshot(page, 'uitgaande-email-bericht', false);
    await page.keyboard.press('Escape');
    await message.waitFor({ state: 'detached' });
  }, 120_000);

  it('re-issues a link (shown once, old one stops) and revokes one after confirming', async () => {
    await page.goto(investigationUrl);
    const row = page.getByRole('row', { name: /Trajectbureau/ });
    await row.getByRole('button', { name: 'Nieuwe link' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Nieuwe link voor Trajectbureau?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Nieuwe link maken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Persoonlijke link voor Trajectbureau' });
    await dialog.getByText('De vorige link van deze respondent werkt vanaf nu niet meer.').waitFor();
    const link = await dialog.getByLabel('Link').inputValue();
    await expectAccessible(page, 'detail (re-issued link dialog)');
    await dialog.getByRole('button', { name: 'Sluiten', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus returns to the button that started it all.
    expect(await focusedElement(page)).toBe('button:Nieuwe link');
    const token = /\/v\/([A-Za-z0-9_-]+)$/.exec(link)?.[1] ?? '';
    expect((await fetch(`${server.baseUrl}/api/respond/${token}`)).status).toBe(200);

    await row.getByRole('button', { name: 'Intrekken' }).click();
    const revoke = page.getByRole('alertdialog', { name: 'Link van Trajectbureau intrekken?' });
    await revoke.waitFor();
    await expectAccessible(page, 'detail (revoke dialog)');
    await screenshot(page, 'intrekken', false);
    await revoke.getByRole('button', { name: 'Link intrekken' }).click();
    await row.locator('.badge', { hasText: 'Link ingetrokken' }).waitFor();
    expect((await fetch(`${server.baseUrl}/api/respond/${token}`)).status).toBe(404);

    // A reminder goes out by mail and is confirmed on the page.
    const mondriaan = page.getByRole('row', { name: /Mondriaan/ });
    await mondriaan.getByRole('button', { name: 'Herinneren' }).click();
    await page
      .getByText('Een herinnering voor Mondriaan is verstuurd naar a.jansen@mondriaan.example.')
      .waitFor();

    // Reopening a submitted questionnaire makes it editable again.
    const gemeente = page.getByRole('row', { name: /Gemeente Venlo/ });
    await gemeente.getByRole('button', { name: 'Heropenen' }).click();
    const reopen = page.getByRole('alertdialog', { name: 'Vragenlijst van Gemeente Venlo heropenen?' });
    await expectAccessible(page, 'detail (reopen dialog)');
    await reopen.getByRole('button', { name: 'Heropenen' }).click();
    await page.getByText('De vragenlijst van Gemeente Venlo is heropend.').waitFor();
    await gemeente.locator('.badge', { hasText: 'Bezig' }).waitFor();
    const copy = (await (await fetch(`${server.baseUrl}/api/respond/${municipalityToken}`)).json()) as {
      response: { status: string };
    };
    expect(copy.response.status).toBe('concept');
  }, 120_000);

  it('lists investigations with per-respondent status chips and filters', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Onderzoeken' })
      .click();
    await heading(page, 'Onderzoeken').waitFor();
    const row = page.getByRole('row', { name: /Venlo/ });
    // Per respondent ("Gemeente Venlo: Bezig 100%") or per status ("1 bezig"), whichever the list sends;
    // the municipality was reopened above, so it is "bezig" again.
    await row.getByText(/bezig/i).first().waitFor();
    await expectAccessible(page, 'list');
    await screenshot(page, 'onderzoeken');
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Maastricht');
    await page.getByText('Geen onderzoeken gevonden').waitFor();
    expect(new URL(page.url()).searchParams.get('zoek')).toBe('Maastricht');
    await expectAccessible(page, 'list (no matches)');
    await page.getByRole('link', { name: 'Filters wissen' }).click();
    await row.waitFor();

    // Closing the investigation (and moving its deadline) from the detail page; the list filter finds it.
    await row.getByRole('link', { name: 'Venlo' }).click();
    await heading(page, /Venlo/).waitFor();
    await page.getByRole('button', { name: /Wijzigen/ }).click();
    const edit = page.getByRole('dialog', { name: 'Onderzoek wijzigen' });
    await edit.getByLabel(/Deadline/).fill(`${new Date().getFullYear() + 1}-07-01`);
    await edit.getByLabel('Status').selectOption('closed');
    await expectAccessible(page, 'detail (edit dialog)');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De gegevens van het onderzoek zijn opgeslagen.').waitFor();
    await page.getByText(`1 juli ${new Date().getFullYear() + 1}`).waitFor();
    await page.getByText('Afgesloten', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'E-mail van dit onderzoek' }).click();
    await heading(page, 'Uitgaande e-mail').waitFor();
    await page.getByText('Alleen berichten van één onderzoek.').waitFor();
    await page.getByRole('row').filter({ hasText: 'm.peeters@venlo.example' }).first().waitFor();
    await expectAccessible(page, 'outbox (one investigation)');
    await page.goBack();
    await heading(page, /Venlo/).waitFor();
    await page.getByRole('link', { name: 'Onderzoeken', exact: true }).first().click();
    await heading(page, 'Onderzoeken').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('closed');
    await page
      .getByRole('row', { name: /Venlo/ })
      .getByText(/afgesloten/)
      .waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('closed');
  }, 60_000);

  it('unknown investigations and pages get a clear Dutch message inside the workspace', async () => {
    await page.goto(`${server.baseUrl}/inspectie/onderzoeken/0123456789abcdef01234567`);
    await page.getByRole('alert').filter({ hasText: 'Dit onderzoek bestaat niet (meer).' }).waitFor();
    await expectAccessible(page, 'detail (not found)');
    await page.goto(`${server.baseUrl}/inspectie/bestaat-niet`);
    await heading(page, 'Pagina niet gevonden').waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await expectAccessible(page, 'inspector 404');
  }, 60_000);

  it('users page for the beheerder: add an account and change a role', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Gebruikers' })
      .click();
    await heading(page, 'Gebruikers').waitFor();
    await page.getByRole('table', { name: 'Gebruikers' }).getByText(server.admin.email).waitFor();
    await expectAccessible(page, 'users');
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
    await dialog.getByRole('button', { name: 'Account aanmaken' }).click();
    await dialog.getByText('Vul de naam in.').waitFor();
    await expectAccessible(page, 'users (add dialog with errors)');
    await dialog.getByLabel('Naam').fill('Iris Inspecteur');
    await dialog.getByLabel('E-mailadres').fill('iris@stj.example');
    await dialog.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByText('Het account is aangemaakt.').waitFor();
    await page.getByLabel('Rol van Iris Inspecteur').selectOption('beheerder');
    await page.getByText('Iris Inspecteur is nu beheerder.').waitFor();
    await screenshot(page, 'gebruikers');
  }, 60_000);

  it('a lapsed session sends the inspector to the login page and back to the page asked for', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await page.goto(`${server.baseUrl}/inspectie/e-mail`);
    await heading(page, 'Inloggen').waitFor();
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/inspectie/e-mail');
    await logIn(page, server.admin.email, server.admin.password);
    await heading(page, 'Uitgaande e-mail').waitFor();

    // The session ends on the server side while the page is open: the next request (401) leads to
    // the login page, which then returns to where the inspector was going.
    await inspector.clearCookies();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Gebruikers' })
      .click();
    await heading(page, 'Inloggen').waitFor();
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/inspectie/gebruikers');
    await page.getByText('Log in om verder te gaan.').waitFor();
    await logIn(page, server.admin.email, server.admin.password);
    await heading(page, 'Gebruikers').waitFor();
  }, 60_000);

  it('too many failed logins: "Te veel …" in Dutch', async () => {
    const context = await browser.newContext();
    const login = await context.newPage();
    await login.goto(`${server.baseUrl}/inspectie/inloggen`);
    const alert = login.getByRole('alert');
    for (let attempt = 0; attempt < 8; attempt++) {
      await logIn(login, 'onbekend@stj.example', `fout-${attempt}`);
      await alert.waitFor();
      if (/Te veel/.test((await alert.textContent()) ?? '')) break;
    }
    expect(await alert.textContent()).toMatch(/Te veel/);
    await expectAccessible(login, 'login (throttled)');
    await screenshot(login, 'inloggen-te-veel');
    await context.close();
  }, 60_000);

  it('an inspecteur switches on two-step verification and logs in with it (wrong code, then a recovery code)', async () => {
    const account = {
      email: 'tamara@stj.example',
      name: 'Tamara Tweestaps',
      password: 'tamara-haar-lange-wachtwoord',
    };
    await server.createAccount({ ...account, role: 'inspecteur' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const own = await context.newPage();
    await own.goto(`${server.baseUrl}/inspectie/inloggen`);
    await logIn(own, account.email, account.password);
    await heading(own, 'Onderzoeken').waitFor();
    // No account management for an inspecteur.
    expect(
      await own.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents(),
    ).toEqual(['Onderzoeken', 'Overzicht', 'Uitgaande e-mail']);

    await own.getByRole('link', { name: /Tamara Tweestaps.*mijn account/ }).click();
    await heading(own, 'Mijn account').waitFor();
    await own.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
    const secret = (await own.getByTestId('totp-secret').textContent()) ?? '';
    await own.getByRole('img', { name: /QR-code/ }).waitFor();
    await expectAccessible(own, 'account (TOTP enrolment)');
    await screenshot(own, 'account-tweestaps');
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    await own.getByLabel('Code uit de app').fill(totp.generate());
    await own.getByRole('button', { name: 'Bevestigen' }).click();
    const codes = own.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    const recoveryCode = ((await codes.first().textContent()) ?? '').trim();
    await expectAccessible(own, 'account (recovery codes)');
    await screenshot(own, 'account-herstelcodes');

    await own.getByRole('button', { name: 'Uitloggen' }).click();
    await heading(own, 'Inloggen').waitFor();
    await logIn(own, account.email, account.password);
    const codeField = own.getByLabel('Code uit uw authenticator-app');
    await codeField.waitFor();
    expect(await focusedElement(own)).toBe('input:');
    await codeField.fill('000000');
    await own.getByRole('button', { name: 'Code controleren' }).click();
    await own.getByRole('alert').filter({ hasText: 'De code uit uw authenticator-app klopt niet' }).waitFor();
    await expectAccessible(own, 'login (TOTP step, wrong code)');
    await screenshot(own, 'inloggen-code');
    await codeField.fill(recoveryCode);
    await own.getByRole('button', { name: 'Code controleren' }).click();
    await heading(own, 'Onderzoeken').waitFor();
    await context.close();

    // Lost phone: the beheerder switches the second step off for this account.
    await page.goto(`${server.baseUrl}/inspectie/gebruikers`);
    const row = page.getByRole('row', { name: /Tamara Tweestaps/ });
    await row.getByText('Tweestapsverificatie aan').waitFor();
    await row.getByRole('button', { name: 'Tweestaps resetten voor Tamara Tweestaps' }).click();
    const confirm = page.getByRole('alertdialog', {
      name: 'Tweestapsverificatie van Tamara Tweestaps uitzetten?',
    });
    await confirm.waitFor();
    await expectAccessible(page, 'users (reset TOTP dialog)');
    await confirm.getByRole('button', { name: 'Uitzetten' }).click();
    await page
      .getByText('De tweestapsverificatie van Tamara Tweestaps is uitgezet.', { exact: false })
      .waitFor();
    await row.getByText('Tweestapsverificatie aan').waitFor({ state: 'detached' });
  }, 90_000);

  it('password reset: request on the login page, set a new password through the emailed link', async () => {
    const account = { email: 'joost@stj.example', name: 'Joost Inspecteur', password: 'het-oude-wachtwoord' };
    await server.createAccount({ ...account, role: 'inspecteur' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const own = await context.newPage();
    await own.goto(`${server.baseUrl}/inspectie/inloggen`);
    await own.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await heading(own, 'Wachtwoord vergeten').waitFor();
    await expectAccessible(own, 'forgot password');
    await own.getByLabel('E-mailadres').fill(account.email);
    await own.getByRole('button', { name: 'Herstellink versturen' }).click();
    await own.getByText(/ontvangt u binnen enkele minuten een e-mail/).waitFor();

    // The beheerder's outbox holds the reset mail (stored only: no SMTP in this test).
    const outbox = (await (await inspector.request.get(`${server.baseUrl}/api/outbox`)).json()) as {
      items: { to: string; kind: string; text: string }[];
    };
    const mail = outbox.items.find((m) => m.to === account.email && m.kind === 'password_reset');
    const link =
      /https?:\/\/\S+\/wachtwoord-herstellen#token=[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    await own.goto(`${server.baseUrl}${new URL(link).pathname}${new URL(link).hash}`);
    await heading(own, 'Nieuw wachtwoord instellen').waitFor();
    // The token leaves the address bar at once.
    expect(new URL(own.url()).hash).toBe('');
    await own.getByLabel('Nieuw wachtwoord').fill('te kort');
    await own.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await own.getByText('Kies een wachtwoord van ten minste 12 tekens.').waitFor();
    await expectAccessible(own, 'reset password (errors)');
    await own.getByLabel('Nieuw wachtwoord').fill('een-nieuw-lang-wachtwoord');
    await own.getByLabel('Herhaal het wachtwoord').fill('een-nieuw-lang-wachtwoord');
    await own.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await own.getByText('Uw wachtwoord is ingesteld.').waitFor();
    await screenshot(own, 'wachtwoord-ingesteld');
    await own.getByRole('link', { name: 'Naar inloggen' }).click();
    await logIn(own, account.email, 'een-nieuw-lang-wachtwoord');
    await heading(own, 'Onderzoeken').waitFor();

    // The link works once.
    await own.goto(`${server.baseUrl}${new URL(link).pathname}${new URL(link).hash}`);
    await own.getByLabel('Nieuw wachtwoord').fill('nog-een-ander-wachtwoord');
    await own.getByLabel('Herhaal het wachtwoord').fill('nog-een-ander-wachtwoord');
    await own.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await own.getByText('Deze link werkt niet (meer).').waitFor();
    await expectAccessible(own, 'reset password (used link)');
    await context.close();
  }, 90_000);

  it('is usable on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const mobile = await phone.newPage();
    await mobile.goto(
      `${server.baseUrl}/inspectie/inloggen?terug=${encodeURIComponent(new URL(investigationUrl).pathname)}`,
    );
    await logIn(mobile, server.admin.email, server.admin.password);
    await heading(mobile, /Venlo/).waitFor();
    await mobile.getByRole('row', { name: /Mondriaan/ }).waitFor();
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(mobile, 'detail (phone)');
    await screenshot(mobile, 'onderzoek-telefoon');
    await phone.close();
    expect(external).toEqual([]);
  }, 60_000);
});
