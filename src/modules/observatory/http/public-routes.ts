import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { sendPage } from '../../../kernel/web/layout.ts';
import { territory as territories } from '../../territory/index.ts';
import { renderChartSvg } from '../dashboards/chart-svg.ts';
import type { Panel } from '../dashboards/panels.ts';
import { renderPng } from '../dashboards/png.ts';
import { formatValue, tableToCsv, tableToJson, unitOf } from '../dashboards/tables.ts';
import { renderReportPdf } from '../dashboards/pdf-report.ts';
import { registerOpenDataRoutes } from './opendata-routes.ts';
import { readSuppressionThreshold } from '../indicators/suppression.ts';
import { buildComparison, buildDashboard, resolveTerritory, type Territory } from '../use-cases/build-dashboard.ts';
import { buildPlanning } from '../use-cases/build-planning.ts';
import { planningView } from '../views/planning-view.ts';
import { comparisonView, dashboardView, publicCrumbs } from '../views/public-dashboard-view.ts';
import { suppressedMark } from '../views/public-panels.ts';

/** Resolves a territory code of a public URL, or 404. */
async function territoryOf(ctx: ModuleContext, req: FastifyRequest, code: string): Promise<Territory> {
  const found = await resolveTerritory(ctx.db, code, req.t('observatory.public.italy'));
  if (!found) throw new NotFoundError();
  return found;
}

/** The public observatory: dashboards, comparison, exports of every table and chart, reports, open data. */
export function registerPublicRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const threshold = readSuppressionThreshold();
  registerOpenDataRoutes(app, ctx, threshold);

  async function sendDashboard(req: FastifyRequest, reply: FastifyReply, code: string): Promise<FastifyReply> {
    const territory = await territoryOf(ctx, req, code);
    const dashboard = await buildDashboard({ db: ctx.db, actor: req.actor, territory, locale: req.locale, t: req.t, suppressBelow: threshold });
    return sendPage(reply, req, {
      title: territory.kind === 'italy' ? req.t('observatory.public.title') : req.t('observatory.public.territoryTitle', { name: territory.name }),
      breadcrumbs: territory.kind === 'italy' ? [] : publicCrumbs(req, territory),
      body: dashboardView(req, dashboard, { threshold, hasReport: true }),
    });
  }

  /** The panels of a territory, or of two to four territories side by side ("08,19"). */
  async function panelsFor(req: FastifyRequest, codes: string): Promise<(Panel & { mapSvg?: string })[]> {
    const list = codes.split(',').filter(Boolean);
    if (list.length === 0 || list.length > 4) throw new NotFoundError();
    const places = await Promise.all(list.map((c) => territoryOf(ctx, req, c)));
    if (places.length > 1) return buildComparison({ db: ctx.db, actor: req.actor, territories: places, locale: req.locale, t: req.t, suppressBelow: threshold });
    const dashboard = await buildDashboard({ db: ctx.db, actor: req.actor, territory: places[0]!, locale: req.locale, t: req.t, suppressBelow: threshold });
    return dashboard.map ? [{ ...dashboard.map.panel, mapSvg: dashboard.map.svg }, ...dashboard.panels] : dashboard.panels;
  }

  /** The planning view of a region (404 for anything else). */
  async function planningOf(req: FastifyRequest, code: string) {
    const region = await territoryOf(ctx, req, code);
    if (region.kind !== 'region') throw new NotFoundError();
    return buildPlanning({ db: ctx.db, actor: req.actor, region, locale: req.locale, t: req.t, suppressBelow: threshold });
  }

  async function panelOf(req: FastifyRequest, file: string, extensions: string[]): Promise<{ panel: Panel & { mapSvg?: string }; ext: string; territory: string }> {
    const match = /^([a-z0-9-]+)\.([a-z]+)$/.exec(file);
    const territory = String((req.query as { territory?: unknown }).territory ?? 'IT');
    if (!match || !extensions.includes(match[2]!)) throw new NotFoundError();
    const panels = match[1]!.startsWith('planning-') ? (await planningOf(req, territory)).panels : await panelsFor(req, territory);
    const panel = panels.find((p) => p.key === match[1]);
    if (!panel) throw new NotFoundError();
    return { panel, ext: match[2]!, territory };
  }

  app.get('/:lang/observatory', async (req, reply) => sendDashboard(req, reply, 'IT'));

  app.get('/:lang/observatory/compare', async (req, reply) => {
    const raw = (req.query as { t?: string | string[] }).t;
    const chosen = [...new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).map((c) => c.trim()).filter(Boolean))];
    const places = await Promise.all(chosen.map((c) => territoryOf(ctx, req, c)));
    const isValid = places.length >= 2 && places.length <= 4;
    const tooFew = places.length > 0 && !isValid;
    const panels = isValid ? await buildComparison({ db: ctx.db, actor: req.actor, territories: places, locale: req.locale, t: req.t, suppressBelow: threshold }) : [];
    const regions = await territories.listRegions(ctx.db);
    const provinces = await territories.listProvinces(ctx.db);
    const options = [{ code: 'IT', name: req.t('observatory.public.italy') }, ...regions.map((r) => ({ code: r.code, name: r.name })), ...provinces.map((p) => ({ code: p.code, name: p.name }))];
    return sendPage(reply, req, {
      title: req.t('observatory.public.compare.title'),
      breadcrumbs: publicCrumbs(req, null),
      status: tooFew ? 422 : 200,
      body: comparisonView(req, { options, chosen, panels, error: tooFew ? req.t('observatory.public.compare.error') : null, threshold }),
    });
  });

  app.get('/:lang/observatory/data/:file', async (req, reply) => {
    const { panel, ext, territory } = await panelOf(req, (req.params as { file: string }).file, ['csv', 'json']);
    const name = `${panel.key}-${territory.replace(/,/g, '-')}`;
    if (ext === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(tableToCsv(panel.table, suppressedMark(threshold)));
    }
    return reply.type('application/json; charset=utf-8').send(
      tableToJson(panel.table, { indicator: panel.key, territory, title: panel.title, sources: panel.sources, suppressedBelow: threshold }),
    );
  });

  app.get('/:lang/observatory/charts/:file', async (req, reply) => {
    const { panel, ext, territory } = await panelOf(req, (req.params as { file: string }).file, ['svg', 'png']);
    const svg = panel.mapSvg ?? (panel.chart ? renderChartSvg(panel.chart) : null);
    if (!svg) throw new NotFoundError();
    const name = `${panel.key}-${territory.replace(/,/g, '-')}`;
    if (ext === 'svg') return reply.type('image/svg+xml; charset=utf-8').header('content-disposition', `attachment; filename="${name}.svg"`).send(svg);
    return reply.type('image/png').header('content-disposition', `attachment; filename="${name}.png"`).send(renderPng(svg));
  });

  app.get('/:lang/observatory/:territory/report.pdf', async (req, reply) => {
    const code = (req.params as { territory: string }).territory;
    const territory = await territoryOf(ctx, req, code);
    const panels = await panelsFor(req, code);
    const now = new Date();
    const pdf = await renderReportPdf(panels, {
      locale: req.locale,
      title: territory.kind === 'italy' ? req.t('observatory.public.title') : req.t('observatory.public.territoryTitle', { name: territory.name }),
      generated: req.t('observatory.public.report.generated', { date: new Intl.DateTimeFormat(req.locale, { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(now) }),
      sourceLabel: req.t('observatory.public.report.source'),
      licenceLabel: req.t('observatory.public.source.licence'),
      formatCell: (table, row, column) => {
        const cell = table.rows[row]!.cells[column]!;
        return cell.isSuppressed ? suppressedMark(threshold) : cell.value === null ? req.t('observatory.public.table.missing') : formatValue(cell.value, unitOf(table, column), req.locale);
      },
    });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="observatory-${code}.pdf"`).send(pdf);
  });

  app.get('/:lang/observatory/:territory/planning', async (req, reply) => {
    const plan = await planningOf(req, (req.params as { territory: string }).territory);
    return sendPage(reply, req, {
      title: req.t('observatory.public.planning.title', { name: plan.regionName }),
      breadcrumbs: [...publicCrumbs(req, null), { label: plan.regionName, path: `/observatory/${plan.regionCode}` }],
      body: planningView(req, plan, { threshold }),
    });
  });

  app.get('/:lang/observatory/:territory', async (req, reply) => sendDashboard(req, reply, (req.params as { territory: string }).territory));
}
