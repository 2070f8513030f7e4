import type { FastifyRequest } from 'fastify';
import { html, raw, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import { renderChartSvg } from '../dashboards/chart-svg.ts';
import type { Panel, Source } from '../dashboards/panels.ts';
import { formatValue, unitOf, type Cell, type DataTable, type Unit } from '../dashboards/tables.ts';
import { scrollable } from './components.ts';

/** What a suppressed count shows instead of its value ("<5"). */
export function suppressedMark(threshold: number): string {
  return `<${threshold}`;
}

function cellText(req: FastifyRequest, cell: Cell, unit: Unit, threshold: number): string {
  if (cell.isSuppressed) return suppressedMark(threshold);
  return cell.value === null ? req.t('observatory.public.table.missing') : formatValue(cell.value, unit, req.locale);
}

/** A table with caption, column and row headers (scope), numbers aligned right, in a box that scrolls sideways on phones. */
export function dataTable(req: FastifyRequest, table: DataTable, threshold: number): SafeHtml {
  return scrollable(table.caption, html`<table class="table table-sm cv-data-table">
    <caption>${table.caption}</caption>
    <thead><tr><th scope="col">${table.rowHeading}</th>${table.columns.map((c) => html`<th scope="col" class="text-end">${c.label}</th>`)}</tr></thead>
    <tbody>${table.rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.cells.map((c, i) => html`<td class="text-end">${cellText(req, c, unitOf(table, i), threshold)}</td>`)}</tr>`)}</tbody>
  </table>`);
}

/**
 * Sources and licence of a chart or table ("Fonte: Istat — CC BY 4.0"). Attribution, title and licence are content,
 * often Italian inside an Arabic or Urdu page: each is isolated (<bdi>) so that the line keeps its order.
 */
export function sourcesLine(req: FastifyRequest, sources: Source[]): SafeHtml {
  return html`${sources.map(
    (s) => html`<p class="small mb-1"><bdi>${s.attribution}</bdi> — ${req.t('observatory.public.source.dataset')}: <bdi lang="${s.titleLocale ?? req.locale}">${s.title}</bdi>${s.licence
      ? html` — ${req.t('observatory.public.source.licence')}: ${s.licenceUrl ? html`<a href="${s.licenceUrl}" rel="license"><bdi>${s.licence}</bdi></a>` : html`<bdi>${s.licence}</bdi>`}`
      : ''}</p>`,
  )}`;
}

/** Links to a panel's exports: CSV and JSON of its table, SVG and PNG of its chart. */
export function downloadLinks(req: FastifyRequest, panel: Panel, territory: string, hasChart: boolean): SafeHtml {
  const q = `?territory=${encodeURIComponent(territory)}`;
  const data = (ext: string) => `${href(req, `/observatory/data/${panel.key}.${ext}`)}${q}`;
  const chart = (ext: string) => `${href(req, `/observatory/charts/${panel.key}.${ext}`)}${q}`;
  const label = (kind: string) => req.t(`observatory.public.download.${kind}`, { title: panel.title });
  return html`<ul class="list-inline small cv-downloads">
    <li class="list-inline-item"><a href="${data('csv')}" download>${label('csv')}</a></li>
    <li class="list-inline-item"><a href="${data('json')}">${label('json')}</a></li>
    ${hasChart ? html`<li class="list-inline-item"><a href="${chart('svg')}" download>${label('svg')}</a></li>
    <li class="list-inline-item"><a href="${chart('png')}" download>${label('png')}</a></li>` : ''}
  </ul>`;
}

/**
 * An SVG chart as it can sit inside a page: the pages' Content-Security-Policy (`style-src 'self'`) refuses
 * inline styles, so ECharts' `style="font-size:…"` become presentation attributes and its `<style>` (hover
 * effects, useless without its script) goes. The downloads keep the SVG as drawn.
 */
export function svgForPage(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, declarations: string) =>
      declarations
        .split(';')
        .map((declaration) => /^\s*([a-z-]+)\s*:\s*(.+?)\s*$/.exec(declaration))
        .filter((match): match is RegExpExecArray => match !== null)
        .map(([, name, value]) => ` ${name}="${value}"`)
        .join(''));
}

/** One panel: heading, the chart (or map) as a figure with its caption, the data table, notes, downloads. */
export function panelSection(req: FastifyRequest, panel: Panel, options: { territory: string; threshold: number; svg?: string }): SafeHtml {
  const svg = options.svg ?? (panel.chart ? renderChartSvg(panel.chart) : null);
  const id = `panel-${panel.key}`;
  return html`<section class="cv-panel mb-5" aria-labelledby="${id}">
    <h2 id="${id}" class="h4">${panel.title}</h2>
    ${svg ? html`<figure class="cv-chart">${raw(svgForPage(svg))}<figcaption>${sourcesLine(req, panel.sources)}</figcaption></figure>` : sourcesLine(req, panel.sources)}
    ${dataTable(req, panel.table, options.threshold)}
    ${panel.hasSuppressed ? html`<p class="small"><strong>${suppressedMark(options.threshold)}</strong>: ${req.t('observatory.public.suppressed', { threshold: options.threshold })}</p>` : ''}
    ${downloadLinks(req, panel, options.territory, svg !== null)}
  </section>`;
}
