import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { expectNoProblems, findPageProblems, launchBrowser, newPage, screenshot } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

// What the visitor reads, in each language (src/modules/observatory/locales/public.<locale>.json).
const TEXT = {
  it: {
    province: 'Osservatorio: Bologna',
    region: 'Osservatorio: Emilia-Romagna',
    regionCrumb: 'Emilia-Romagna',
    csv: 'Scarica i dati in CSV: ',
    pdf: 'Scarica il rapporto PDF: Bologna',
    planningLink: 'Vista di pianificazione dei servizi',
    planning: 'Pianificazione dei servizi: Emilia-Romagna',
  },
  ar: {
    province: 'المرصد: Bologna',
    region: 'المرصد: Emilia-Romagna',
    regionCrumb: 'Emilia-Romagna',
    csv: 'تنزيل البيانات بصيغة CSV: ',
    pdf: 'تنزيل التقرير بصيغة PDF: Bologna',
    planningLink: 'عرض تخطيط الخدمات',
    planning: 'تخطيط الخدمات: Emilia-Romagna',
  },
} as const;

/** Clicks a link and waits for the page it opens. */
async function clickAndWait(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** Clicks a link that downloads a file and answers the file's bytes and suggested name. */
async function download(page: Page, link: Locator): Promise<{ bytes: Buffer; name: string }> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { bytes: fs.readFileSync(await file.path()), name: file.suggestedFilename() };
}

/** Whether the page is wider than the phone's screen (it would scroll sideways). */
const scrollsSideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);

/** The page's language facts and a clean bill from axe, structure and CSP checks. */
async function expectCleanPage(page: Page, locale: 'it' | 'ar'): Promise<void> {
  expect(await page.getAttribute('html', 'lang')).toBe(locale);
  expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
  expect(await scrollsSideways(page), `${new URL(page.url()).pathname} scrolls sideways on a phone`).toBe(false);
  expectNoProblems(await findPageProblems(page, locale));
}

describe('a visitor on a phone reads the dashboard of Bologna, downloads its data and report, and opens the planning view', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['it', 'ar'] as const)('in %s', async (locale) => {
    const text = TEXT[locale];
    const page = await newPage(browser, { locale, viewport: 'phone' });
    try {
      await page.goto(`${baseUrl}/${locale}/observatory/237`);
      expect(await page.locator('h1').textContent()).toBe(text.province);
      await expectCleanPage(page, locale);
      await screenshot(page, `observatory-province-${locale}-phone`);

      // The first chart's data: the CSV holds the table shown under the chart, number for number.
      const panel = page.locator('section.cv-panel').filter({ has: page.locator('figure svg[role="img"]') }).first();
      const title = ((await panel.locator('h2').textContent()) ?? '').trim();
      const headings = (await panel.locator('table thead th').allTextContents()).map((h) => h.trim());
      const shown = await panel.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => (c.textContent ?? '').trim())));
      const csv = await download(page, panel.getByRole('link', { name: `${text.csv}${title}`, exact: true }));
      expect(csv.name).toMatch(/^[a-z-]+-237\.csv$/);
      const lines = csv.bytes.toString('utf8').trimEnd().split('\r\n').map((line) => line.split(','));
      expect(lines[0]).toEqual(['code', ...headings]);
      expect(lines.length - 1).toBe(shown.length);
      expect(lines.length - 1).toBeGreaterThanOrEqual(3);
      const integers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      for (const [i, [code, label, ...values]] of lines.slice(1).entries()) {
        expect(code).toMatch(/^\d{4}$/);
        expect(label).toBe(shown[i]![0]);
        expect(values.every((v) => /^\d+$/.test(v)), `${values.join(',')} are whole numbers`).toBe(true);
        expect(values.map((v) => integers.format(Number(v)))).toEqual(shown[i]!.slice(1));
      }

      // The report of the province, as a PDF.
      const pdf = await download(page, page.getByRole('link', { name: text.pdf, exact: true }));
      expect(pdf.name).toBe('observatory-237.pdf');
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.bytes.length).toBeGreaterThan(10_000);

      // Up to the region, then its planning view.
      await clickAndWait(page, page.locator('.breadcrumb').getByRole('link', { name: text.regionCrumb, exact: true }));
      expect(new URL(page.url()).pathname).toBe(`/${locale}/observatory/08`);
      expect(await page.locator('h1').textContent()).toBe(text.region);
      await expectCleanPage(page, locale);
      await screenshot(page, `observatory-region-${locale}-phone`);
      await clickAndWait(page, page.getByRole('link', { name: text.planningLink, exact: true }));
      expect(new URL(page.url()).pathname).toBe(`/${locale}/observatory/08/planning`);
      expect(await page.locator('h1').textContent()).toBe(text.planning);
      // Every province of the region has its findings, Bologna among them.
      expect(await page.locator('li[id^="province-"]').count()).toBe(9);
      expect(await page.locator('#province-237 strong').first().textContent()).toBe('Bologna');
      await expectCleanPage(page, locale);
      await screenshot(page, `observatory-planning-${locale}-phone`);
    } finally {
      await page.close();
    }
  });
});
