import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PUBLIC_LOCALES, STAFF_LOCALES, type Locale } from '../src/kernel/i18n/locales.ts';
import { createPagePool, expectNoProblems, findPageProblems, launchBrowser, newContext } from './support/browser.ts';
import { DEMO_LOGINS, logIn } from './support/accounts.ts';
import { discoverStaffPages } from './support/crawl.ts';

const baseUrl = inject('baseUrl');
const FIXTURE = new URL('./fixtures/reception-emilia-romagna.csv', import.meta.url);
const ANALYST = DEMO_LOGINS['observatory analyst'];

/** Every public page of the observatory (path after the language, and the status it must answer with). */
const PUBLIC_PAGES: { name: string; path: string; status: number }[] = [
  { name: 'Italy', path: '/observatory', status: 200 },
  { name: 'a region (Emilia-Romagna)', path: '/observatory/08', status: 200 },
  { name: 'a province (Bologna)', path: '/observatory/237', status: 200 },
  { name: 'Emilia-Romagna compared with Sicilia', path: '/observatory/compare?t=08&t=19', status: 200 },
  { name: 'a comparison with one place only', path: '/observatory/compare?t=08', status: 422 },
  { name: 'the planning view of Emilia-Romagna', path: '/observatory/08/planning', status: 200 },
];

/** Loads a page and lists every problem it has: wrong status, axe violations, structure, CSP violations. */
async function auditPage(page: Page, path: string, locale: Locale, status: number): Promise<string[]> {
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  const problems: string[] = [];
  if (response?.status() !== status) problems.push(`${path}: answered ${response?.status()}, expected ${status}`);
  problems.push(...(await findPageProblems(page, locale)));
  return problems;
}

/** Submits a form with its button and answers the status of the page it leads to (after redirects). */
async function submit(page: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400)),
    button.click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

/**
 * Takes the analyst through an import, checking the page of each state on the way: the upload form refused
 * (no file), a file to map, a mapping refused (no period), a checked file with the new dataset's form, that form
 * refused, a running import (its refresh stopped), a finished one, and a file whose check found problems.
 */
async function auditImportStates(page: Page, locale: Locale, key: string): Promise<string[]> {
  const problems: string[] = [];
  const expectState = async (what: string, status: number, expected: number) => {
    if (status !== expected) problems.push(`${page.url()}: ${what} answered ${status}, expected ${expected}`);
    problems.push(...(await findPageProblems(page, locale)));
  };
  const uploadButton = page.locator('main form[enctype="multipart/form-data"] button[type="submit"]');
  const mappingButton = page.locator('main form[action$="/mapping"] button[type="submit"]');
  const importButton = page.locator('main form[action$="/import"] button[type="submit"]');
  const mapColumns = async () => {
    await page.locator('select[name="use_1"]').selectOption('territory');
    await page.locator('select[name="use_3"]').selectOption('value');
    await page.locator('select[name="use_4"]').selectOption('value');
    await page.locator('select[name="use_2"]').selectOption('label');
    await page.locator('select[name="labelof_2"]').selectOption('1');
    await page.locator('select[name="use_5"]').selectOption('ignore');
  };

  await page.goto(`${baseUrl}/${locale}/observatory/manage/uploads/new`);
  await expectState('the upload form without a file', await submit(page, uploadButton), 422);
  await page.locator('#field-file').setInputFiles(fs.realpathSync(FIXTURE));
  await expectState('the upload of a tidy CSV', await submit(page, uploadButton), 200);
  await page.locator('select[name="use_0"]').selectOption('ignore');
  await expectState('a mapping without a period', await submit(page, mappingButton), 422);
  await page.locator('select[name="use_0"]').selectOption('time');
  await mapColumns();
  await expectState('the right mapping', await submit(page, mappingButton), 200);
  await expectState('the new dataset without a source', await submit(page, importButton), 422);
  await page.locator('#field-key').fill(key);
  await page.locator('#field-source').fill('Prefetture dell’Emilia-Romagna');
  await page.locator('#field-attribution').fill('Fonte: prefetture (dati di prova)');
  await submit(page, importButton);
  const progress = page.url().replace(/\?.*$/, '');
  await expectState('a running import without its refresh', (await page.goto(`${progress}?refresh=off`))!.status(), 200);
  await expect
    .poll(async () => (await page.context().request.get(progress, { maxRedirects: 0 })).headers().refresh, { timeout: 60_000, interval: 1000 })
    .toBeUndefined();
  await expectState('a finished import', (await page.goto(progress))!.status(), 200);

  const broken = fs.readFileSync(FIXTURE, 'utf8').replace(';1903;', ';n.d.;');
  await page.goto(`${baseUrl}/${locale}/observatory/manage/uploads/new`);
  await page.locator('#field-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await submit(page, uploadButton);
  await mapColumns();
  await expectState('a file whose check found a problem', await submit(page, mappingButton), 200);
  // The report: the file refused, and a row of the problems table naming the row and column of "n.d.".
  const refused = await page.locator('main .alert-danger[role="alert"]').count();
  const issue = await page.locator('main tr').filter({ has: page.locator('th[scope="row"]', { hasText: /^\d+$/ }) }).filter({ has: page.locator('td', { hasText: /^Accolti nei CAS$/ }) }).count();
  if (refused !== 1 || issue !== 1) problems.push(`${page.url()}: the report of the broken file does not show its problem`);
  return problems;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The dashboards are read on phones first: there wide tables scroll sideways in their own box, which must then
// be reachable by keyboard. Every language is scanned on a phone, Italian on a desktop as well (the page chrome
// is scanned on a desktop in every language by accessibility.e2e.test.ts).
const SCREENS: { locale: Locale; viewport: 'phone' | 'desktop' }[] = [
  ...PUBLIC_LOCALES.map((locale) => ({ locale, viewport: 'phone' as const })),
  { locale: 'it', viewport: 'desktop' },
];

describe.concurrent('public observatory pages in every language', () => {
  // One context per language and screen (its Accept-Language, its cache), each lending two pages: the pages are
  // long (up to a dozen SVG charts and their tables), so axe inspects one while the other loads.
  const contexts = new Map<string, Promise<BrowserContext>>();
  const pools = new Map<string, Promise<ReturnType<typeof createPagePool>>>();
  function poolFor(locale: Locale, viewport: 'phone' | 'desktop') {
    const key = `${locale} ${viewport}`;
    if (!pools.has(key)) {
      const context = newContext(browser, { locale, viewport });
      contexts.set(key, context);
      pools.set(key, context.then((c) => createPagePool(c, 2)));
    }
    return pools.get(key)!;
  }
  afterAll(async () => {
    await Promise.all([...contexts.values()].map(async (context) => (await context).close()));
  });

  it.each(SCREENS.flatMap((screen) => PUBLIC_PAGES.map((page) => ({ ...screen, ...page }))))(
    '$locale on a $viewport: $name has no WCAG 2.1 A/AA violation and the right language, direction and outline',
    async ({ locale, viewport, path, status }) => {
      const withPage = await poolFor(locale, viewport);
      expectNoProblems(await withPage((page) => auditPage(page, `/${locale}${path}`, locale, status)));
    },
  );
});

describe.each(STAFF_LOCALES.map((locale) => ({ locale })))('observatory staff pages for a regional analyst in $locale', ({ locale }) => {
  it('every state of an import and every page reachable from /observatory/manage has no WCAG 2.1 A/AA violation', async () => {
    const context = await newContext(browser, { locale });
    try {
      const withPage = createPagePool(context);
      const importProblems = await withPage(async (page) => {
        await logIn(page, baseUrl, { locale, email: ANALYST.email, password: ANALYST.password });
        return auditImportStates(page, locale, `e2e-accessibility-${locale}`);
      });
      const { pages, brokenLinks } = await withPage((page) => discoverStaffPages(page, baseUrl, locale, ANALYST.scanRoots));
      const shapes = pages.map((path) => path.replace(/\/[0-9a-f-]{36}/g, '/:id'));
      expect(shapes).toEqual(
        expect.arrayContaining([
          `/${locale}/observatory/manage`,
          `/${locale}/observatory/manage/uploads/new`,
          `/${locale}/observatory/manage/datasets/:id`,
          `/${locale}/observatory/manage/uploads/:id`,
          `/${locale}/observatory/manage/uploads/:id/progress`,
        ]),
      );
      const audits = await Promise.all(pages.map((path) => withPage((page) => auditPage(page, path, locale, 200))));
      expectNoProblems([...importProblems, ...brokenLinks, ...audits.flat()]);
    } finally {
      await context.close();
    }
  });
});
