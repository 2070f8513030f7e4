import type { Page } from 'playwright-core';
import type { Locale } from '../../src/kernel/i18n/locales.ts';
import { expectNoProblems, findPageProblems } from '../support/browser.ts';

// The training demo (src/modules/training/demo/seed-demo.ts): its people share the accounts demo password.
const PASSWORD = 'demo-crocevia-2026';

/** The demo people of the training journeys. */
export const TRAINING_LOGINS = {
  manager: { email: 'training-manager.er@demo.crocevia.it', password: PASSWORD },
  trainer: { email: 'trainer.er@demo.crocevia.it', password: PASSWORD },
  participant: { email: 'partecipante.er@demo.crocevia.it', password: PASSWORD, fullName: 'Nadia Benali' },
};

/** Demo paths the journeys use, by their Italian and English titles. */
export const DEMO_PATH_TITLES = {
  applyTo: { it: 'Salute e accesso al Servizio sanitario', en: 'Health and access to the National Health Service' },
  select: { it: 'Mediazione linguistico-culturale nei servizi', en: 'Language and cultural mediation in services' },
  running: { it: 'Permessi di soggiorno: procedure e diritti', en: 'Residence permits: procedures and rights' },
  completed: { it: 'Accoglienza e primo orientamento ai servizi', en: 'Reception and first guidance to services' },
};

/** Clicks something that submits or navigates, and waits for the next page. */
export async function clickAndWait(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), click()]);
}

/** Fails when the page now shown has structure, axe or CSP problems. */
export async function expectCleanPage(page: Page, locale: Locale): Promise<void> {
  expectNoProblems(await findPageProblems(page, locale));
}
