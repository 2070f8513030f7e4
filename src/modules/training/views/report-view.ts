import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import type { Figures } from '../domain/report-figures.ts';
import { EDITION_STATES, PROFILES } from '../domain/vocabulary.ts';
import type { Report, ReportFilter } from '../use-cases/build-report.ts';
import { formatNumber } from './components.ts';
import { showAverage } from './evaluation-views.ts';

function figuresTable(req: FastifyRequest, caption: string, rows: { label: SafeHtml | string; figures: Figures }[]): SafeHtml {
  const t = req.t;
  const rate = (v: number | null) => (v === null ? '—' : `${formatNumber(req, v)}%`);
  return html`<div class="table-responsive"><table class="table table-sm table-striped">
    <caption>${caption}</caption>
    <thead><tr>${['line', 'applicants', 'participants', 'attendance', 'completion', 'certified', 'satisfaction', 'change'].map((c) => html`<th scope="col">${t(`training.staff.reports.columns.${c}`)}</th>`)}</tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr><th scope="row">${r.label}</th><td>${r.figures.applicants}</td><td>${r.figures.participants}</td><td>${rate(r.figures.attendanceRate)}</td>
        <td>${rate(r.figures.completionRate)}</td><td>${r.figures.certified}</td><td>${showAverage(req, r.figures.satisfaction)}</td><td>${showAverage(req, r.figures.competenceChange)}</td></tr>`,
    )}</tbody></table></div>`;
}

/** The funder's report: filters, progress against the target, figures per path, region and edition, mix by profile. */
export function reportView(req: FastifyRequest, view: { report: Report; filter: ReportFilter }): SafeHtml {
  const t = req.t;
  const { report, filter } = view;
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();
  const progress = Math.min(100, Math.round((report.progress.paths / report.progress.target) * 100));
  return html`<h1 class="cv-page-title">${t('training.staff.reports.title')}</h1>
    <section aria-labelledby="progress-title" class="mb-4"><h2 id="progress-title" class="h4">${t('training.staff.reports.progressTitle')}</h2>
      <p>${t('training.staff.reports.progress', { paths: report.progress.paths, target: report.progress.target, completed: report.progress.pathsWithCompletedEdition })}</p>
      <progress class="w-100 mb-2" max="${report.progress.target}" value="${Math.min(report.progress.paths, report.progress.target)}" aria-labelledby="progress-title">${progress}%</progress>
      <p class="small">${EDITION_STATES.filter((s) => s !== 'draft').map((s) => `${t(`training.states.${s}`)}: ${report.progress.editionsByState[s]}`).join(' · ')}</p>
    </section>
    <form method="get" action="${href(req, '/training/manage/reports')}" class="row g-2 align-items-end mb-4" aria-label="${t('training.staff.reports.filter')}">
      <div class="col-md-5"><div class="select-wrapper form-group mb-0"><label for="filter-path" class="active">${t('training.staff.reports.path')}</label>
        <select id="filter-path" name="pathId" class="form-select"><option value="">${t('training.staff.reports.all')}</option>
          ${report.choices.paths.map((p) => html`<option value="${p.id}" ${p.id === filter.pathId ? html`selected` : ''}>${p.code} · ${textIn(p.title, req.locale)}</option>`)}</select></div></div>
      <div class="col-md-4"><div class="select-wrapper form-group mb-0"><label for="filter-region" class="active">${t('training.staff.reports.region')}</label>
        <select id="filter-region" name="regionCode" class="form-select"><option value="">${t('training.staff.reports.all')}</option>
          ${report.choices.regions.map((r) => html`<option value="${r.code}" ${r.code === filter.regionCode ? html`selected` : ''}>${r.name}</option>`)}</select></div></div>
      <div class="col-md-3"><button type="submit" class="btn btn-outline-primary w-100">${t('training.staff.reports.apply')}</button></div>
    </form>
    <p><a class="btn btn-sm btn-outline-primary" href="${href(req, `/training/manage/reports.csv${query ? `?${query}` : ''}`)}">${t('training.staff.reports.csv')}</a>
      <a class="btn btn-sm btn-outline-primary" href="${href(req, `/training/manage/reports.pdf${query ? `?${query}` : ''}`)}">${t('training.staff.reports.pdf')}</a></p>
    ${figuresTable(req, t('training.staff.reports.by.path'), [...report.byPath.map((p) => ({ label: `${p.path.code} · ${textIn(p.path.title, req.locale)}`, figures: p.figures })), { label: t('training.staff.reports.total'), figures: report.totals }])}
    ${figuresTable(req, t('training.staff.reports.by.region'), report.byRegion.map((r) => ({ label: r.regionName, figures: r.figures })))}
    ${figuresTable(req, t('training.staff.reports.by.edition'), report.editions.map((e) => ({
      label: html`${e.canOpen ? html`<a href="${href(req, `/training/manage/editions/${e.edition.id}`)}">${e.path.code} · ${t('training.edition.name', { number: e.edition.number })}</a>` : `${e.path.code} · ${t('training.edition.name', { number: e.edition.number })}`}
        <span class="small">(${e.regionName}, ${t(`training.states.${e.edition.state}`)})</span>`,
      figures: e.figures,
    })))}
    <div class="table-responsive"><table class="table table-sm"><caption>${t('training.staff.reports.byProfile')}</caption>
      <thead><tr><th scope="col">${t('training.staff.selection.profile')}</th><th scope="col">${t('training.staff.reports.columns.applicants')}</th><th scope="col">${t('training.staff.reports.columns.participants')}</th>
        <th scope="col">${t('training.staff.reports.columns.satisfaction')}</th><th scope="col">${t('training.staff.reports.columns.change')}</th></tr></thead>
      <tbody>${PROFILES.map((p) => html`<tr><th scope="row">${t(`training.profiles.${p}`)}</th><td>${report.totals.applicantsByProfile[p]}</td><td>${report.totals.participantsByProfile[p]}</td>
        <td>${showAverage(req, report.totals.satisfactionByProfile[p])}</td><td>${showAverage(req, report.totals.competenceChangeByProfile[p])}</td></tr>`)}</tbody></table></div>`;
}
