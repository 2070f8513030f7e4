import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { needTermId } from '../../src/modules/directory/reference/needs-taxonomy.ts';
import { cspViolationsOf, launchBrowser, newContext, screenshot } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const ASYLUM = needTermId('asylum');

/** The service ids listed on a finder page, in order. */
const listedIds = (page: Page) =>
  page.locator('.cv-result-title a').evaluateAll((links) => links.map((a) => (a.getAttribute('href') ?? '').split('/').pop() ?? ''));

/** Waits until the service worker controls the page and has saved a copy of the given paths. */
async function waitForSavedCopies(page: Page, paths: string[]): Promise<void> {
  await page.waitForFunction(async (wanted) => {
    if (!navigator.serviceWorker.controller) return false;
    const cache = await caches.open('crocevia-pages');
    const saved = (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
    return wanted.every((p) => saved.includes(p));
  }, paths, { timeout: 30_000, polling: 250 });
}

describe('a person looks for legal aid in Arabic on a phone', () => {
  let browser: Browser;
  let context: BrowserContext;
  let town: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, { locale: 'ar', viewport: 'phone' });
    // A municipality of the demo where a service for asylum and legal aid speaks Arabic.
    const probe = await context.request.get(`${baseUrl}/it/services?need=${ASYLUM}&language=ar`);
    const place = /class="cv-result-meta">[\s\S]*?<span dir="ltr">([^<(]+?) \([A-Z]{2}\)<\/span>/.exec(await probe.text());
    if (!place) throw new Error('the demo directory has no published legal aid service speaking Arabic');
    town = place[1]!.replace(/&#39;/g, "'");
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('searches by need and municipality, filters by language spoken and opens a mirrored service page', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/ar/services`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const form = page.locator('form[data-finder-form]');
    await form.locator('select[name="need"]').selectOption(ASYLUM);
    await form.locator('input[name="municipality"]').fill(town);
    await Promise.all([page.waitForURL(/municipality=/), form.locator('button[type="submit"]').click()]);
    const inTown = await listedIds(page);
    expect(inTown.length, `legal aid services in ${town}`).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.cv-result-meta').allTextContents()).toSatisfy((metas: string[]) => metas.every((m) => m.includes(town)));

    await page.locator('form[data-finder-form] select[name="language"]').selectOption('ar');
    await Promise.all([page.waitForURL(/language=ar/), page.locator('form[data-finder-form] button[type="submit"]').click()]);
    const speakingArabic = await listedIds(page);
    expect(speakingArabic.length).toBeGreaterThan(0);
    expect(speakingArabic.length).toBeLessThanOrEqual(inTown.length);
    expect(speakingArabic.every((id) => inTown.includes(id))).toBe(true);
    const languages = await page.locator('.cv-result-tags dd:last-of-type').allTextContents();
    expect(languages.every((l) => l.includes('العربية'))).toBe(true);
    await screenshot(page, 'finder-results-ar-phone');

    await Promise.all([page.waitForURL(new RegExp(`/ar/services/${speakingArabic[0]}$`)), page.locator('.cv-result-title a').first().click()]);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const layout = await page.evaluate(() => {
      const title = document.querySelector('h1')!.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      return { titleRight: title.right, width, isOverflowing: document.documentElement.scrollWidth > width, direction: getComputedStyle(document.querySelector('main')!).direction };
    });
    expect(layout.direction).toBe('rtl');
    expect(layout.titleRight).toBeGreaterThan(layout.width * 0.8);
    expect(layout.isOverflowing, 'the service page scrolls sideways').toBe(false);
    await expect.poll(() => page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await page.locator('table.cv-hours').count()).toBe(1);
    await page.locator('[data-map]').scrollIntoViewIfNeeded();
    await page.locator('[data-map] .leaflet-container').waitFor({ timeout: 20_000 });
    await screenshot(page, 'finder-service-ar-phone');
    expect(cspViolationsOf(page)).toEqual([]);
    await page.close();
  });
});

describe('the finder keeps working offline after a visit', () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, { locale: 'it', viewport: 'phone' });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the visited pages with the date they were saved, and an offline page listing them otherwise', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/it/services?need=${ASYLUM}`);
    const [first, second] = await listedIds(page);
    expect(second, 'two legal aid services in the demo').toBeTruthy();
    await page.locator('.cv-result-title a').first().click();
    await page.waitForURL(new RegExp(`/it/services/${first}$`));
    const visitedTitle = (await page.locator('h1').textContent())!.trim();
    await waitForSavedCopies(page, ['/it/services', `/it/services/${first}`]);

    await context.setOffline(true);
    try {
      await page.goto(`${baseUrl}/it/services/${first}`);
      expect((await page.locator('h1').textContent())!.trim()).toBe(visitedTitle);
      const note = page.locator('.cv-saved-note');
      await expect.poll(() => note.isVisible()).toBe(true);
      expect(await note.textContent()).toMatch(/Pagina salvata sul telefono il .*\d/);
      await screenshot(page, 'finder-offline-service-it-phone');

      await page.goto(`${baseUrl}/it/services`);
      expect(await page.locator('h1').textContent()).toBe('Trova un servizio');
      expect(await page.locator('.cv-saved-note').isVisible()).toBe(true);
      expect((await listedIds(page)).length).toBeGreaterThan(0);

      await page.goto(`${baseUrl}/it/services/${second}`);
      expect(await page.locator('h1').textContent()).toBe('Sei senza connessione');
      const saved = page.locator('.cv-saved-list a');
      await expect.poll(() => saved.count()).toBeGreaterThan(1);
      expect(await saved.allTextContents()).toContain(`${visitedTitle} · Crocevia`);
      await screenshot(page, 'finder-offline-page-it-phone');
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  });

  it('saves the services of an area on the phone and opens them offline', async () => {
    const page = await context.newPage();
    const probe = await context.request.get(`${baseUrl}/it/services?need=${ASYLUM}`);
    const town = /<span dir="ltr">([^<(]+?) \([A-Z]{2}\)<\/span>/.exec(await probe.text())![1]!;
    await page.goto(`${baseUrl}/it/services?municipality=${encodeURIComponent(town)}`);
    const area = await listedIds(page);
    const box = page.locator('[data-save-area]');
    await expect.poll(() => box.isVisible(), { timeout: 20_000 }).toBe(true);
    await box.locator('button').click();
    await expect.poll(() => box.locator('[role="status"]').textContent(), { timeout: 60_000 }).toMatch(/^Salvate \d+ pagine il /);

    await context.setOffline(true);
    try {
      const unvisited = area[area.length - 1]!;
      await page.goto(`${baseUrl}/it/services/${unvisited}`);
      expect(await page.locator('h1').textContent()).not.toBe('Sei senza connessione');
      expect(await page.locator('.cv-saved-note').isVisible()).toBe(true);
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  });
});
