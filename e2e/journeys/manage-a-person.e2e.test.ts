import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { DEMO_LOGINS, logIn } from '../support/accounts.ts';

const baseUrl = inject('baseUrl');
const { email, password } = DEMO_LOGINS['regional administrator'];

/** Clicks something that submits or navigates, and waits for the next page. */
async function clickAndWait(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), click()]);
}

describe('a regional administrator manages a person through the forms, on a phone, in Italian', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a person in an organisation with a role, finds them in the list, renames and disables them', async () => {
    const page = await newPage(browser, { locale: 'it', viewport: 'phone' });
    const unique = Date.now().toString(36);
    const name = `Nadia Haddad ${unique}`;
    const renamed = `Nadia Haddad-Rossi ${unique}`;
    const personEmail = `nadia.haddad.${unique}@example.org`;
    try {
      await logIn(page, baseUrl, { locale: 'it', email, password });
      await page.goto(`${baseUrl}/it/admin`);
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Persone' }).click());
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Nuova persona' }).click());
      expect(new URL(page.url()).pathname).toBe('/it/admin/people/new');

      const form = page.locator('main form[method="post"]');
      await form.getByLabel('Nome e cognome').fill(name);
      await form.getByLabel('E-mail').fill(personEmail);
      await form.getByLabel('Organizzazione').selectOption({ label: 'Comune di Bologna' });
      await form.getByLabel('Ruolo').selectOption({ label: 'Operatore' });
      await screenshot(page, 'person-new-it-phone');
      await clickAndWait(page, () => form.getByRole('button', { name: "Crea e invia l'invito" }).click());

      expect(new URL(page.url()).pathname).toMatch(/^\/it\/admin\/people\/[0-9a-f-]{36}$/);
      const personPath = new URL(page.url()).pathname;
      expect(await page.locator('h1').textContent()).toBe(name);
      expect(await page.getByRole('status').textContent()).toContain('Account creato');
      const memberships = page.locator('main table').filter({ hasText: 'Comune di Bologna' });
      expect(await memberships.locator('tbody tr').filter({ hasText: 'Operatore' }).count()).toBe(1);

      // Find them in the list with the search form.
      await page.goto(`${baseUrl}/it/admin/people`);
      await page.getByRole('searchbox', { name: 'Cerca per nome o e-mail' }).fill(unique);
      await clickAndWait(page, () => page.getByRole('search').getByRole('button', { name: 'Cerca' }).click());
      const row = page.locator('main table tbody tr').filter({ hasText: personEmail });
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toContain('Attivo');
      await clickAndWait(page, () => row.getByRole('link', { name }).click());
      expect(new URL(page.url()).pathname).toBe(personPath);

      // Change their name.
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Modifica' }).click());
      const edit = page.locator('main form[method="post"]');
      expect(await edit.getByLabel('Nome e cognome').inputValue()).toBe(name);
      await edit.getByLabel('Nome e cognome').fill(renamed);
      await clickAndWait(page, () => edit.getByRole('button', { name: 'Salva' }).click());
      expect(new URL(page.url()).pathname).toBe(personPath);
      expect(await page.getByRole('status').textContent()).toContain('Modifiche salvate');
      expect(await page.locator('h1').textContent()).toBe(renamed);

      // Disable them.
      await clickAndWait(page, () => page.locator('main').getByRole('link', { name: 'Modifica' }).click());
      const disable = page.locator('main form[method="post"]');
      expect(await disable.getByLabel('Account attivo').isChecked()).toBe(true);
      // Bootstrap Italia draws the box on the label, as a person sees it: click the label.
      await disable.locator('label[for="field-isActive"]').click();
      expect(await disable.getByLabel('Account attivo').isChecked()).toBe(false);
      await clickAndWait(page, () => disable.getByRole('button', { name: 'Salva' }).click());
      expect(await page.locator('main dl').textContent()).toContain('Disattivato');
      await screenshot(page, 'person-disabled-it-phone');

      await page.goto(`${baseUrl}/it/admin/people?q=${encodeURIComponent(unique)}`);
      const disabledRow = page.locator('main table tbody tr').filter({ hasText: personEmail });
      expect(await disabledRow.textContent()).toContain(renamed);
      expect(await disabledRow.textContent()).toContain('Disattivato');
    } finally {
      await page.close();
    }
  });
});
