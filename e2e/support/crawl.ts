import type { Page } from 'playwright-core';
import type { Locale } from '../../src/kernel/i18n/locales.ts';

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*)$/i;
const MAX_PAGES = 60;

/** The shape of a path with its record ids blanked: /it/admin/people/<uuid>/edit → /it/admin/people/:id/edit. */
export function patternOf(path: string): string {
  return path
    .split('/')
    .map((segment, index) => (index > 2 && ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
}

function linksIn(markup: string, baseUrl: string): string[] {
  const found: string[] = [];
  for (const match of markup.matchAll(/<a\b[^>]*\bhref="([^"#]+)"/g)) {
    const url = new URL(match[1]!.replace(/&amp;/g, '&'), baseUrl);
    if (url.origin === new URL(baseUrl).origin) found.push(url.pathname);
  }
  return found;
}

/**
 * Finds the staff pages a signed-in person can reach, by following the links of the roots (by default
 * /:lang/account and /:lang/admin) with the page's cookies, one page per shape of URL: a list, one
 * record's page, its edit form, the new-record form. Query strings (filters, pages) are ignored.
 */
export async function discoverStaffPages(
  page: Page,
  baseUrl: string,
  locale: Locale,
  rootPaths: string[] = ['/account', '/admin'],
): Promise<{ pages: string[]; brokenLinks: string[] }> {
  const roots = rootPaths.map((root) => `/${locale}${root}`);
  const isStaffPath = (path: string) => roots.some((root) => path === root || path.startsWith(`${root}/`)) && !/\/logout$/.test(path);
  const seenPatterns = new Set<string>();
  const queue = [...roots];
  const pages: string[] = [];
  const brokenLinks: string[] = [];
  while (queue.length > 0 && pages.length < MAX_PAGES) {
    const path = queue.shift()!;
    const pattern = patternOf(path);
    if (seenPatterns.has(pattern)) continue;
    seenPatterns.add(pattern);
    const response = await page.context().request.get(`${baseUrl}${path}`, { maxRedirects: 0 });
    if (response.status() >= 400) brokenLinks.push(`${path}: answered ${response.status()}`);
    if (response.status() !== 200) continue;
    pages.push(path);
    for (const link of linksIn(await response.text(), baseUrl)) {
      if (isStaffPath(link) && !seenPatterns.has(patternOf(link))) queue.push(link);
    }
  }
  return { pages, brokenLinks };
}
