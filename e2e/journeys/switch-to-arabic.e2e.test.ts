import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

/** Where the brand's logo and the language switcher sit across the header, as fractions of the screen width. */
async function measureHeader(page: Page): Promise<{ brandCentre: number; switcherCentre: number; brandIconRight: number; brandTitleRight: number; isOverflowing: boolean }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const rect = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`${selector} is missing`);
      return element.getBoundingClientRect();
    };
    // The brand link spans the row; its logo is what moves from one side to the other.
    const brand = rect('header .cv-brand .icon');
    const switcher = rect('header .cv-lang summary');
    return {
      brandCentre: (brand.left + brand.width / 2) / width,
      switcherCentre: (switcher.left + switcher.width / 2) / width,
      brandIconRight: rect('header .cv-brand .icon').right,
      brandTitleRight: rect('header .cv-brand-title').right,
      isOverflowing: document.documentElement.scrollWidth > width,
    };
  });
}

describe('a visitor switches the home page from Italian to Arabic on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the language switcher, picks العربية and sees the page mirrored', async () => {
    const page = await newPage(browser, { locale: 'it', viewport: 'phone' });
    try {
      await page.goto(`${baseUrl}/it`);
      await screenshot(page, 'home-it-phone');
      expect(await page.getAttribute('html', 'dir')).toBe('ltr');
      const italian = await measureHeader(page);
      expect(italian.brandCentre).toBeLessThan(0.5);
      expect(italian.switcherCentre).toBeGreaterThan(italian.brandCentre);
      expect(italian.brandIconRight).toBeLessThan(italian.brandTitleRight);
      expect(italian.isOverflowing, 'the Italian page scrolls sideways').toBe(false);

      const switcher = page.locator('header details.cv-lang');
      await switcher.locator('summary').click();
      expect(await switcher.getAttribute('open')).not.toBeNull();
      const arabic = switcher.getByRole('link', { name: 'العربية' });
      await expect.poll(() => arabic.isVisible()).toBe(true);
      await Promise.all([page.waitForURL(`${baseUrl}/ar`), arabic.click()]);

      await screenshot(page, 'home-ar-phone');
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      const mirrored = await measureHeader(page);
      expect(mirrored.brandCentre).toBeGreaterThan(0.5);
      expect(mirrored.switcherCentre).toBeLessThan(mirrored.brandCentre);
      // In a right-to-left line the logo comes first, so it sits to the right of the platform's name.
      expect(mirrored.brandIconRight).toBeGreaterThan(mirrored.brandTitleRight);
      expect(mirrored.isOverflowing, 'the Arabic page scrolls sideways').toBe(false);
      expect(await page.locator('header details.cv-lang summary').textContent()).toContain('العربية');
    } finally {
      await page.close();
    }
  });

  it('keeps the page the visitor was on when switching language', async () => {
    const page = await newPage(browser, { locale: 'it', viewport: 'phone' });
    try {
      await page.goto(`${baseUrl}/it/privacy`);
      await page.locator('header details.cv-lang summary').click();
      await Promise.all([page.waitForURL(`${baseUrl}/ur/privacy`), page.locator('header details.cv-lang').getByRole('link', { name: 'اردو' }).click()]);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await screenshot(page, 'privacy-ur-phone');
    } finally {
      await page.close();
    }
  });
});
