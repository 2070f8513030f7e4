import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { sendPage } from '../../../kernel/web/layout.ts';
import { isUuid } from '../use-cases/access.ts';
import { buildReport, type ReportFilter } from '../use-cases/build-report.ts';
import { workspaceCrumbs } from '../views/components.ts';
import { renderReportPdf } from '../views/report-pdf.ts';
import { reportCsv } from '../views/report-rows.ts';
import { reportView } from '../views/report-view.ts';
import { actorOf, requireWorkspace } from './guards.ts';

// The funder's report is a staff document whose tables pdfkit sets in Titillium Web (Latin scripts only): a
// page in another script gets it in English, a staff language. Certificates are written in every language.
const LATIN_LOCALES: readonly Locale[] = ['it', 'en', 'fr', 'es', 'sq'];

function filterOf(req: FastifyRequest): ReportFilter {
  const query = req.query as Record<string, unknown>;
  const id = (v: unknown) => (typeof v === 'string' && isUuid(v) ? v : undefined);
  return { pathId: id(query.pathId), editionId: id(query.editionId), regionCode: typeof query.regionCode === 'string' && /^\d{2}$/.test(query.regionCode) ? query.regionCode : undefined };
}

/** The funder's reports: a page, a CSV and a PDF over the same filter. */
export function registerReportRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { onRequest: requireWorkspace };

  app.get('/:lang/training/manage/reports', guarded, async (req, reply) => {
    const filter = filterOf(req);
    const report = await buildReport({ ctx, actor: actorOf(req), filter });
    return sendPage(reply, req, { title: req.t('training.staff.reports.title'), audience: 'staff', breadcrumbs: workspaceCrumbs(req), body: reportView(req, { report, filter }) });
  });

  app.get('/:lang/training/manage/reports.csv', guarded, async (req, reply) => {
    const report = await buildReport({ ctx, actor: actorOf(req), filter: filterOf(req) });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="training-report.csv"')
      .header('cache-control', 'no-store')
      .send(reportCsv(report, req.t, req.locale));
  });

  app.get('/:lang/training/manage/reports.pdf', guarded, async (req, reply) => {
    const report = await buildReport({ ctx, actor: actorOf(req), filter: filterOf(req) });
    const locale = LATIN_LOCALES.includes(req.locale) ? req.locale : 'en';
    const pdf = await renderReportPdf({ report, t: ctx.i18n.translator(locale), locale, platformName: ctx.config.platformName, generatedAt: new Date() });
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="training-report.pdf"').header('cache-control', 'no-store').send(pdf);
  });
}
