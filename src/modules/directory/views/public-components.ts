import type { FastifyRequest } from 'fastify';
import { pickText, type ShownText, type TranslatedText } from '../../../kernel/i18n/content.ts';
import { directionOf, type Locale } from '../../../kernel/i18n/locales.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { SERVICE_TIME_ZONE } from '../domain/open-now.ts';

// Building an Intl formatter costs far more than using one: keep one per language and kind.
const formatters = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (found === undefined) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** The name of a language in the page's language ("italiano", "Italian", "الإيطالية"). */
export function languageName(req: FastifyRequest, code: string): string {
  try {
    return cached(`names:${req.locale}`, () => new Intl.DisplayNames([req.locale], { type: 'language' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A content field in the page's language, marked with its own language and direction when it falls back. */
export function contentText(req: FastifyRequest, text: TranslatedText | null | undefined): { markup: SafeHtml; shown: ShownText | null } {
  const shown = pickText(text, req.locale);
  if (!shown) return { markup: html``, shown: null };
  if (shown.locale === req.locale) return { markup: html`${shown.value}`, shown };
  return { markup: html`<span lang="${shown.locale}" dir="${directionOf(shown.locale)}">${shown.value}</span>`, shown };
}

/** Multi-line content as paragraphs, in its own language when it falls back. */
export function contentParagraphs(req: FastifyRequest, text: TranslatedText | null | undefined): { markup: SafeHtml; shown: ShownText | null } {
  const shown = pickText(text, req.locale);
  if (!shown) return { markup: html``, shown: null };
  const paragraphs = shown.value.split(/\n\s*\n|\r?\n/).filter((p) => p.trim() !== '');
  const attributes = shown.locale === req.locale ? html`` : html` lang="${shown.locale}" dir="${directionOf(shown.locale)}"`;
  return { markup: html`${paragraphs.map((p) => html`<p${attributes}>${p}</p>`)}`, shown };
}

/** The short note under a text shown in another language than the page's. */
export function fallbackNote(req: FastifyRequest, shown: ShownText | null): SafeHtml {
  if (!shown?.isFallback) return html``;
  return html`<span class="cv-fallback">${req.t('directory.finder.results.shownIn', { language: languageName(req, shown.locale) })}</span>`;
}

/** A date ('YYYY-MM-DD' or an instant) in the page's language. */
export function formatDate(locale: Locale, value: string | Date): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: SERVICE_TIME_ZONE })).format(date);
}

/** A date and time in the page's language, Italian time. */
export function formatDateTime(locale: Locale, value: Date): string {
  return cached(`datetime:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: SERVICE_TIME_ZONE })).format(value);
}

/** An 'HH:MM' opening time in the page's language. */
export function formatTime(locale: Locale, time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const format = cached(`time:${locale}`, () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }));
  return hours === 24 ? format.format(Date.UTC(2026, 0, 1, 23, 59)) : format.format(Date.UTC(2026, 0, 1, hours, minutes));
}

/** The name of a weekday (0 = Monday) in the page's language. */
export function weekdayName(locale: Locale, weekday: number): string {
  // 5 January 2026 is a Monday.
  return cached(`weekday:${locale}`, () => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })).format(Date.UTC(2026, 0, 5 + weekday, 12));
}

/** A distance in metres as the page's language writes it (metres under one kilometre). */
export function formatDistance(locale: Locale, metres: number): string {
  if (metres < 1000) return cached(`m:${locale}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 })).format(Math.max(50, Math.round(metres / 50) * 50));
  const digits = metres < 10_000 ? 1 : 0;
  return cached(`km${digits}:${locale}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: digits })).format(metres / 1000);
}

/** "Open now", "Closed now" or nothing when the hours are unknown. */
export function openBadge(req: FastifyRequest, state: { isOpen: boolean; hasHours: boolean }): SafeHtml {
  if (!state.hasHours) return html``;
  return state.isOpen
    ? html`<span class="cv-badge cv-badge-open">${req.t('directory.finder.results.open')}</span>`
    : html`<span class="cv-badge cv-badge-closed">${req.t('directory.finder.results.closed')}</span>`;
}

/** "Free of charge" when the service is. */
export function freeBadge(req: FastifyRequest, isFree: boolean | null): SafeHtml {
  return isFree ? html`<span class="cv-badge cv-badge-free">${req.t('directory.finder.results.free')}</span>` : html``;
}

/** The "saved on …" note the service worker fills in when it serves a page saved on the phone. */
export function savedNote(req: FastifyRequest): SafeHtml {
  return html`<p class="cv-saved-note" data-saved-note="${req.t('directory.finder.offline.savedNote', { date: '{date}' })}" hidden></p>`;
}
