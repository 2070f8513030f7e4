import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoProblems, findPageProblems, launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { DEMO_LOGINS, logIn } from '../support/accounts.ts';
import { authenticatorCode } from '../support/totp.ts';

const baseUrl = inject('baseUrl');
const { email, password } = DEMO_LOGINS['operator who sets up a second factor'];

async function expectAccessible(page: Page): Promise<void> {
  expectNoProblems(await findPageProblems(page, 'it'));
}

describe('an operator turns on the second factor and logs in with it, in Italian', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('scans the key, confirms a code, and from then on needs a code from the app to log in', async () => {
    const page = await newPage(browser, { locale: 'it' });
    try {
      await logIn(page, baseUrl, { locale: 'it', email, password });
      await page.goto(`${baseUrl}/it/account`);
      expect(await page.locator('main').textContent()).toContain('La verifica in due passaggi non è attiva.');
      await Promise.all([
        page.waitForURL(`${baseUrl}/it/account/second-factor`),
        page.getByRole('button', { name: 'Configura la verifica in due passaggi' }).click(),
      ]);
      await expectAccessible(page);
      expect(await page.getByRole('img', { name: /Codice QR/ }).count()).toBe(1);
      const secret = (await page.locator('#totp-secret').textContent()) ?? '';
      expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
      await screenshot(page, 'totp-setup-it');

      await page.getByLabel('Codice di verifica').fill(authenticatorCode(secret));
      await Promise.all([page.waitForURL(/\/it\/account\?done=/), page.getByRole('button', { name: 'Conferma e attiva' }).click()]);
      expect(await page.getByRole('status').textContent()).toContain('La verifica in due passaggi è attiva');

      await Promise.all([page.waitForURL(`${baseUrl}/it`), page.locator('header').getByRole('button', { name: 'Esci' }).click()]);
      await logIn(page, baseUrl, { locale: 'it', email, password });
      expect(new URL(page.url()).pathname).toBe('/it/login/second-factor');
      await expectAccessible(page);
      expect(await page.locator('header a[href="/it/account"]').count(), 'not signed in before the code').toBe(0);

      await page.getByLabel('Codice di verifica').fill('000000' === authenticatorCode(secret, 1) ? '111111' : '000000');
      await page.getByRole('button', { name: 'Verifica' }).click();
      await page.waitForLoadState();
      expect(await page.locator('#error-summary').textContent()).toContain('il codice non è corretto');
      expect(await page.getByLabel('Codice di verifica').getAttribute('aria-invalid')).toBe('true');

      // The code of the next 30-second step: the one just used to confirm cannot be used twice.
      await page.getByLabel('Codice di verifica').fill(authenticatorCode(secret, 1));
      await Promise.all([page.waitForURL(`${baseUrl}/it`), page.getByRole('button', { name: 'Verifica' }).click()]);
      expect(await page.locator('header a[href="/it/account"]').count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
