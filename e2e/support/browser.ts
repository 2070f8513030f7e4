import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { directionOf, type Locale } from '../../src/kernel/i18n/locales.ts';

const require = createRequire(import.meta.url);
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource: string | null = null;
const cspViolations = new WeakMap<Page, string[]>();

/** Starts Debian's headless Chromium (never a downloaded browser build). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** How a test page should look to the server: its language and screen. */
export interface NewPageOptions {
  locale?: Locale;
  /** 'phone' is 390×844 at 2× with touch; 'desktop' 1280×900. */
  viewport?: 'phone' | 'desktop';
}

/** Opens a fresh browser context (own cookies and cache); every page opened in it records its CSP violations. */
export async function newContext(browser: Browser, options: NewPageOptions = {}): Promise<BrowserContext> {
  const isPhone = options.viewport === 'phone';
  const context = await browser.newContext({
    locale: options.locale ?? 'it',
    viewport: isPhone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    deviceScaleFactor: isPhone ? 2 : 1,
    isMobile: isPhone,
    hasTouch: isPhone,
    reducedMotion: 'reduce',
  });
  context.on('page', watchCsp);
  return context;
}

/** Opens a page in a fresh browser context; closing the page closes its context. */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<Page> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  return page;
}

function describeCspViolation(text: string): string {
  if (text.startsWith('Applying inline style')) return 'CSP blocked an inline style (style attribute or <style>)';
  if (text.startsWith('Executing inline script')) return 'CSP blocked an inline script';
  const resource = /^Loading the (\w+) '([^']{0,60})/.exec(text);
  if (resource) return `CSP blocked loading the ${resource[1]} ${resource[2]}…`;
  return `CSP: ${text.slice(0, 160)}`;
}

function watchCsp(page: Page): void {
  const violations: string[] = [];
  cspViolations.set(page, violations);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) violations.length = 0;
  });
  page.on('console', (message) => {
    if (message.type() !== 'error' || !/Content Security Policy/.test(message.text())) return;
    const url = new URL(page.url());
    const line = `${url.pathname}${url.search}: ${describeCspViolation(message.text())}`;
    if (!violations.includes(line)) violations.push(line);
  });
}

/** The Content-Security-Policy violations of the page now shown (blocked inline styles, scripts, fonts…). */
export function cspViolationsOf(page: Page): string[] {
  return [...(cspViolations.get(page) ?? [])];
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page and returns its violations, one readable line each. */
export async function findAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // page.addScriptTag injects an inline <script>, which Crocevia's CSP rightly blocks; evaluating the
  // source through the DevTools protocol is not subject to the page's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    (tags) => (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: unknown[] }> } }).axe
      .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((result) => result.violations),
    AXE_TAGS,
  )) as AxeViolation[];
  const where = new URL(page.url()).pathname;
  return violations.map((v) => {
    const targets = v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')).join(' | ');
    const more = v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : '';
    return `${where}: [${v.impact ?? 'n/a'}] ${v.id} — ${v.help} — at ${targets}${more} — ${v.helpUrl}`;
  });
}

/** Fails with a readable list (rule id, impact, target selectors, help) when axe finds any WCAG 2.1 A/AA violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await findAxeViolations(page);
  if (violations.length > 0) throw new Error(`axe found ${violations.length} violation(s):\n${violations.join('\n')}`);
}

/** Structural checks every Crocevia page must pass: lang and dir, one h1, a skip link to the main content. */
export async function findStructureProblems(page: Page, locale: Locale): Promise<string[]> {
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    h1: document.querySelectorAll('h1').length,
    skipTarget: (() => {
      const link = document.querySelector<HTMLAnchorElement>('body a[href^="#"]');
      const id = link?.getAttribute('href')?.slice(1);
      return link && id && document.getElementById(id) ? { id, tag: document.getElementById(id)!.tagName.toLowerCase() } : null;
    })(),
  }));
  const where = new URL(page.url()).pathname;
  const problems: string[] = [];
  if (facts.lang !== locale) problems.push(`${where}: <html lang> is "${facts.lang}", expected "${locale}"`);
  if (facts.dir !== directionOf(locale)) problems.push(`${where}: <html dir> is "${facts.dir}", expected "${directionOf(locale)}"`);
  if (facts.h1 !== 1) problems.push(`${where}: ${facts.h1} <h1> elements, expected exactly one`);
  if (!facts.skipTarget || facts.skipTarget.tag !== 'main') problems.push(`${where}: the first in-page link is not a skip link to <main>`);
  return problems;
}

/** Saves a full-page PNG to e2e/screenshots/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Every problem of the page now shown: structure, axe violations, Content-Security-Policy violations. */
export async function findPageProblems(page: Page, locale: Locale): Promise<string[]> {
  return [...(await findStructureProblems(page, locale)), ...(await findAxeViolations(page)), ...cspViolationsOf(page)];
}

/** Fails with every problem on its own line (vitest's diff of a long array would cut them). */
export function expectNoProblems(problems: string[]): void {
  if (problems.length > 0) throw new Error(`${problems.length} problem(s):\n${problems.join('\n')}`);
}

/**
 * Up to `size` pages of one context, lent one at a time. Navigating a page again is several times faster
 * than opening a page per URL, and a few pages at once keep both cores busy (one renders, axe inspects another).
 */
export function createPagePool(context: BrowserContext, size = 3): <T>(work: (page: Page) => Promise<T>) => Promise<T> {
  const idle: Page[] = [];
  const waiting: ((page: Page) => void)[] = [];
  let opened = 0;
  const acquire = async (): Promise<Page> => {
    const page = idle.pop();
    if (page) return page;
    if (opened < size) {
      opened += 1;
      return context.newPage();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };
  return async (work) => {
    const page = await acquire();
    try {
      return await work(page);
    } finally {
      release(page);
    }
  };
}
