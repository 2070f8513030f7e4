import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findPageProblems, launchBrowser, newPage } from '../support/browser.ts';
import { logIn } from '../support/accounts.ts';
import type { Locale } from '../../src/kernel/i18n/locales.ts';
import { TRAINING_LOGINS } from './training-demo.ts';

const baseUrl = inject('baseUrl');

/** Opens each path and collects its problems (status, axe, structure, CSP). */
async function audit(page: Page, paths: string[], locale: Locale): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    const response = await page.goto(`${baseUrl}${path}`);
    if (response?.status() !== 200) problems.push(`${path}: answered ${response?.status()}`);
    problems.push(...(await findPageProblems(page, locale)));
  }
  return problems;
}

/** The hrefs of the links of the page now shown that match a pattern. */
async function linksMatching(page: Page, pattern: RegExp): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))];
}

describe('every page of the training module passes axe (WCAG 2.1 A/AA) with the right structure', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['it', 'en', 'ar'] as const)('public pages in %s: catalogue, an edition with its form, certificate verification', async (locale) => {
    const page = await newPage(browser, { locale, viewport: 'phone' });
    try {
      await page.goto(`${baseUrl}/${locale}/training`);
      const editions = (await linksMatching(page, /\/training\/editions\/[0-9a-f-]{36}$/)).slice(0, 3);
      expect(editions.length).toBeGreaterThan(0);
      expect(await audit(page, [`/${locale}/training`, ...editions, `/${locale}/certificates`], locale)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(['it', 'en'] as const)('the manager’s pages in %s: workspace, paths, every tab of each edition state, forms, reports', async (locale) => {
    const page = await newPage(browser, { locale, viewport: 'desktop' });
    try {
      await logIn(page, baseUrl, { locale, ...TRAINING_LOGINS.manager });
      await page.goto(`${baseUrl}/${locale}/training/manage`);
      // One edition of each state (draft, call open, call closed, running, completed): the badge tells them apart.
      const rows = await page.locator('main tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('a')?.getAttribute('href') ?? '', tr.querySelector('.badge')?.textContent ?? '']));
      const editions = [...new Map(rows.map(([href, state]) => [state, href] as const)).values()].filter(Boolean);
      expect(editions.length).toBe(5);
      const paths = (await linksMatching(page, /\/training\/manage\/paths\/[0-9a-f-]{36}$/)).slice(0, 2);
      const tabs = ['', '/applications', '/groups', '/attendance', '/work', '/evaluation', '/certificates', '/edit', '/sessions/new'];
      const pages = [`/${locale}/training/manage`, `/${locale}/training/manage/paths/new`, `/${locale}/training/manage/reports`, ...paths, ...paths.map((p) => `${p}/edit`), ...paths.map((p) => `${p}/editions/new`)];
      for (const edition of editions) pages.push(...tabs.map((tab) => `${edition}${tab}`));
      await page.goto(`${baseUrl}${editions.at(-1)}`);
      const sessions = (await linksMatching(page, /\/training\/manage\/sessions\/[0-9a-f-]{36}(\/edit)?$/)).slice(0, 2);
      pages.push(...sessions, ...sessions.filter((s) => !s.endsWith('/edit')).map((s) => `${s}/paper`));
      expect(await audit(page, pages, locale)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the trainer’s and the participant’s pages on a phone', async () => {
    const trainer = await newPage(browser, { locale: 'it', viewport: 'phone' });
    const participant = await newPage(browser, { locale: 'en', viewport: 'phone' });
    try {
      await logIn(trainer, baseUrl, { locale: 'it', ...TRAINING_LOGINS.trainer });
      await trainer.goto(`${baseUrl}/it/training/manage`);
      const taught = (await linksMatching(trainer, /\/training\/manage\/editions\/[0-9a-f-]{36}$/)).slice(0, 2);
      expect(await audit(trainer, ['/it/training/manage', ...taught.flatMap((e) => [e, `${e}/groups`, `${e}/attendance`, `${e}/work`, `${e}/evaluation`])], 'it')).toEqual([]);

      await logIn(participant, baseUrl, { locale: 'en', email: TRAINING_LOGINS.participant.email, password: TRAINING_LOGINS.participant.password });
      await participant.goto(`${baseUrl}/en/training/my`);
      const mine = await linksMatching(participant, /\/training\/my\/[0-9a-f-]{36}$/);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(await audit(participant, ['/en/training/my', '/en/training/checkin', ...mine], 'en')).toEqual([]);
    } finally {
      await trainer.close();
      await participant.close();
    }
  });
});
