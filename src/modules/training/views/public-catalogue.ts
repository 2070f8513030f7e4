import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import type { PublicPath } from '../use-cases/list-calls.ts';
import { formatDay, stateBadge } from './components.ts';

/** The public catalogue of paths and their editions, open calls first. */
export function catalogueView(req: FastifyRequest, view: { paths: PublicPath[]; regionNames: Map<string, string> }): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('training.catalogue.title')}</h1>
    <p class="lead">${t('training.catalogue.intro')}</p>
    <p><a href="${href(req, '/certificates')}">${t('training.catalogue.verifyLink')}</a></p>
    ${view.paths.length === 0
      ? html`<p>${t('training.catalogue.empty')}</p>`
      : html`<ul class="list-unstyled">${view.paths.map(
          ({ path, editions }) => html`<li class="card card-bg mb-4"><div class="card-body">
            <h2 class="h4 card-title">${textIn(path.title, req.locale)} <span class="text-muted small">${path.code}</span></h2>
            <p class="mb-2">${t(`training.modalities.${path.modality}`)} · ${t('training.catalogue.hours', { hours: path.hours })} ·
              ${path.regionCodes.map((c) => view.regionNames.get(c) ?? c).join(', ')}</p>
            <p>${textIn(path.objectives, req.locale)}</p>
            <h3 class="h6">${t('training.catalogue.editions')}</h3>
            <ul>${editions.map(
              (e) => html`<li class="mb-1"><a href="${href(req, `/training/editions/${e.id}`)}">${t('training.edition.name', { number: e.number })}</a>
                · ${view.regionNames.get(e.regionCode) ?? e.regionCode} · ${formatDay(req, e.startsOn)} – ${formatDay(req, e.endsOn)} ${stateBadge(req, e.state)}</li>`,
            )}</ul>
          </div></li>`,
        )}</ul>`}`;
}
