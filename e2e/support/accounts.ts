import type { Page } from 'playwright-core';
import type { Locale } from '../../src/kernel/i18n/locales.ts';

/** A demo log-in the browser tests use. */
export interface DemoLogin {
  email: string;
  password: string;
  /** Whether the accessibility scan walks every staff page as this person. */
  isScannedForAccessibility: boolean;
}

// The demo people and their shared password come from src/modules/accounts/demo/seed-demo.ts
// (`<role key with dashes>.<region suffix>@demo.crocevia.it`; the platform administrator is admin@…).
const DEMO_PASSWORD = 'demo-crocevia-2026';

/** The demo people the browser tests sign in as. */
export const DEMO_LOGINS = {
  'platform administrator': { email: 'admin@demo.crocevia.it', password: DEMO_PASSWORD, isScannedForAccessibility: true },
  'regional administrator': { email: 'region-admin.er@demo.crocevia.it', password: DEMO_PASSWORD, isScannedForAccessibility: true },
  // Turns on the second factor in its journey: no other test signs in as this person.
  'operator who sets up a second factor': { email: 'staff.sic@demo.crocevia.it', password: DEMO_PASSWORD, isScannedForAccessibility: false },
} satisfies Record<string, DemoLogin>;

/** Fills in and submits the login form of /:lang/login, as a person would, and waits for the page that follows. */
export async function logIn(page: Page, baseUrl: string, options: { locale: Locale; email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/${options.locale}/login`);
  const form = page.locator('main form').filter({ has: page.locator('input[type="password"]') });
  await form.locator('input[name="email"]').fill(options.email);
  await form.locator('input[name="password"]').fill(options.password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), form.getByRole('button').click()]);
}
