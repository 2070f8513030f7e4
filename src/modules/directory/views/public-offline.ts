import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';

/**
 * The page the service worker shows when the phone is offline and the page asked for was not saved.
 * The worker fills the list with the pages saved on the phone (title, link, date saved).
 */
export function offlinePage(req: FastifyRequest): SafeHtml {
  return html`<h1 class="cv-page-title">${req.t('directory.finder.offline.title')}</h1>
    <p>${req.t('directory.finder.offline.intro')}</p>
    <h2 class="h4">${req.t('directory.finder.offline.savedHeading')}</h2>
    <ul class="cv-saved-list" data-saved-list data-empty="${req.t('directory.finder.offline.none')}" data-item="${req.t('directory.finder.offline.savedItem', { date: '{date}' })}"></ul>
    <p><a href="${href(req, '/services')}">${req.t('directory.finder.offline.back')}</a></p>`;
}
