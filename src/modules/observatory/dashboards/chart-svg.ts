// Charts drawn on the server as SVG with ECharts (no JavaScript in the browser): a chart is a small data spec,
// rendered the same way for the page, the SVG/PNG downloads and the PDF report.
import * as echarts from 'echarts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { escapeHtml } from '../../../kernel/web/html.ts';

/** A chart to draw: categories on the x axis (periods or citizenships) and one or more series. */
export interface ChartSpec {
  title: string;
  kind: 'line' | 'bar';
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** The language the axis numbers are written in (Italian when absent). */
  locale?: Locale;
}

const PALETTE = ['#0066cc', '#d9364f', '#008055', '#a66300', '#5c6f82', '#7f3fbf'];
const FONT = 'Titillium Web, sans-serif';

// Drawing a chart costs ECharts about 9 ms and a dashboard page has eight; a chart is a function of its spec, so the
// last ones drawn are kept (a dashboard's charts are drawn again only when its data change).
const drawn = new Map<string, string>();
const MAX_DRAWN = 300;

/** Renders a chart as a standalone SVG document with role="img" and an accessible name (its title). */
export function renderChartSvg(spec: ChartSpec, size: { width: number; height: number } = { width: 640, height: 320 }): string {
  const key = JSON.stringify([spec.title, spec.kind, spec.categories, spec.series, spec.locale, size.width, size.height]);
  const known = drawn.get(key);
  if (known !== undefined) {
    drawn.delete(key); // most recently used last
    drawn.set(key, known);
    return known;
  }
  const svg = drawChart(spec, size);
  drawn.set(key, svg);
  if (drawn.size > MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
  return svg;
}

function drawChart(spec: ChartSpec, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  const numbers = new Intl.NumberFormat(spec.locale ?? 'it', { maximumFractionDigits: 1 });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT, fontSize: 12, color: '#1a1a1a' },
      title: { text: spec.title, left: 8, top: 4, textStyle: { fontFamily: FONT, fontSize: 14, fontWeight: 600, width: size.width - 16, overflow: 'truncate' } },
      legend: spec.series.length > 1 ? { bottom: 4, textStyle: { fontFamily: FONT } } : undefined,
      grid: { left: 72, right: 24, top: 48, bottom: spec.series.length > 1 ? 56 : 40 },
      xAxis: { type: 'category', data: spec.categories, axisLabel: { hideOverlap: true, color: '#1a1a1a' } },
      yAxis: { type: 'value', axisLabel: { color: '#1a1a1a', formatter: (value: number) => numbers.format(value) } },
      series: spec.series.map((s) => ({ type: spec.kind, name: s.name, data: s.values, connectNulls: false, symbolSize: 5 })),
    });
    const svg = chart.renderToSVGString();
    return svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(spec.title)}" `);
  } finally {
    chart.dispose();
  }
}
