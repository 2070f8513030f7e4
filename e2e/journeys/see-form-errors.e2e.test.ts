import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { DEMO_LOGINS, logIn } from '../support/accounts.ts';

const baseUrl = inject('baseUrl');
const { email, password } = DEMO_LOGINS['regional administrator'];

/** What a person reads in each language when the new-person form has a bad e-mail and no name. */
const EXPECTED = {
  it: {
    summary: 'Ci sono 2 errori nel modulo',
    fields: { fullName: ['Nome e cognome', 'questo campo è obbligatorio'], email: ['E-mail', 'indirizzo e-mail valido'] },
    submit: "Crea e invia l'invito",
    foreign: 'Full name',
  },
  en: {
    summary: 'There are 2 problems with the form',
    fields: { fullName: ['Full name', 'this field is required'], email: ['E-mail', 'valid e-mail address'] },
    submit: 'Create and send the invitation',
    foreign: 'Nome e cognome',
  },
} as const;

describe('an administrator sees a clear error summary on a bad form', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(Object.entries(EXPECTED).map(([locale, text]) => ({ locale: locale as keyof typeof EXPECTED, text })))(
    'in $locale: the summary names the fields in that language, links to them, and the fields are marked invalid',
    async ({ locale, text }) => {
      const page = await newPage(browser, { locale, viewport: 'phone' });
      try {
        await logIn(page, baseUrl, { locale, email, password });
        await page.goto(`${baseUrl}/${locale}/admin/people/new`);
        const form = page.locator('main form[method="post"]');
        await form.locator('#field-email').fill('not-an-e-mail');
        await form.locator('#field-organisationId').selectOption({ index: 1 });
        await form.locator('#field-roleKey').selectOption({ index: 1 });
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          form.getByRole('button', { name: text.submit }).click(),
        ]);
        await page.waitForLoadState();
        expect(response.status()).toBe(422);
        await screenshot(page, `person-errors-${locale}-phone`);

        const summary = page.locator('#error-summary');
        expect(await summary.getAttribute('role')).toBe('alert');
        expect(await summary.isVisible()).toBe(true);
        expect(await summary.locator('h2').textContent()).toContain(text.summary);
        const summaryText = (await summary.textContent()) ?? '';
        expect(summaryText).not.toContain(text.foreign);
        expect(summaryText).not.toMatch(/accounts\.|validation\.|errors\./);

        for (const [field, [label, expectedMessage]] of Object.entries(text.fields)) {
          const link = summary.locator(`a[href="#field-${field}"]`);
          expect(await link.count(), `the summary links to ${field}`).toBe(1);
          expect(await link.textContent()).toContain(label);
          const input = page.locator(`#field-${field}`);
          expect(await input.getAttribute('aria-invalid')).toBe('true');
          // The field's own message is tied to it and matches the one in the summary.
          const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
          expect(describedBy).toContain(`error-${field}`);
          const message = ((await page.locator(`#error-${field}`).textContent()) ?? '').trim();
          expect(message).toContain(expectedMessage);
          expect(await link.textContent()).toContain(message);
        }
        expect(await page.locator('#field-preferredLocale').getAttribute('aria-invalid')).toBeNull();
        expect(await page.locator('#field-email').inputValue(), 'what was typed is kept').toBe('not-an-e-mail');

        await summary.locator('a[href="#field-email"]').click();
        expect(new URL(page.url()).hash).toBe('#field-email');
        expect(await page.locator('#field-email').isVisible()).toBe(true);
      } finally {
        await page.close();
      }
    },
  );
});
