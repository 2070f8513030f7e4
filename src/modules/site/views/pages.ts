import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href } from '../../../kernel/web/layout.ts';
import { can } from '../../../kernel/auth/actor.ts';
import type { NavItem } from '../../../kernel/module.ts';

/** The home page: what Crocevia is for, the public sections and, for staff, their work areas. */
export function homeView(req: FastifyRequest, navigation: NavItem[]): SafeHtml {
  const t = req.t;
  const publicItems = navigation.filter((n) => n.audience === 'public' && n.path !== '/').sort((a, b) => a.order - b.order);
  const staffItems = navigation
    .filter((n) => n.audience === 'staff' && req.actor && (!n.permission || can(req.actor, n.permission)))
    .sort((a, b) => a.order - b.order);
  return html`<div class="row mt-4">
    <div class="col-lg-8">
      <h1 class="cv-page-title">${t('site.home.title')}</h1>
      <p class="lead">${t('site.home.lead')}</p>
      <p>${t('site.home.body')}</p>
    </div>
  </div>
  ${publicItems.length
    ? html`<h2 class="h4 mt-4">${t('site.home.sections')}</h2>
      <ul class="list-unstyled row">${publicItems.map((n) => html`<li class="col-md-4 mb-3"><a class="btn btn-outline-primary w-100" href="${href(req, n.path)}">${t(n.labelKey)}</a></li>`)}</ul>`
    : ''}
  ${req.actor
    ? html`<section class="mt-4" aria-labelledby="your-work"><h2 class="h4" id="your-work">${t('site.home.member.title', { name: req.actor.name })}</h2>
        ${req.actor.memberships.length
          ? html`<ul>${req.actor.memberships.map((m) => html`<li>${m.organisationName}: ${t(`accounts.roles.${m.roleKey}`)}</li>`)}</ul>`
          : html`<p>${t('site.home.member.noMembership')}</p>`}
        ${staffItems.length ? html`<ul class="list-inline">${staffItems.map((n) => html`<li class="list-inline-item"><a href="${href(req, n.path)}">${t(n.labelKey)}</a></li>`)}</ul>` : ''}
      </section>`
    : html`<section class="mt-4 callout" aria-labelledby="staff-access"><h2 class="h5" id="staff-access">${t('site.home.login.title')}</h2>
        <p>${t('site.home.login.text')}</p><p><a class="btn btn-primary" href="${href(req, '/login')}">${t('layout.account.login')}</a></p></section>`}`;
}

/** A page of the legal section, made of a title and paragraphs from the messages. */
export function legalView(req: FastifyRequest, page: 'accessibility' | 'privacy' | 'legal', values: Record<string, string>): SafeHtml {
  const t = req.t;
  const sections = LEGAL_SECTIONS[page];
  return html`<div class="row"><div class="col-lg-9">
    <h1 class="cv-page-title">${t(`site.${page}.title`)}</h1>
    <p class="lead">${t(`site.${page}.lead`, values)}</p>
    ${sections.map((s) => html`<h2 class="h4 mt-4">${t(`site.${page}.${s}.title`)}</h2><p>${t(`site.${page}.${s}.text`, values)}</p>`)}
    <p class="text-muted mt-4"><small>${t('site.updated', { date: values.updated ?? '' })}</small></p>
  </div></div>`;
}

/** The sections of each legal page, in order; their texts live in the messages. */
export const LEGAL_SECTIONS = {
  accessibility: ['status', 'limits', 'testing', 'feedback', 'enforcement'],
  privacy: ['controller', 'visitors', 'cookies', 'accounts', 'logs', 'rights'],
  legal: ['licence', 'data', 'content', 'demo'],
} as const;
