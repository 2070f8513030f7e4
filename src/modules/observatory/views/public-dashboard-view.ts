import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import type { Panel } from '../dashboards/panels.ts';
import type { Dashboard, Territory } from '../use-cases/build-dashboard.ts';
import { panelSection } from './public-panels.ts';

/** The breadcrumb trail of a public observatory page. */
export function publicCrumbs(req: FastifyRequest, territory: Territory | null): { label: string; path: string }[] {
  const crumbs = [{ label: req.t('observatory.public.title'), path: '/observatory' }];
  if (territory?.kind === 'province') crumbs.push({ label: territory.regionName, path: `/observatory/${territory.regionCode}` });
  return crumbs;
}

/** A public dashboard: heading, places below, the panels, the map, links to compare and to the report. */
export function dashboardView(req: FastifyRequest, dashboard: Dashboard, options: { threshold: number; hasReport: boolean }): SafeHtml {
  const t = req.t;
  const { territory } = dashboard;
  const code = territory.code;
  const childHeading = territory.kind === 'italy' ? t('observatory.public.regions') : t('observatory.public.provinces');
  return html`<h1 class="cv-page-title">${territory.kind === 'italy' ? t('observatory.public.title') : t('observatory.public.territoryTitle', { name: territory.name })}</h1>
    <p class="lead">${t('observatory.public.intro')}</p>
    <ul class="list-inline">
      ${options.hasReport ? html`<li class="list-inline-item"><a href="${href(req, `/observatory/${code}/report.pdf`)}">${t('observatory.public.download.pdf', { name: territory.name })}</a></li>` : ''}
      <li class="list-inline-item"><a href="${href(req, `/observatory/compare?t=${code}`)}">${t('observatory.public.compare.link')}</a></li>
      ${territory.kind === 'region' ? html`<li class="list-inline-item"><a href="${href(req, `/observatory/${code}/planning`)}">${t('observatory.public.planning.link')}</a></li>` : ''}
      ${territory.kind === 'province' ? html`<li class="list-inline-item"><a href="${href(req, `/observatory/${territory.regionCode}/planning#province-${code}`)}">${t('observatory.public.planning.link')}</a></li>` : ''}
    </ul>
    ${dashboard.panels.length === 0 ? html`<p>${t('observatory.public.empty')}</p>` : ''}
    ${dashboard.map ? panelSection(req, dashboard.map.panel, { territory: code, threshold: options.threshold, svg: dashboard.map.svg }) : ''}
    ${dashboard.panels.map((p) => panelSection(req, p, { territory: code, threshold: options.threshold }))}
    ${dashboard.children.length
      ? html`<nav aria-labelledby="cv-places"><h2 id="cv-places" class="h4">${childHeading}</h2>
        <ul class="cv-columns">${dashboard.children.map((c) => html`<li><a href="${href(req, `/observatory/${c.code}`)}">${c.name}</a></li>`)}</ul></nav>`
      : ''}`;
}

/** The comparison page: the form choosing two to four places, then one panel per indicator. */
export function comparisonView(req: FastifyRequest, options: { options: { code: string; name: string }[]; chosen: string[]; panels: Panel[]; error: string | null; threshold: number }): SafeHtml {
  const t = req.t;
  const slots = [0, 1, 2, 3];
  return html`<h1 class="cv-page-title">${t('observatory.public.compare.title')}</h1>
    <p class="lead">${t('observatory.public.compare.intro')}</p>
    ${options.error
      ? html`<div class="alert alert-danger" role="alert" tabindex="-1" id="cv-error-summary"><h2 class="h5">${t('observatory.public.compare.errorTitle')}</h2><p><a href="#compare-t1">${options.error}</a></p></div>`
      : ''}
    <form method="get" action="${href(req, '/observatory/compare')}" class="mb-5">
      <div class="row">
      ${slots.map(
        (i) => html`<div class="col-12 col-md-3"><div class="select-wrapper form-group">
          <label for="compare-t${i + 1}">${t('observatory.public.compare.place', { n: i + 1 })}</label>
          <select id="compare-t${i + 1}" name="t">
            <option value="">${t('observatory.public.compare.none')}</option>
            ${options.options.map((o) => html`<option value="${o.code}" ${options.chosen[i] === o.code ? 'selected' : ''}>${o.name}</option>`)}
          </select></div></div>`,
      )}
      </div>
      <button type="submit" class="btn btn-primary">${t('observatory.public.compare.submit')}</button>
    </form>
    ${options.panels.map((p) => panelSection(req, p, { territory: options.chosen.join(','), threshold: options.threshold }))}`;
}
