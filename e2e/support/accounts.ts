import type { Page } from 'playwright-core';
import type { Locale } from '../../src/kernel/i18n/locales.ts';

/** A demo log-in the browser tests use. */
export interface DemoLogin {
  email: string;
  password: string;
  /** Whether the accessibility scan walks every staff page as this person. */
  isScannedForAccessibility: boolean;
  /** Where that scan starts following links, after the language (default: /account and /admin). */
  scanRoots?: string[];
}

// The demo people and their shared password come from src/modules/accounts/demo/seed-demo.ts
// (`<role key with dashes>.<region suffix>@demo.crocevia.it`; the platform administrator is admin@…).
const DEMO_PASSWORD = 'demo-crocevia-2026';

/** The demo people the browser tests sign in as. */
export const DEMO_LOGINS = {
  'platform administrator': { email: 'admin@demo.crocevia.it', password: DEMO_PASSWORD, isScannedForAccessibility: true },
  'regional administrator': { email: 'region-admin.er@demo.crocevia.it', password: DEMO_PASSWORD, isScannedForAccessibility: true },
  // The directory's staff pages: an operator of Comune di Bologna and the editor of Emilia-Romagna.
  'directory operator': { email: 'directory-operator.er@demo.crocevia.it', password: DEMO_PASSWORD, isScannedForAccessibility: true, scanRoots: ['/account', '/directory/manage'] },
  'directory editor': { email: 'directory-editor.er@demo.crocevia.it', password: DEMO_PASSWORD, isScannedForAccessibility: true, scanRoots: ['/account', '/directory/manage'] },
  // The observatory's staff pages: the analyst of Emilia-Romagna. observatory-accessibility.e2e.test.ts scans them
  // after giving the analyst an upload in each state (to map, checked, imported), which a crawl alone cannot reach.
  'observatory analyst': { email: 'observatory-analyst.er@demo.crocevia.it', password: DEMO_PASSWORD, isScannedForAccessibility: false, scanRoots: ['/observatory/manage'] },
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
