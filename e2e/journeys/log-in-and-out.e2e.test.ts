import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { DEMO_LOGINS } from '../support/accounts.ts';

const baseUrl = inject('baseUrl');
const { email, password } = DEMO_LOGINS['regional administrator'];

describe('a regional administrator logs in and out on a phone, in Italian', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is refused with a wrong password, gets in with the right one, sees their name in the header, and logs out', async () => {
    const page = await newPage(browser, { locale: 'it', viewport: 'phone' });
    try {
      await page.goto(`${baseUrl}/it`);
      await page.locator('header').getByRole('link', { name: 'Accedi' }).click();
      await page.waitForURL(`${baseUrl}/it/login`);
      expect(await page.locator('h1').textContent()).toBe('Accedi');

      const form = page.locator('main form').filter({ has: page.getByLabel('Password') });
      await form.getByLabel('Indirizzo e-mail').fill(email);
      await form.getByLabel('Password').fill('not-the-password');
      await form.getByRole('button', { name: 'Accedi' }).click();
      await page.waitForLoadState();
      expect(await page.getByRole('alert').first().textContent()).toContain("L'indirizzo e-mail e la password non corrispondono");
      expect(await form.getByLabel('Indirizzo e-mail').inputValue(), 'the e-mail is kept after a refusal').toBe(email);
      expect(await form.getByLabel('Password').inputValue(), 'the password is never sent back').toBe('');

      await form.getByLabel('Password').fill(password);
      await Promise.all([page.waitForURL(`${baseUrl}/it`), form.getByRole('button', { name: 'Accedi' }).click()]);
      const accountLink = page.locator('header').locator(`a[href="/it/account"]`);
      const headerName = (await accountLink.textContent())?.trim() ?? '';
      expect(headerName.length).toBeGreaterThan(2);
      await screenshot(page, 'logged-in-it-phone');

      await accountLink.click();
      await page.waitForURL(`${baseUrl}/it/account`);
      const details = await page.locator('main dl').textContent();
      expect(details).toContain(headerName);
      expect(details).toContain(email);

      await Promise.all([page.waitForURL(`${baseUrl}/it`), page.locator('header').getByRole('button', { name: 'Esci' }).click()]);
      expect(await page.locator('header').getByRole('link', { name: 'Accedi' }).isVisible()).toBe(true);
      expect(await page.locator('header').textContent()).not.toContain(headerName);

      // The session is gone: the account page asks to log in again.
      await page.goto(`${baseUrl}/it/account`);
      expect(new URL(page.url()).pathname).toBe('/it/login');
    } finally {
      await page.close();
    }
  });
});
