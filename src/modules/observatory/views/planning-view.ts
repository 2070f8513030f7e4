import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import { formatValue } from '../dashboards/tables.ts';
import type { Planning, ProvincePlan } from '../use-cases/build-planning.ts';
import { panelSection } from './public-panels.ts';

function list(req: FastifyRequest, items: string[]): string {
  return new Intl.ListFormat(req.locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** What is missing in one province, in words: services per 10,000 people, needs without services, languages not spoken. */
function provinceFindings(req: FastifyRequest, plan: Planning, p: ProvincePlan): SafeHtml {
  const t = req.t;
  const rate = p.perTenThousand === null ? null : formatValue(p.perTenThousand, 'per_10000', req.locale);
  const uncovered = p.citizenships.filter((c) => !c.isCovered);
  const isBelow = p.perTenThousand !== null && plan.regionPerTenThousand !== null && p.perTenThousand < plan.regionPerTenThousand;
  return html`<li id="province-${p.code}" class="mb-3">
    <strong>${p.name}</strong>:
    ${rate === null ? t('observatory.public.planning.findings.noResidents', { services: p.services }) : t('observatory.public.planning.findings.rate', { services: p.services, rate })}
    ${isBelow ? html`<span class="badge bg-warning">${t('observatory.public.planning.findings.below')}</span>` : ''}
    <ul>
      <li>${p.missingNeeds.length ? t('observatory.public.planning.findings.missingNeeds', { needs: list(req, p.missingNeeds) }) : t('observatory.public.planning.findings.everyNeed')}</li>
      ${p.citizenships.length === 0
        ? html`<li>${t('observatory.public.planning.findings.noCitizenships')}</li>`
        : uncovered.length
          ? html`<li>${t('observatory.public.planning.findings.uncovered', {
              citizenships: list(
                req,
                uncovered.map((c) => (c.languages.length ? `${c.name} (${c.languages.join(', ')})` : c.name)),
              ),
            })}</li>`
          : html`<li>${t('observatory.public.planning.findings.allCovered')}</li>`}
    </ul>
  </li>`;
}

/** The planning view of a region: the findings per province first (worst first), then the panels with their data. */
export function planningView(req: FastifyRequest, plan: Planning, options: { threshold: number }): SafeHtml {
  const t = req.t;
  const byNeed = [...plan.provinces].sort((a, b) => (a.perTenThousand ?? Infinity) - (b.perTenThousand ?? Infinity) || a.name.localeCompare(b.name, req.locale));
  const updated = plan.directoryUpdatedAt ? new Intl.DateTimeFormat(req.locale, { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(plan.directoryUpdatedAt) : null;
  const regionRate = plan.regionPerTenThousand === null ? null : formatValue(plan.regionPerTenThousand, 'per_10000', req.locale);
  return html`<h1 class="cv-page-title">${t('observatory.public.planning.title', { name: plan.regionName })}</h1>
    <p class="lead">${t('observatory.public.planning.intro')}</p>
    <ul class="list-inline">
      <li class="list-inline-item"><a href="${href(req, `/observatory/${plan.regionCode}`)}">${t('observatory.public.planning.back', { name: plan.regionName })}</a></li>
    </ul>
    <div class="callout note mb-5"><div class="callout-title">${t('observatory.public.planning.method.title')}</div>
      <p>${t('observatory.public.planning.method.residents', { year: plan.residentsYear ?? t('observatory.public.table.missing') })}</p>
      <p>${t('observatory.public.planning.method.citizenships', { n: 5, year: plan.inflowsYear ?? t('observatory.public.table.missing') })}</p>
      <p>${updated ? t('observatory.public.planning.method.directory', { date: updated }) : t('observatory.public.planning.method.noDirectory')}</p>
    </div>
    <section class="mb-5" aria-labelledby="planning-findings">
      <h2 id="planning-findings" class="h4">${t('observatory.public.planning.findings.title')}</h2>
      ${regionRate ? html`<p>${t('observatory.public.planning.findings.region', { rate: regionRate })}</p>` : ''}
      <ul>${byNeed.map((p) => provinceFindings(req, plan, p))}</ul>
    </section>
    ${plan.panels.map((p) => panelSection(req, p, { territory: plan.regionCode, threshold: options.threshold, svg: p.mapSvg }))}`;
}
