import type { TranslatedText, TranslationStatus } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { HoursPattern, ItEn } from './demo-types.ts';

/** Who may use a service, when its template does not say. */
export const ELIGIBILITY: ItEn[] = [
  ['Cittadini di paesi terzi residenti o domiciliati nel territorio.', 'Third-country nationals living in the area.'],
  ['Aperto a tutti, anche a chi non ha il permesso di soggiorno.', 'Open to everyone, including people without a residence permit.'],
  ['Persone straniere maggiorenni e le loro famiglie.', 'Adult foreign nationals and their families.'],
  ['Chi vive o lavora nel comune, di qualsiasi nazionalità.', 'Anyone living or working in the municipality, of any nationality.'],
];

/** How to access a service. */
export const ACCESS: ItEn[] = [
  ['Senza appuntamento negli orari di apertura.', 'No appointment needed during opening hours.'],
  ['Su appuntamento: telefona o scrivi una e-mail.', 'By appointment: call or send an e-mail.'],
  ['Su appuntamento; il primo colloquio serve a capire la tua situazione.', 'By appointment; the first meeting is to understand your situation.'],
  ['Vieni di persona: se serve, fissiamo un secondo incontro con il mediatore.', 'Come in person: if needed we book a second meeting with a mediator.'],
];

/** The notice some services carry (HSDS alert). */
export const ALERTS: ItEn[] = [
  ['Dal mese prossimo lo sportello si sposta al piano terra.', 'From next month the desk moves to the ground floor.'],
  ['Nel periodo estivo gli orari sono ridotti.', 'Opening hours are shorter in summer.'],
];

const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR'];

/** The weekly ranges of each opening-hours pattern. */
export function hoursOf(pattern: HoursPattern): { day: string; opens: string; closes: string }[] {
  const on = (days: string[], opens: string, closes: string) => days.map((day) => ({ day, opens, closes }));
  switch (pattern) {
    case 'office':
      return on(weekdays, '09:00', '13:00');
    case 'officeLong':
      return [...on(weekdays, '08:30', '13:00'), ...on(['TU', 'TH'], '14:30', '17:30')];
    case 'threeMornings':
      return on(['MO', 'WE', 'FR'], '09:30', '12:30');
    case 'afternoons':
      return on(['TU', 'TH'], '15:00', '18:30');
    case 'evening':
      return on(['MO', 'WE', 'TH'], '18:00', '20:30');
    case 'night':
      return on([...weekdays, 'SA', 'SU'], '19:30', '23:30');
    case 'always':
      return on([...weekdays, 'SA', 'SU'], '00:00', '23:59');
    case 'saturday':
      return [...on(['SA'], '09:00', '12:30'), ...on(['WE'], '16:00', '19:00')];
  }
}

/** A translated text built by hand: the first language is the original. */
export function demoText(values: Partial<Record<Locale, { value: string; status?: TranslationStatus }>>, at: string): TranslatedText {
  const text: TranslatedText = {};
  let isFirst = true;
  for (const [locale, entry] of Object.entries(values) as [Locale, { value: string; status?: TranslationStatus }][]) {
    text[locale] = { value: entry.value, status: isFirst ? 'original' : (entry.status ?? 'reviewed'), updatedAt: at };
    isFirst = false;
  }
  return text;
}

/** Holiday closures and summer hours of the demo. */
export const EXCEPTIONS: { startsOn: string; endsOn: string; isClosed: boolean; opensAt?: string; closesAt?: string; reason: ItEn }[] = [
  { startsOn: '2026-12-08', endsOn: '2026-12-08', isClosed: true, reason: ["Festa dell'Immacolata", 'Public holiday (Immaculate Conception)'] },
  { startsOn: '2026-12-24', endsOn: '2026-12-26', isClosed: true, reason: ['Festività natalizie', 'Christmas holidays'] },
  { startsOn: '2026-12-31', endsOn: '2027-01-01', isClosed: true, reason: ['Capodanno', "New Year's holiday"] },
  { startsOn: '2027-01-06', endsOn: '2027-01-06', isClosed: true, reason: ['Epifania', 'Public holiday (Epiphany)'] },
  { startsOn: '2027-08-09', endsOn: '2027-08-20', isClosed: false, opensAt: '09:00', closesAt: '12:00', reason: ['Orario estivo ridotto', 'Shorter summer hours'] },
];
