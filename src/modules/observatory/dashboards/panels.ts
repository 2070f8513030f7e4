// Turns computed indicators into panels: a table (always), a chart spec, the sources. One place per panel, or
// several places side by side (comparison, maps).
import { pickText } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { Translate } from '../../../kernel/i18n/messages.ts';
import type { Labels } from '../importers/types.ts';
import type { Dataset } from '../data/repository.ts';
import { CONCENTRATION_GROUPS } from '../indicators/formulas.ts';
import type { IndicatorResult } from '../use-cases/compute-indicator.ts';
import type { ChartSpec } from './chart-svg.ts';
import type { Cell, DataTable } from './tables.ts';

/** A source shown under a chart. */
export interface Source {
  title: string;
  /** The language the title is written in (it may fall back to another than the page's); null when unknown. */
  titleLocale?: Locale | null;
  attribution: string;
  licence: string;
  licenceUrl: string | null;
}

/** A dashboard panel: a table, the chart drawn from it (if any), sources, and whether values were suppressed. */
export interface Panel {
  key: string;
  title: string;
  table: DataTable;
  chart: ChartSpec | null;
  sources: Source[];
  hasSuppressed: boolean;
}

/** A label in the reader's language, falling back to English, Italian, then the code. */
export function labelIn(labels: Labels | undefined, locale: Locale, fallback: string): string {
  const l = labels as Record<string, string | undefined> | undefined;
  return l?.[locale] ?? l?.en ?? l?.it ?? fallback;
}

/** The sources of some datasets, in the reader's language. */
export function sourcesOf(datasets: Dataset[], locale: Locale): Source[] {
  return datasets.map((d) => {
    const shown = pickText(d.title, locale);
    return { title: shown?.value ?? d.key, titleLocale: shown?.locale ?? null, attribution: d.attribution, licence: d.licence, licenceUrl: d.licenceUrl };
  });
}

const RANKED = 10;

/** The panel of one indicator at one place: a series over time, groups over time, or a ranking of groups. */
export function panelOf(result: IndicatorResult, options: { locale: Locale; t: Translate }): Panel | null {
  const { definition, rows } = result;
  if (rows.length === 0) return null;
  const { locale, t } = options;
  const title = definition.title[locale];
  const times = [...new Set(rows.map((r) => r.time))].sort();
  const cellAt = new Map(rows.map((r) => [`${r.time}\u0000${r.group ?? ''}`, { value: r.value, isSuppressed: r.isSuppressed } satisfies Cell]));
  const cell = (time: string, group: string | null): Cell => cellAt.get(`${time}\u0000${group ?? ''}`) ?? { value: null, isSuppressed: false };
  const groupLabel = (g: string) =>
    g === CONCENTRATION_GROUPS.top ? t('observatory.public.concentration.top', { n: 5 }) : g === CONCENTRATION_GROUPS.herfindahl ? t('observatory.public.concentration.herfindahl') : labelIn(result.groupLabels.get(g), locale, g);
  const timeHeading = t('observatory.public.table.period');
  let table: DataTable;
  let chart: ChartSpec;
  if (definition.keep === null) {
    table = { caption: title, rowHeading: timeHeading, unit: definition.unit, columns: [{ key: 'value', label: t(`observatory.public.unit.${definition.unit}`) }], rows: times.map((time) => ({ key: time, label: time, cells: [cell(time, null)] })) };
    chart = { title, locale, kind: definition.formula.kind === 'change' ? 'bar' : 'line', categories: times, series: [{ name: title, values: times.map((time) => visible(cell(time, null))) }] };
  } else if (definition.isCountriesOnly && definition.formula.kind === 'sum') {
    const latest = times[times.length - 1]!;
    const groups = [...new Set(rows.map((r) => r.group!))].sort((a, b) => (cell(latest, b).value ?? -1) - (cell(latest, a).value ?? -1)).slice(0, RANKED);
    table = { caption: title, rowHeading: t('observatory.public.table.citizenship'), unit: definition.unit, columns: times.map((time) => ({ key: time, label: time })), rows: groups.map((g) => ({ key: g, label: groupLabel(g), cells: times.map((time) => cell(time, g)) })) };
    chart = { title: `${title} (${latest})`, locale, kind: 'bar', categories: groups.map(groupLabel), series: [{ name: latest, values: groups.map((g) => visible(cell(latest, g))) }] };
  } else {
    const groups = [...new Set(rows.map((r) => r.group!))].sort();
    table = { caption: title, rowHeading: timeHeading, unit: definition.unit, columns: groups.map((g) => ({ key: g, label: groupLabel(g) })), rows: times.map((time) => ({ key: time, label: time, cells: groups.map((g) => cell(time, g)) })) };
    chart = { title, locale, kind: 'line', categories: times, series: groups.map((g) => ({ name: groupLabel(g), values: times.map((time) => visible(cell(time, g))) })) };
  }
  return { key: definition.key, title, table, chart, sources: sourcesOf(result.datasets, locale), hasSuppressed: rows.some((r) => r.isSuppressed) };
}

function visible(c: Cell): number | null {
  return c.isSuppressed ? null : c.value;
}

/** Several places side by side: one column per place, one row per period (the latest is the last row). */
export function comparisonPanelOf(results: { place: string; name: string; result: IndicatorResult }[], options: { locale: Locale; t: Translate; key: string }): Panel | null {
  const first = results[0]?.result;
  if (!first || first.definition.keep !== null) return null;
  const { definition } = first;
  const title = definition.title[options.locale];
  const times = [...new Set(results.flatMap((r) => r.result.rows.map((x) => x.time)))].sort();
  if (times.length === 0) return null;
  const cellOf = (i: number, time: string): Cell => {
    const r = results[i]!.result.rows.find((x) => x.time === time);
    return r ? { value: r.value, isSuppressed: r.isSuppressed } : { value: null, isSuppressed: false };
  };
  const table: DataTable = {
    caption: title, rowHeading: options.t('observatory.public.table.period'), unit: definition.unit,
    columns: results.map((r) => ({ key: r.place, label: r.name })),
    rows: times.map((time) => ({ key: time, label: time, cells: results.map((_, i) => cellOf(i, time)) })),
  };
  const chart: ChartSpec = { title, locale: options.locale, kind: definition.formula.kind === 'change' ? 'bar' : 'line', categories: times, series: results.map((r, i) => ({ name: r.name, values: times.map((time) => visible(cellOf(i, time))) })) };
  return { key: options.key, title, table, chart, sources: sourcesOf(first.datasets, options.locale), hasSuppressed: results.some((r) => r.result.rows.some((x) => x.isSuppressed)) };
}

/** A map's table: one row per place (named), the value of the latest period. */
export function placesPanelOf(result: IndicatorResult, options: { locale: Locale; t: Translate; key: string; nameOf: (place: string) => string; heading: string }): { panel: Panel; values: Map<string, number | null>; time: string } | null {
  const rows = result.rows.filter((r) => r.group === null);
  const time = [...new Set(rows.map((r) => r.time))].sort().pop();
  if (!time) return null;
  const title = `${result.definition.title[options.locale]} (${time})`;
  const latest = rows.filter((r) => r.time === time).sort((a, b) => options.nameOf(a.place).localeCompare(options.nameOf(b.place), options.locale));
  const table: DataTable = {
    caption: title, rowHeading: options.heading, unit: result.definition.unit,
    columns: [{ key: time, label: time }],
    rows: latest.map((r) => ({ key: r.place, label: options.nameOf(r.place), cells: [{ value: r.value, isSuppressed: r.isSuppressed }] })),
  };
  const panel: Panel = { key: options.key, title, table, chart: null, sources: sourcesOf(result.datasets, options.locale), hasSuppressed: latest.some((r) => r.isSuppressed) };
  return { panel, values: new Map(latest.map((r) => [r.place, r.isSuppressed ? null : r.value])), time };
}
