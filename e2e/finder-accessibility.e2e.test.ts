import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PUBLIC_LOCALES, type Locale } from '../src/kernel/i18n/locales.ts';
import { needTermId } from '../src/modules/directory/reference/needs-taxonomy.ts';
import { cspViolationsOf, findAxeViolations, findStructureProblems, launchBrowser, newContext } from './support/browser.ts';

const baseUrl = inject('baseUrl');
const ASYLUM = needTermId('asylum');

/** Every page of the public finder (path after the language, and the status it must answer with). */
function finderPages(serviceId: string): { name: string; path: string; status: number }[] {
  return [
    { name: 'finder', path: '/services', status: 200 },
    { name: 'finder with results, filters and map', path: `/services?need=${ASYLUM}&free=true`, status: 200 },
    { name: 'finder with a place that does not exist', path: '/services?municipality=Nessunluogo&language=xx', status: 422 },
    { name: 'finder with nothing found', path: '/services?q=zzzqqqxxx', status: 200 },
    { name: 'service page', path: `/services/${serviceId}`, status: 200 },
    { name: 'printable service page', path: `/services/${serviceId}/print`, status: 200 },
    { name: 'offline page', path: '/services/offline', status: 200 },
    { name: 'unknown service', path: '/services/00000000-0000-4000-8000-000000000000', status: 404 },
  ];
}

/** Loads a page, lets the map island draw, and lists every problem: status, axe, structure, CSP. */
async function auditPage(page: Page, path: string, locale: Locale, status: number): Promise<string[]> {
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  const problems: string[] = [];
  if (response?.status() !== status) problems.push(`${path}: answered ${response?.status()}, expected ${status}`);
  if ((await page.locator('[data-map]').count()) > 0) {
    await page.locator('[data-map]').scrollIntoViewIfNeeded();
    await page.locator('[data-map] .leaflet-container').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
  }
  problems.push(...(await findStructureProblems(page, locale)));
  problems.push(...(await findAxeViolations(page)));
  problems.push(...cspViolationsOf(page));
  return problems;
}

let browser: Browser;
let serviceId: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newContext(browser);
  const probe = await (await context.request.get(`${baseUrl}/it/services?need=${ASYLUM}`)).text();
  await context.close();
  const found = /class="cv-result-title"><a href="\/it\/services\/([0-9a-f-]{36})"/.exec(probe);
  if (!found) throw new Error('the demo directory has no published legal aid service');
  serviceId = found[1]!;
});
afterAll(async () => {
  await browser?.close();
});

describe.each(PUBLIC_LOCALES.map((locale) => ({ locale })))('public finder pages in $locale', ({ locale }) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newContext(browser, { locale });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('every finder page has no WCAG 2.1 A/AA violation and the right language, direction and outline', async () => {
    const problems: string[] = [];
    for (const { path, status } of finderPages(serviceId)) {
      const page = await context.newPage();
      try {
        problems.push(...(await auditPage(page, `/${locale}${path}`, locale, status)));
      } finally {
        await page.close();
      }
    }
    expect(problems).toEqual([]);
  });
});
