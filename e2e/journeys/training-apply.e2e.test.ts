import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { DEMO_PATH_TITLES, clickAndWait, expectCleanPage } from './training-demo.ts';

const baseUrl = inject('baseUrl');

const TEXT = {
  it: { submit: 'Invia la candidatura', done: 'Candidatura inviata', duplicate: 'con questo indirizzo è già stata inviata una candidatura per questa edizione', profile: 'Associazione di migranti', role: 'Volontariato o attivismo', region: 'Emilia-Romagna' },
  en: { submit: 'Send the application', done: 'Application sent', duplicate: 'an application for this edition was already sent from this address', profile: 'Migrant association', role: 'Volunteer or activist', region: 'Emilia-Romagna' },
} as const;

describe('a person applies to an edition from its public page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['it', 'en'] as const)('in %s: finds the call in the catalogue, applies on a phone, and is told clearly when applying twice', async (locale) => {
    const text = TEXT[locale];
    const page = await newPage(browser, { locale, viewport: 'phone' });
    const email = `e2e.${locale}.${Date.now().toString(36)}@example.org`;
    try {
      await page.goto(`${baseUrl}/${locale}/training`);
      await expectCleanPage(page, locale);
      const card = page.locator('main li.card').filter({ hasText: DEMO_PATH_TITLES.applyTo[locale] });
      await clickAndWait(page, () => card.locator('a[href*="/training/editions/"]').first().click());
      await expectCleanPage(page, locale);
      const editionUrl = page.url();

      const apply = async () => {
        const form = page.locator('main form[method="post"]');
        await form.locator('#field-fullName').fill('Mariam Sy');
        await form.locator('#field-email').fill(email);
        await form.locator('#field-profile').selectOption({ label: text.profile });
        await form.locator('#field-organisationName').fill('Associazione Donne in Cammino');
        await form.locator('#field-roleLevel').selectOption({ label: text.role });
        await form.locator('#field-regionCode').selectOption({ label: text.region });
        await form.locator('#field-motivation').fill('Accompagno ogni settimana donne straniere ai servizi sanitari del quartiere.');
        await form.locator('#field-languages').fill('italiano, wolof, francese');
        // Bootstrap Italia draws the box on the label, as a person sees it: click the label.
        await form.locator('label[for="field-consent"]').click();
        await clickAndWait(page, () => form.getByRole('button', { name: text.submit }).click());
      };

      await apply();
      expect(new URL(page.url()).pathname).toMatch(/\/applied$/);
      expect(await page.locator('h1').textContent()).toBe(text.done);
      expect(await page.locator('main').textContent()).not.toContain(email);
      await expectCleanPage(page, locale);
      await screenshot(page, `training-applied-${locale}-phone`);

      await page.goto(editionUrl);
      await apply();
      expect(await page.locator('#error-summary').textContent()).toContain(text.duplicate);
      expect(await page.locator('#field-email').getAttribute('aria-invalid')).toBe('true');
      await expectCleanPage(page, locale);
    } finally {
      await page.close();
    }
  });
});
