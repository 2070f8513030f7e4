import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { logIn } from '../support/accounts.ts';
import { DEMO_PATH_TITLES, TRAINING_LOGINS, clickAndWait, expectCleanPage } from './training-demo.ts';

const baseUrl = inject('baseUrl');

const TEXT = {
  it: { download: 'Scarica l’attestato (PDF)', verify: 'Verifica', valid: 'Attestato valido', unknown: 'Attestato non trovato' },
  en: { download: 'Download the certificate (PDF)', verify: 'Verify', valid: 'Valid certificate', unknown: 'Certificate not found' },
} as const;

describe('a participant downloads their certificate and a stranger verifies it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['it', 'en'] as const)('in %s', async (locale) => {
    const text = TEXT[locale];
    const participant = await newPage(browser, { locale, viewport: 'phone' });
    const stranger = await newPage(browser, { locale, viewport: 'desktop' });
    try {
      await logIn(participant, baseUrl, { locale, email: TRAINING_LOGINS.participant.email, password: TRAINING_LOGINS.participant.password });
      await participant.goto(`${baseUrl}/${locale}/training/my`);
      await expectCleanPage(participant, locale);
      const item = participant.locator('main li.card').filter({ hasText: DEMO_PATH_TITLES.completed[locale] });
      await clickAndWait(participant, () => item.locator('a').first().click());
      await expectCleanPage(participant, locale);
      const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await participant.locator('#certificate-title').locator('..').textContent()) ?? '')?.[1];
      expect(code).toBeDefined();
      const [download] = await Promise.all([participant.waitForEvent('download'), participant.getByRole('link', { name: text.download }).click()]);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(download.suggestedFilename()).toBe(`certificate-${code}.pdf`);

      await stranger.goto(`${baseUrl}/${locale}/certificates`);
      await expectCleanPage(stranger, locale);
      await stranger.locator('#field-code').fill(code!.toLowerCase().replace(/-/g, ' '));
      await clickAndWait(stranger, () => stranger.getByRole('button', { name: text.verify }).click());
      expect(new URL(stranger.url()).pathname).toBe(`/${locale}/certificates/${code}`);
      expect(await stranger.locator('h1').textContent()).toBe(text.valid);
      const details = (await stranger.locator('main dl').textContent()) ?? '';
      expect(details).toContain(TRAINING_LOGINS.participant.fullName);
      expect(details).toContain(DEMO_PATH_TITLES.completed[locale]);
      await expectCleanPage(stranger, locale);
      await screenshot(stranger, `training-verified-${locale}`);

      await stranger.goto(`${baseUrl}/${locale}/certificates/AAAA-BBBB-CCCC`);
      expect(await stranger.locator('h1').textContent()).toBe(text.unknown);
      expect(await stranger.locator('main').textContent()).not.toContain(TRAINING_LOGINS.participant.fullName);
      await expectCleanPage(stranger, locale);
    } finally {
      await participant.close();
      await stranger.close();
    }
  });
});
