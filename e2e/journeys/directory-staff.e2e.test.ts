import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Locale } from '../../src/kernel/i18n/locales.ts';
import { cspViolationsOf, expectNoProblems, findPageProblems, launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { DEMO_LOGINS, logIn } from '../support/accounts.ts';

const baseUrl = inject('baseUrl');

/** Clicks something that submits or navigates, and waits for the next page. */
async function clickAndWait(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), click()]);
}

/** A word nobody else wrote in the demo: the service's name carries it, the public finder looks for it. */
function uniqueWord(): string {
  const letters = 'bcdfghlmnprstvz';
  const vowels = 'aeiou';
  let word = '';
  for (let i = 0; i < 5; i++) word += letters[Math.floor(Math.random() * letters.length)]! + vowels[Math.floor(Math.random() * vowels.length)]!;
  return `Ver${word}`;
}

/** Fails on axe, structure or CSP problems, then saves a screenshot to look at. */
async function checkAndShoot(page: Page, locale: Locale, name: string): Promise<void> {
  expectNoProblems(await findPageProblems(page, locale));
  await screenshot(page, name);
}

describe('a new service goes from an operator’s draft, through the region’s review, to the public finder', () => {
  let browser: Browser;
  const word = uniqueWord();
  const serviceName = `Sportello orientamento ${word}`;
  let servicePath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an operator of Comune di Bologna writes the service, is told which required field is missing, adds a place and hours, and sends it for review', async () => {
    const page = await newPage(browser, { locale: 'it', viewport: 'desktop' });
    try {
      await logIn(page, baseUrl, { locale: 'it', ...DEMO_LOGINS['directory operator'] });
      await page.goto(`${baseUrl}/it/directory/manage`);
      await checkAndShoot(page, 'it', 'directory-home-it');
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Nuovo servizio' }).click());
      expect(new URL(page.url()).pathname).toBe('/it/directory/manage/services/new');

      // The operator keeps one organisation: it is already chosen.
      const form = page.locator('main form[method="post"]');
      expect(await form.getByLabel('Organizzazione').locator('option:checked').textContent()).toBe('Comune di Bologna');
      await form.getByLabel('Nome del servizio').fill(serviceName);
      await form.locator('label', { hasText: 'Corsi di italiano' }).first().click();
      await form.getByLabel('Telefono', { exact: true }).fill('+39 051 219 3344');
      await checkAndShoot(page, 'it', 'directory-service-new-it');
      await clickAndWait(page, () => form.getByRole('button', { name: 'Salva' }).click());

      // No description: a 422 with a summary naming the field and linking to it, the field marked invalid.
      const summary = page.locator('.cv-error-summary');
      expect(await summary.textContent()).toContain('Descrizione: questo campo è obbligatorio');
      expect(await summary.getByRole('link', { name: /^Descrizione:/ }).getAttribute('href')).toBe('#field-description');
      const description = page.locator('main form[method="post"]').getByLabel('Descrizione');
      expect(await description.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('main form[method="post"]').getByLabel('Nome del servizio').inputValue()).toBe(serviceName);
      await checkAndShoot(page, 'it', 'directory-service-errors-it');

      await description.fill('Orientamento ai corsi di italiano per adulti e iscrizione ai CPIA della città, con mediatori.');
      await clickAndWait(page, () => page.locator('main form[method="post"]').getByRole('button', { name: 'Salva' }).click());
      expect(new URL(page.url()).pathname).toMatch(/^\/it\/directory\/manage\/services\/[0-9a-f-]{36}$/);
      servicePath = new URL(page.url()).pathname;
      expect(await page.getByRole('status').textContent()).toContain('Servizio creato in bozza.');
      expect(await page.locator('h1').textContent()).toBe(serviceName);

      // A place in a real municipality, picked from the ISTAT list of the region.
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Aggiungi una sede' }).click());
      const place = page.locator('main form[method="post"]');
      await place.getByLabel('Nome del luogo').fill('Sportello di via Marsala');
      await place.getByLabel('Via e numero civico').fill('Via Marsala 7');
      await place.getByLabel('CAP').fill('40126');
      await place.getByLabel('Comune').fill('Bologna (BO)');
      await checkAndShoot(page, 'it', 'directory-location-new-it');
      await clickAndWait(page, () => place.getByRole('button', { name: 'Salva' }).click());
      expect(await page.getByRole('status').textContent()).toContain('Sede salvata.');
      expect(await page.locator('main').textContent()).toContain('Via Marsala 7, 40126 Bologna, BO');

      // Weekly opening hours: two ranges on Monday, one on Wednesday.
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Orari', exact: true }).click());
      const hours = page.locator('main form[method="post"]').first();
      await hours.getByLabel('Lunedì, fascia 1: apre').fill('09:00');
      await hours.getByLabel('Lunedì, fascia 1: chiude').fill('12:30');
      await hours.getByLabel('Lunedì, fascia 2: apre').fill('14:30');
      await hours.getByLabel('Lunedì, fascia 2: chiude').fill('17:00');
      await hours.getByLabel('Mercoledì, fascia 1: apre').fill('09:00');
      await hours.getByLabel('Mercoledì, fascia 1: chiude').fill('13:00');
      await checkAndShoot(page, 'it', 'directory-hours-it');
      await clickAndWait(page, () => hours.getByRole('button', { name: 'Salva' }).click());
      expect(new URL(page.url()).pathname).toBe(servicePath);
      const weekly = page.locator('main table').filter({ hasText: 'Orari settimanali' });
      expect(await weekly.locator('tr', { hasText: 'Lunedì' }).textContent()).toContain('09:00–12:30, 14:30–17:00');
      expect(await weekly.locator('tr', { hasText: 'Mercoledì' }).textContent()).toContain('09:00–13:00');

      await clickAndWait(page, () => page.locator('main').getByRole('button', { name: 'Invia in revisione' }).click());
      expect(await page.getByRole('status').textContent()).toContain('Inviato in revisione ai redattori.');
      expect(await page.locator('main .badge').first().textContent()).toBe('In revisione');
      await checkAndShoot(page, 'it', 'directory-service-in-review-it');
    } finally {
      await page.close();
    }
  });

  it('the pages the operator used also work in Arabic: staff texts fall back to English, the layout mirrors', async () => {
    expect(servicePath, 'the operator created the service').not.toBe('');
    const page = await newPage(browser, { locale: 'ar', viewport: 'desktop' });
    try {
      await logIn(page, baseUrl, { locale: 'ar', ...DEMO_LOGINS['directory operator'] });
      const arabic = servicePath.replace(/^\/it\//, '/ar/');
      for (const [path, name] of [
        ['/ar/directory/manage', 'directory-home-ar'],
        ['/ar/directory/manage/services/new', 'directory-service-new-ar'],
        [arabic, 'directory-service-in-review-ar'],
        [`${arabic}/locations/new`, 'directory-location-new-ar'],
        [`${arabic}/hours`, 'directory-hours-ar'],
      ] as const) {
        await page.goto(`${baseUrl}${path}`);
        expect(await page.getAttribute('html', 'dir')).toBe('rtl');
        await checkAndShoot(page, 'ar', name);
      }
    } finally {
      await page.close();
    }
  });

  it('the operator opens their organisation’s profile and is told which field the edit form misses', async () => {
    const page = await newPage(browser, { locale: 'it', viewport: 'phone' });
    try {
      await logIn(page, baseUrl, { locale: 'it', ...DEMO_LOGINS['directory operator'] });
      await page.goto(`${baseUrl}/it/directory/manage`);
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Profilo della tua organizzazione' }).click());
      expect(new URL(page.url()).pathname).toMatch(/^\/it\/directory\/manage\/organisations\/[0-9a-f-]{36}$/);
      expect(await page.locator('h1').textContent()).toBe('Comune di Bologna');
      expect(await page.locator('main').textContent()).toContain(serviceName);
      await checkAndShoot(page, 'it', 'directory-organisation-it-phone');
      const profilePath = new URL(page.url()).pathname;

      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Modifica il profilo' }).click());
      const form = page.locator('main form[method="post"]');
      expect(await form.getByLabel("Nome dell'organizzazione").inputValue()).toBe('Comune di Bologna');
      await form.getByLabel("Nome dell'organizzazione").fill('');
      await clickAndWait(page, () => form.getByRole('button', { name: 'Salva' }).click());
      const summary = page.locator('.cv-error-summary');
      expect(await summary.textContent()).toContain("Nome dell'organizzazione: questo campo è obbligatorio");
      // The demo profile has no description yet: HSDS wants one, and the form says so too.
      expect(await summary.textContent()).toContain('Descrizione: questo campo è obbligatorio');
      await checkAndShoot(page, 'it', 'directory-organisation-errors-it-phone');
      await page.goto(`${baseUrl}${profilePath.replace(/^\/it\//, '/ar/')}/edit`);
      await checkAndShoot(page, 'ar', 'directory-organisation-edit-ar-phone');
    } finally {
      await page.close();
    }
  });

  it('the region’s editor finds it in review on a phone, sees what changed and publishes it', async () => {
    expect(servicePath, 'the operator created the service').not.toBe('');
    const page = await newPage(browser, { locale: 'it', viewport: 'phone' });
    try {
      await logIn(page, baseUrl, { locale: 'it', ...DEMO_LOGINS['directory editor'] });
      await page.goto(`${baseUrl}/it/directory/manage`);
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'In attesa di revisione' }).click());
      await page.getByRole('searchbox', { name: 'Il nome contiene' }).fill(word);
      await clickAndWait(page, () => page.getByRole('search').getByRole('button', { name: 'Filtra' }).click());
      const row = page.locator('main table tbody tr').filter({ hasText: serviceName });
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toContain('In revisione');
      expect(await row.textContent()).toContain('Comune di Bologna');
      await checkAndShoot(page, 'it', 'directory-review-list-it-phone');
      await clickAndWait(page, () => row.getByRole('link', { name: serviceName }).click());
      expect(new URL(page.url()).pathname).toBe(servicePath);

      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Modifiche dalla pubblicazione' }).click());
      const main = page.locator('main');
      expect(await main.textContent()).toContain('Questo servizio non è mai stato pubblicato');
      const changes = main.locator('table').first();
      expect(await changes.locator('tr', { hasText: 'name.it' }).textContent()).toContain(serviceName);
      expect(await changes.locator('tr', { hasText: 'schedules' }).textContent()).toContain('MO 09:00–12:30');
      const layout = await page.evaluate(() => ({ width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth }));
      expect(layout.scrollWidth, 'the changes page scrolls sideways on a phone').toBeLessThanOrEqual(layout.width);
      await checkAndShoot(page, 'it', 'directory-changes-it-phone');
      await page.goto(`${baseUrl}${servicePath.replace(/^\/it\//, '/ar/')}/changes`);
      await checkAndShoot(page, 'ar', 'directory-changes-ar-phone');

      await page.goto(`${baseUrl}${servicePath}`);
      await clickAndWait(page, () => page.locator('main').getByRole('button', { name: 'Pubblica' }).click());
      expect(await page.getByRole('status').textContent()).toContain('Pubblicato: il pubblico ora vede questa versione.');
      expect(await page.locator('main').textContent()).toContain('Visibile al pubblico');
      await checkAndShoot(page, 'it', 'directory-service-published-it-phone');

      // The organisations of the region, with their profile one click away.
      await page.goto(`${baseUrl}/it/directory/manage`);
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Organizzazioni' }).click());
      await page.getByRole('searchbox', { name: 'Il nome contiene' }).fill('Comune di Bologna');
      await clickAndWait(page, () => page.getByRole('search').getByRole('button', { name: 'Filtra' }).click());
      const bologna = page.locator('main table tbody tr').filter({ hasText: 'Comune di Bologna' });
      expect(await bologna.count()).toBe(1);
      await checkAndShoot(page, 'it', 'directory-organisations-it-phone');
      await page.goto(`${baseUrl}/ar/directory/manage/organisations`);
      await checkAndShoot(page, 'ar', 'directory-organisations-ar-phone');
    } finally {
      await page.close();
    }
  });

  it('an anonymous visitor on a phone finds it in the public finder by its name and opens its page', async () => {
    expect(servicePath, 'the operator created the service').not.toBe('');
    const page = await newPage(browser, { locale: 'it', viewport: 'phone' });
    try {
      await page.goto(`${baseUrl}/it/services?q=${encodeURIComponent(word)}`);
      const results = page.locator('.cv-result-title a');
      expect(await results.allTextContents()).toEqual([serviceName]);
      const serviceId = servicePath.split('/').pop()!;
      await clickAndWait(page, () => results.first().click());
      expect(new URL(page.url()).pathname).toBe(`/it/services/${serviceId}`);
      expect((await page.locator('h1').textContent())!.trim()).toBe(serviceName);
      const main = page.locator('main');
      expect(await main.textContent()).toContain('Comune di Bologna');
      expect(await main.textContent()).toContain('Via Marsala 7');
      expect(await main.locator('a[href="tel:+390512193344"]').count()).toBe(1);
      expect(await main.locator('table.cv-hours').first().textContent()).toMatch(/09:00\s*–\s*12:30/);
      await screenshot(page, 'directory-public-service-it-phone');
      expect(cspViolationsOf(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
