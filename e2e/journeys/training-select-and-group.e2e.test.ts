import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { logIn } from '../support/accounts.ts';
import { DEMO_PATH_TITLES, TRAINING_LOGINS, clickAndWait, expectCleanPage } from './training-demo.ts';

const baseUrl = inject('baseUrl');

describe('a training manager admits a class, forms mixed groups and adjusts one', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the selection, forms groups of four, sees a refused size explained, and moves a person with the score change shown', async () => {
    const page = await newPage(browser, { locale: 'it', viewport: 'desktop' });
    try {
      await logIn(page, baseUrl, { locale: 'it', ...TRAINING_LOGINS.manager });
      await page.goto(`${baseUrl}/it/training/manage`);
      await expectCleanPage(page, 'it');
      const row = page.locator('main tr').filter({ hasText: DEMO_PATH_TITLES.select.it });
      await clickAndWait(page, () => row.locator('a').first().click());
      await expectCleanPage(page, 'it');

      await clickAndWait(page, () => page.locator('main nav').getByRole('link', { name: 'Candidature' }).click());
      await expectCleanPage(page, 'it');
      await clickAndWait(page, () => page.getByRole('button', { name: 'Esegui la selezione' }).click());
      expect(await page.getByRole('status').first().textContent()).toContain('Selezione eseguita');
      const admitted = await page.locator('main .badge', { hasText: 'Ammesso/a' }).count();
      expect(admitted).toBeGreaterThanOrEqual(8);
      await expectCleanPage(page, 'it');

      await clickAndWait(page, () => page.locator('main nav').getByRole('link', { name: 'Gruppi' }).click());
      await page.locator('#field-groupSize').fill('1');
      await clickAndWait(page, () => page.getByRole('button', { name: 'Forma i gruppi' }).click());
      expect(await page.locator('#error-groupSize').textContent()).toContain('un gruppo ha almeno 2 persone');
      await expectCleanPage(page, 'it');

      await page.locator('#field-groupSize').fill('4');
      await clickAndWait(page, () => page.getByRole('button', { name: 'Forma i gruppi' }).click());
      expect(await page.getByRole('status').first().textContent()).toContain('Gruppi formati.');
      expect(await page.locator('main').textContent()).toContain('Mix della classe');
      const groups = page.locator('main section[aria-labelledby^="group-"]');
      expect(await groups.count()).toBeGreaterThanOrEqual(2);
      await expectCleanPage(page, 'it');
      await screenshot(page, 'training-groups-it');

      const first = groups.first();
      const moved = ((await first.locator('li strong').first().textContent()) ?? '').trim();
      const mover = first.locator('li form').first();
      await mover.locator('select').selectOption({ label: 'Gruppo 2' });
      await clickAndWait(page, () => mover.getByRole('button', { name: 'Sposta' }).click());
      expect(await page.getByRole('status').first().textContent()).toMatch(/Spostamento fatto: il mix della classe passa da [\d,]+ a [\d,]+/);
      expect(await page.locator('section[aria-labelledby="group-2"]').textContent()).toContain(moved);
      await expectCleanPage(page, 'it');
    } finally {
      await page.close();
    }
  });
});
