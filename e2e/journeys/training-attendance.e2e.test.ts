import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { logIn } from '../support/accounts.ts';
import { DEMO_PATH_TITLES, TRAINING_LOGINS, clickAndWait, expectCleanPage } from './training-demo.ts';

const baseUrl = inject('baseUrl');

describe('a trainer takes attendance on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marks present, partly present with an arrival time and absent; a partial mark without time is refused clearly', async () => {
    const page = await newPage(browser, { locale: 'it', viewport: 'phone' });
    try {
      await logIn(page, baseUrl, { locale: 'it', ...TRAINING_LOGINS.trainer });
      await page.goto(`${baseUrl}/it/training/manage`);
      const row = page.locator('main tr').filter({ hasText: DEMO_PATH_TITLES.running.it });
      await clickAndWait(page, () => row.locator('a').first().click());
      await expectCleanPage(page, 'it');
      // The demo calendar puts the third session of a running edition on today.
      await clickAndWait(page, () => page.getByRole('link', { name: 'Registro presenze' }).nth(2).click());
      await expectCleanPage(page, 'it');

      const blocks = page.locator('main form fieldset');
      expect(await blocks.count()).toBeGreaterThanOrEqual(3);
      const names = await Promise.all([0, 1, 2].map(async (i) => ((await blocks.nth(i).locator('legend').textContent()) ?? '').trim()));
      const choose = async (i: number, label: string) => blocks.nth(i).locator('label', { hasText: label }).click();

      await choose(1, 'Parziale');
      await clickAndWait(page, () => page.getByRole('button', { name: 'Salva il registro' }).click());
      expect(await page.getByRole('alert').textContent()).toContain('per una presenza parziale indica l’orario di arrivo o di uscita');
      await expectCleanPage(page, 'it');

      await choose(0, 'Presente');
      await choose(1, 'Parziale');
      await blocks.nth(1).locator('input[type="time"]').first().fill('10:45');
      await choose(2, 'Assente');
      await screenshot(page, 'training-register-it-phone');
      await clickAndWait(page, () => page.getByRole('button', { name: 'Salva il registro' }).click());
      expect(await page.getByRole('status').first().textContent()).toContain('Registro salvato.');

      const saved = page.locator('main form fieldset');
      const block = (name: string) => saved.filter({ has: page.locator('legend', { hasText: name }) });
      expect(await block(names[0]!).locator('input[value="present"]').isChecked()).toBe(true);
      expect(await block(names[1]!).locator('input[value="partial"]').isChecked()).toBe(true);
      expect(await block(names[1]!).locator('input[type="time"]').first().inputValue()).toBe('10:45');
      expect(await block(names[2]!).locator('input[value="absent"]').isChecked()).toBe(true);
      await expectCleanPage(page, 'it');

      await clickAndWait(page, () => page.getByRole('link', { name: 'Registro cartaceo da stampare' }).click());
      expect(await page.locator('main table').textContent()).toContain(names[0]!);
      await expectCleanPage(page, 'it');
    } finally {
      await page.close();
    }
  });
});
