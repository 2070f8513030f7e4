import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoProblems, findPageProblems, launchBrowser, newContext, newPage, screenshot } from '../support/browser.ts';
import { DEMO_LOGINS, logIn } from '../support/accounts.ts';

const baseUrl = inject('baseUrl');
// Invented reception figures of the nine provinces of Emilia-Romagna, 2022 and 2023, as a prefecture might send
// them: `;`-separated, the province's ISTAT code in a column whose name says so only in words, a source column.
const FIXTURE = fs.realpathSync(new URL('../fixtures/reception-emilia-romagna.csv', import.meta.url));
const KEY = 'er-accoglienza-province';
const TITLE = 'Accoglienza nelle province dell’Emilia-Romagna';
const OBSERVATIONS = 36; // 18 rows × 2 value columns

/** Clicks something that submits or navigates, and waits for the next page. */
async function clickAndWait(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** What the progress page shows now: the bar's value and maximum, its label and the status line. */
async function readProgress(page: Page): Promise<{ value: number; max: number; label: string; status: string; canStopRefresh: boolean }> {
  const bar = page.locator('#import-progress');
  return {
    value: Number(await bar.getAttribute('value')),
    max: Number(await bar.getAttribute('max')),
    label: ((await page.locator('label[for="import-progress"]').textContent()) ?? '').trim(),
    status: ((await page.locator('main [role="status"]').first().textContent()) ?? '').trim(),
    canStopRefresh: (await page.locator('main a[href$="?refresh=off"]').count()) > 0,
  };
}

describe('a regional analyst imports a tidy CSV on a phone and publishes it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads, previews, maps the columns, watches the import to 100 % and publishes; then the public sees the dataset', async () => {
    const analyst = await newPage(browser, { locale: 'it', viewport: 'phone' });
    const publicContext = await newContext(browser, { locale: 'it' });
    try {
      const catalogBefore = await publicContext.request.get(`${baseUrl}/opendata/catalog.jsonld`);
      expect(catalogBefore.ok()).toBe(true);
      expect(await catalogBefore.text()).not.toContain(KEY);

      const login = DEMO_LOGINS['observatory analyst'];
      await logIn(analyst, baseUrl, { locale: 'it', email: login.email, password: login.password });
      await analyst.goto(`${baseUrl}/it/observatory/manage`);
      await clickAndWait(analyst, analyst.getByRole('link', { name: 'Importa un file' }));
      expect(await analyst.locator('h1').textContent()).toBe('Importa un file statistico');
      // A regional analyst may create datasets of their region only.
      expect(await analyst.getByLabel('Territorio').locator('option').allTextContents()).toEqual(['Emilia-Romagna']);
      await analyst.getByLabel(/^File/).setInputFiles(FIXTURE);
      await clickAndWait(analyst, analyst.getByRole('button', { name: 'Carica e controlla' }));

      // The preview: what was detected and the first rows as read.
      expect(analyst.url()).toMatch(/\/it\/observatory\/manage\/uploads\/[0-9a-f-]{36}$/);
      expect(await analyst.locator('h1').textContent()).toBe('File reception-emilia-romagna.csv');
      const detected = (await analyst.locator('main dl').first().textContent()) ?? '';
      expect(detected).toContain('CSV ordinato');
      expect(detected).toMatch(/Codifica\s*utf-8/i);
      expect(detected).toMatch(/Separatore\s*;/);
      const preview = analyst.getByRole('region', { name: 'Prime righe' });
      expect(await preview.locator('thead th').allTextContents()).toEqual(['Anno', 'Codice ISTAT provincia', 'Provincia', 'Accolti nei CAS', 'Accolti nel SAI', 'Fonte']);
      expect(await preview.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['2022', '033', 'Piacenza', '612', '141', 'Prefettura']);
      expect(await analyst.getByText('Il file sarà controllato dopo la mappatura delle colonne.').isVisible()).toBe(true);
      expectNoProblems(await findPageProblems(analyst, 'it'));
      const isOverflowing = () => analyst.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);
      expect(await isOverflowing(), 'the upload page scrolls sideways on a phone').toBe(false);

      // The suggested mapping takes the numeric province codes for values: the analyst corrects it.
      const useOf = (column: string) => analyst.getByLabel(`Uso della colonna ${column}`, { exact: true });
      expect(await useOf('Anno').inputValue()).toBe('time');
      expect(await useOf('Codice ISTAT provincia').inputValue()).toBe('value');
      await useOf('Codice ISTAT provincia').selectOption({ label: 'Dimensione: territorio' });
      await useOf('Provincia').selectOption({ label: 'Nomi dei codici' });
      await useOf('Fonte').selectOption({ label: 'Ignora' });
      // Forgetting which codes the names belong to is refused, naming the field.
      await clickAndWait(analyst, analyst.getByRole('button', { name: 'Controlla il file' }));
      const problem = analyst.locator('#error-summary a[href="#field-labelof_2"]');
      expect(await problem.textContent()).toBe('Colonna di cui Provincia contiene i nomi: scegli la colonna di codici di cui Provincia contiene i nomi');
      expect(await analyst.getByLabel('Colonna di cui Provincia contiene i nomi').getAttribute('aria-invalid')).toBe('true');
      expectNoProblems(await findPageProblems(analyst, 'it'));
      await analyst.getByLabel('Colonna di cui Provincia contiene i nomi').selectOption({ label: 'Codice ISTAT provincia' });
      await clickAndWait(analyst, analyst.getByRole('button', { name: 'Controlla il file' }));
      expect(new URL(analyst.url()).hash).toBe('#report');
      expect(await analyst.locator('main [role="status"]').first().textContent()).toContain(`Il file è corretto: ${OBSERVATIONS} osservazioni pronte da importare.`);
      await screenshot(analyst, 'observatory-upload-checked-it-phone');

      // The new dataset's card, then the import.
      await analyst.getByLabel(/^Titolo \(italiano\)/).fill(TITLE);
      await analyst.getByLabel(/^Titolo \(inglese\)/).fill('Reception in the provinces of Emilia-Romagna');
      await analyst.getByLabel(/^Chiave/).fill(KEY);
      await analyst.getByLabel(/^Fonte/).fill('Prefetture dell’Emilia-Romagna');
      await analyst.getByLabel(/^Attribuzione/).fill('Fonte: prefetture dell’Emilia-Romagna (dati di prova)');
      await analyst.getByLabel(/^Frequenza di aggiornamento/).selectOption('ANNUAL');
      const [firstProgress] = await Promise.all([
        analyst.waitForResponse((r) => r.url().endsWith('/progress') && r.request().isNavigationRequest()),
        analyst.getByRole('button', { name: 'Importa', exact: true }).click(),
      ]);
      await analyst.waitForLoadState('load');
      expect(analyst.url()).toMatch(/\/uploads\/[0-9a-f-]{36}\/progress$/);

      // The progress page reloads itself (a Refresh header, no JavaScript) until the import ends.
      const seen: Awaited<ReturnType<typeof readProgress>>[] = [];
      const deadline = Date.now() + 90_000;
      for (;;) {
        const reloaded = analyst.waitForEvent('load', { timeout: 20_000 });
        const now = await readProgress(analyst);
        seen.push(now);
        if (now.status === 'Importazione completata.' || Date.now() > deadline) {
          reloaded.catch(() => undefined);
          break;
        }
        if (seen.length === 1) await screenshot(analyst, 'observatory-progress-running-it-phone');
        await reloaded;
      }
      const last = seen[seen.length - 1]!;
      expect(last).toMatchObject({ value: OBSERVATIONS, max: OBSERVATIONS, label: `${OBSERVATIONS} di ${OBSERVATIONS} osservazioni scritte`, status: 'Importazione completata.', canStopRefresh: false });
      // Until then the bar only grew, and every page said the import was on its way and offered to stop reloading.
      for (const [i, state] of seen.entries()) {
        expect(state.max).toBe(OBSERVATIONS);
        if (i > 0) expect(state.value).toBeGreaterThanOrEqual(seen[i - 1]!.value);
        if (i < seen.length - 1) expect(state).toMatchObject({ canStopRefresh: true, status: expect.stringMatching(/^(In coda|Importazione in corso)/) });
      }
      if (seen.length > 1) expect(firstProgress.headers().refresh).toBe('2');
      expect(await analyst.getByRole('status').filter({ hasText: `Importato: «${TITLE}», versione 1.` }).count()).toBe(1);
      expectNoProblems(await findPageProblems(analyst, 'it'));
      expect(await isOverflowing(), 'the progress page scrolls sideways on a phone').toBe(false);
      await screenshot(analyst, 'observatory-progress-done-it-phone');

      // Not public until published.
      expect((await publicContext.request.get(`${baseUrl}/opendata/datasets/${KEY}.csv`)).status()).toBe(404);
      await clickAndWait(analyst, analyst.getByRole('button', { name: 'Pubblica' }));
      expect(analyst.url()).toMatch(/\/it\/observatory\/manage\/datasets\/[0-9a-f-]{36}\?done=published$/);
      expect(await analyst.getByRole('status').textContent()).toBe('Il dataset è pubblicato.');
      expect(await analyst.locator('h1').textContent()).toBe(TITLE);
      const dimensions = await analyst.getByRole('region', { name: 'Dimensioni' }).locator('tbody th').allTextContents();
      expect(dimensions).toEqual(expect.arrayContaining(['CODICE_ISTAT_PROVINCIA', 'MEASURE']));
      expect(dimensions).not.toContain('Fonte');
      expectNoProblems(await findPageProblems(analyst, 'it'));
      await screenshot(analyst, 'observatory-dataset-published-it-phone');

      // The public: the open-data catalogue lists it, and its CSV holds the figures of the file.
      const catalog = await (await publicContext.request.get(`${baseUrl}/opendata/catalog.jsonld`)).text();
      expect(catalog).toContain(`${baseUrl}/opendata/datasets/${KEY}`);
      expect(catalog).toContain(TITLE);
      const csv = await publicContext.request.get(`${baseUrl}/opendata/datasets/${KEY}.csv`);
      expect(csv.status()).toBe(200);
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines).toHaveLength(1 + OBSERVATIONS);
      expect(lines[0]).toBe('CODICE_ISTAT_PROVINCIA,MEASURE,TIME_PERIOD,OBS_VALUE,OBS_STATUS');
      expect(lines.filter((l) => l.startsWith('237,'))).toEqual([
        '237,ACCOLTI_NEI_CAS,2022,1903,',
        '237,ACCOLTI_NEL_SAI,2022,842,',
        '237,ACCOLTI_NEI_CAS,2023,2188,',
        '237,ACCOLTI_NEL_SAI,2023,905,',
      ]);
      // The source column was ignored.
      expect(lines.some((l) => l.includes('Prefettura'))).toBe(false);
    } finally {
      await analyst.close();
      await publicContext.close();
    }
  });
});
