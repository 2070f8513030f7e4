import { launchBrowser, newPage, findPageProblems } from '../e2e/support/browser.ts';
import { logIn } from '../e2e/support/accounts.ts';
const base = 'http://localhost:3917';
const browser = await launchBrowser();
const locale = 'it';
const page = await newPage(browser, { locale });
await logIn(page, base, { locale, email: 'observatory-analyst.er@demo.crocevia.it', password: 'demo-crocevia-2026' });
const check = async (label: string) => { const p = await findPageProblems(page, locale); console.log(label, page.url().replace(base, ''), p.length ? p : 'OK'); };
for (const file of ['/tmp/obs/small-bad.csv', '/tmp/obs/small.csv']) {
  await page.goto(`${base}/${locale}/observatory/manage/uploads/new`);
  await page.locator('#field-file').setInputFiles(file);
  await Promise.all([page.waitForURL(/uploads\/[0-9a-f-]{36}$/), page.locator('main form button[type=submit]').click()]);
  await check(file.includes('bad') ? 'report with issues' : 'clean report + metadata form');
}
await page.fill('#field-title_it', '');
await page.locator('form[action$="/import"] button[type=submit]').click();
await check('metadata error (422)');
await page.fill('#field-title_it', 'Prova audit');
await page.fill('#field-key', `audit-${Date.now()}`);
await Promise.all([page.waitForURL(/progress$/), page.locator('form[action$="/import"] button[type=submit]').click()]);
await check('progress (queued/importing)');
await page.waitForSelector('text=Importazione completata', { timeout: 60000 });
await page.waitForLoadState('load');
await check('progress (done)');
await browser.close();
