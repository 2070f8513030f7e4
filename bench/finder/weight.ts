import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

/** One response the page received, with the bytes it took on the wire (headers + compressed body). */
export interface Transfer {
  url: string;
  type: string;
  status: number;
  bytes: number;
}

/** What a first visit transferred, at two moments. */
export interface VisitWeight {
  /** Until the page's load event and the network fell quiet, without scrolling. */
  initial: Transfer[];
  /** What scrolling to the bottom (the map island: Leaflet, boundaries) added. */
  afterScroll: Transfer[];
}

/** Sums the bytes of some transfers. */
export const totalOf = (transfers: Transfer[]) => transfers.reduce((sum, t) => sum + t.bytes, 0);

async function quiet(page: Page, pending: () => number, idleMs = 1000, maxMs = 15_000): Promise<void> {
  const started = Date.now();
  let idleSince = Date.now();
  while (Date.now() - started < maxMs) {
    if (pending() > 0) idleSince = Date.now();
    else if (Date.now() - idleSince >= idleMs) return;
    await page.waitForTimeout(100);
  }
}

/**
 * Opens a URL in a fresh Chromium profile (empty cache, no service worker yet) and records every response
 * of the page with Chromium's own count of the bytes received (Network.loadingFinished encodedDataLength).
 * The service worker is blocked here: what it downloads in the background is counted on the server.
 */
export async function measureFirstVisit(options: { url: string; viewport: 'phone' | 'desktop'; serviceWorker?: 'block' | 'allow' }): Promise<VisitWeight> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-weight-'));
  const isPhone = options.viewport === 'phone';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: isPhone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    deviceScaleFactor: isPhone ? 2 : 1,
    isMobile: isPhone,
    hasTouch: isPhone,
    locale: 'it',
    // The service worker would answer some of the page's requests itself, hiding their bytes: the page's
    // own weight is measured without it (its background copies are counted on the server by the bench).
    serviceWorkers: options.serviceWorker ?? 'block',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    const started = new Map<string, { url: string; type: string; status: number }>();
    const done: Transfer[] = [];
    cdp.on('Network.requestWillBeSent', (e) => started.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', status: 0 }));
    cdp.on('Network.responseReceived', (e) => {
      const entry = started.get(e.requestId);
      if (entry) entry.status = e.response.status;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const entry = started.get(e.requestId);
      if (!entry) return;
      started.delete(e.requestId);
      done.push({ ...entry, bytes: e.encodedDataLength });
    });
    cdp.on('Network.loadingFailed', (e) => started.delete(e.requestId));
    await page.goto(options.url, { waitUntil: 'load' });
    await quiet(page, () => started.size);
    const initial = [...done];
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(300);
    await quiet(page, () => started.size);
    // The service worker's own downloads are invisible here: give them time to finish.
    if (options.serviceWorker === 'allow') await page.waitForTimeout(4000);
    return { initial, afterScroll: done.slice(initial.length) };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** A table of transfers by kind, for the bench's report. */
export function describeTransfers(transfers: Transfer[]): string {
  const byType = new Map<string, { count: number; bytes: number }>();
  for (const t of transfers) {
    const entry = byType.get(t.type) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += t.bytes;
    byType.set(t.type, entry);
  }
  return [...byType]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([type, { count, bytes }]) => `${type} ${count}× ${(bytes / 1024).toFixed(1)} kB`)
    .join(', ');
}

// Run alone: node --import tsx bench/finder/weight.ts <url> [phone|desktop]
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').slice(-3).join('/'))) {
  const [url = 'http://127.0.0.1:3000/it/services', viewport = 'phone'] = process.argv.slice(2);
  const weight = await measureFirstVisit({ url, viewport: viewport === 'desktop' ? 'desktop' : 'phone' });
  for (const t of [...weight.initial, ...weight.afterScroll]) process.stdout.write(`${String(t.bytes).padStart(7)} ${t.status} ${t.type.padEnd(10)} ${t.url}\n`);
  process.stdout.write(`first visit: ${(totalOf(weight.initial) / 1024).toFixed(1)} kB (${describeTransfers(weight.initial)})\n`);
  process.stdout.write(`after scrolling to the map: +${(totalOf(weight.afterScroll) / 1024).toFixed(1)} kB (${describeTransfers(weight.afterScroll)})\n`);
}
