import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';

/** A section of the administration the actor may open. */
export interface AdminSection {
  key: 'organisations' | 'people' | 'roles' | 'audit';
  path: string;
}

/** The administration index: one card per section the actor may open. */
export function adminIndexView(req: FastifyRequest, sections: AdminSection[]): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('accounts.staff.admin.title')}</h1>
    <p class="lead">${t('accounts.staff.admin.lead')}</p>
    <ul class="row list-unstyled">${sections.map(
      (s) => html`<li class="col-md-6 col-lg-3 mb-3"><div class="card card-bg h-100"><div class="card-body">
        <h2 class="card-title h5"><a href="${href(req, s.path)}">${t(`accounts.staff.admin.sections.${s.key}.title`)}</a></h2>
        <p class="card-text">${t(`accounts.staff.admin.sections.${s.key}.text`)}</p>
      </div></div></li>`,
    )}</ul>`;
}
