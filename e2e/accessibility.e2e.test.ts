import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PUBLIC_LOCALES, STAFF_LOCALES, type Locale } from '../src/kernel/i18n/locales.ts';
import { createPagePool, expectNoProblems, findPageProblems, launchBrowser, newContext } from './support/browser.ts';
import { DEMO_LOGINS, logIn, type DemoLogin } from './support/accounts.ts';
import { discoverStaffPages } from './support/crawl.ts';

const baseUrl = inject('baseUrl');

/** Every public page of the foundation (path after the language, and the status it must answer with). */
const PUBLIC_PAGES: { name: string; path: (locale: Locale) => string; status: number }[] = [
  { name: 'home', path: (l) => `/${l}`, status: 200 },
  { name: 'accessibility statement', path: (l) => `/${l}/accessibility`, status: 200 },
  { name: 'privacy notice', path: (l) => `/${l}/privacy`, status: 200 },
  { name: 'legal notes', path: (l) => `/${l}/legal`, status: 200 },
  { name: 'login', path: (l) => `/${l}/login`, status: 200 },
  { name: 'forgotten password', path: (l) => `/${l}/password/forgot`, status: 200 },
  { name: 'reset link sent', path: (l) => `/${l}/password/forgot?sent=1`, status: 200 },
  // A reset link that is unknown or used: the page a late click on an old e-mail opens.
  { name: 'expired reset link', path: (l) => `/${l}/password/reset/${'x'.repeat(43)}`, status: 410 },
  { name: 'page not found', path: (l) => `/${l}/no-such-page`, status: 404 },
  // Not under a language: the server answers in the browser's Accept-Language.
  { name: 'API reference', path: () => '/api/docs', status: 200 },
];

/** Loads a page and lists every problem it has: wrong status, axe violations, structure, CSP violations. */
async function auditPage(page: Page, path: string, locale: Locale, status: number): Promise<string[]> {
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  const problems: string[] = [];
  if (response?.status() !== status) problems.push(`${path}: answered ${response?.status()}, expected ${status}`);
  problems.push(...(await findPageProblems(page, locale)));
  return problems;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.concurrent('public pages in every language', () => {
  // One context per language (its Accept-Language, its cache), each lending a few pages.
  const contexts = new Map<Locale, Promise<BrowserContext>>();
  const pools = new Map<Locale, Promise<ReturnType<typeof createPagePool>>>();
  function poolFor(locale: Locale) {
    if (!pools.has(locale)) {
      // Stored before it resolves, so tests of one language that start together share one context.
      const context = newContext(browser, { locale });
      contexts.set(locale, context);
      pools.set(locale, context.then((c) => createPagePool(c, 2)));
    }
    return pools.get(locale)!;
  }
  afterAll(async () => {
    await Promise.all([...contexts.values()].map(async (context) => (await context).close()));
  });

  it.each(PUBLIC_LOCALES.flatMap((locale) => PUBLIC_PAGES.map((page) => ({ locale, ...page }))))(
    '$locale: $name has no WCAG 2.1 A/AA violation and the right language, direction and outline',
    async ({ locale, path, status }) => {
      const withPage = await poolFor(locale);
      expectNoProblems(await withPage((page) => auditPage(page, path(locale), locale, status)));
    },
  );
});

describe.each(
  Object.entries(DEMO_LOGINS as Record<string, DemoLogin>)
    .filter(([, login]) => login.isScannedForAccessibility)
    .flatMap(([who, login]) => STAFF_LOCALES.map((locale) => ({ who, login, locale }))),
)('staff pages for the $who in $locale', ({ login, locale }) => {
  it('every staff page they reach (account, administration, services directory) has no WCAG 2.1 A/AA violation and the right language, direction and outline', async () => {
    const context = await newContext(browser, { locale });
    try {
      const withPage = createPagePool(context);
      await withPage((page) => logIn(page, baseUrl, { locale, email: login.email, password: login.password }));
      const { pages, brokenLinks } = await withPage((page) => discoverStaffPages(page, baseUrl, locale, login.scanRoots));
      expect(pages.length, 'staff pages discovered').toBeGreaterThan(3);
      const audits = await Promise.all(pages.map((path) => withPage((page) => auditPage(page, path, locale, 200))));
      expectNoProblems([...brokenLinks, ...audits.flat()]);
    } finally {
      await context.close();
    }
  });
});
