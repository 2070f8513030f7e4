import type { FastifyRequest } from 'fastify';
import type { RoleDef } from '../../../kernel/auth/actor.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { errorSummary, selectField, type FormState } from '../../../kernel/web/forms.ts';
import { AUTONYMS, isLocale } from '../../../kernel/i18n/locales.ts';
import type { Membership, Person } from '../data/admin-repository.ts';
import { detailRow, formatDateTime, notice, statusBadge } from './admin-components.ts';
import { personFieldLabels } from './admin-person-form.ts';

/** What a person's page shows and offers. */
export interface PersonPageView {
  person: Person;
  memberships: (Membership & { isRemovable: boolean })[];
  hiddenMembershipCount: number;
  isEditable: boolean;
  regionName(code: string): string;
  roleLabel(key: string): string;
  /** The add-membership form, when the actor may add at least one role somewhere. */
  membershipForm: { state: FormState; organisations: { value: string; label: string }[]; roles: RoleDef[] } | null;
}

/** A person's details, memberships (each removable where allowed) and the form to add one. */
export function personPageView(req: FastifyRequest, view: PersonPageView): SafeHtml {
  const t = req.t;
  const p = view.person;
  const labels = personFieldLabels(req);
  const form = view.membershipForm;
  return html`<h1 class="cv-page-title">${p.fullName}</h1>
    ${notice(req)}
    ${form ? errorSummary(req, form.state, labels) : ''}
    ${view.isEditable
      ? html`<p><a class="btn btn-primary" href="${href(req, `/admin/people/${p.id}/edit`)}">${t('accounts.staff.people.edit')}</a></p>`
      : html`<div class="callout note"><div class="callout-title">${t('accounts.staff.people.readOnlyTitle')}</div><p>${t('accounts.staff.people.readOnly')}</p></div>`}
    <dl class="row">
      ${detailRow(labels.email!, p.email)}
      ${detailRow(labels.preferredLocale!, isLocale(p.preferredLocale) ? AUTONYMS[p.preferredLocale] : p.preferredLocale)}
      ${detailRow(labels.isActive!, statusBadge(req, p.isActive))}
      ${detailRow(labels.isPlatformAdmin!, p.isPlatformAdmin ? t('accounts.staff.common.yes') : t('accounts.staff.common.no'))}
      ${detailRow(t('accounts.staff.people.lastLogin'), formatDateTime(req, p.lastLoginAt))}
    </dl>
    <h2 class="h4 mt-4" id="memberships">${t('accounts.staff.memberships.title')}</h2>
    ${view.memberships.length === 0
      ? html`<p>${t('accounts.staff.memberships.empty')}</p>`
      : html`<div class="table-responsive" id="field-membershipId" tabindex="-1"><table class="table">
          <caption>${t('accounts.staff.memberships.caption', { name: p.fullName })}</caption>
          <thead><tr>
            <th scope="col">${labels.organisationId}</th>
            <th scope="col">${t('accounts.staff.organisations.fields.regionCode')}</th>
            <th scope="col">${labels.roleKey}</th>
            <th scope="col"><span class="visually-hidden">${t('accounts.staff.memberships.actions')}</span></th>
          </tr></thead>
          <tbody>${view.memberships.map(
            (m) => html`<tr>
              <th scope="row"><a href="${href(req, `/admin/organisations/${m.organisationId}`)}">${m.organisationName}</a></th>
              <td>${view.regionName(m.regionCode)}</td>
              <td>${view.roleLabel(m.roleKey)}</td>
              <td>${m.isRemovable
                ? html`<form method="post" action="${href(req, `/admin/people/${p.id}/memberships/${m.id}/delete`)}">${csrfField(req)}
                    <button type="submit" class="btn btn-outline-danger btn-sm">${t('accounts.staff.memberships.remove')}<span class="visually-hidden">: ${t('accounts.staff.memberships.removeLabel', { role: view.roleLabel(m.roleKey), organisation: m.organisationName })}</span></button></form>`
                : ''}</td>
            </tr>`,
          )}</tbody></table></div>`}
    ${view.hiddenMembershipCount > 0 ? html`<p class="small">${t('accounts.staff.people.hiddenMemberships', { count: view.hiddenMembershipCount })}</p>` : ''}
    ${form
      ? html`<h2 class="h4 mt-4" id="add-membership">${t('accounts.staff.memberships.add')}</h2>
        <form method="post" action="${href(req, `/admin/people/${p.id}/memberships`)}" novalidate class="row g-3 align-items-end">
          ${csrfField(req)}
          <div class="col-md-5">${selectField(req, form.state, { name: 'organisationId', label: labels.organisationId!, isRequired: true, placeholder: t('accounts.staff.common.choose'), choices: form.organisations })}</div>
          <div class="col-md-4">${selectField(req, form.state, {
            name: 'roleKey',
            label: labels.roleKey!,
            isRequired: true,
            placeholder: t('accounts.staff.common.choose'),
            choices: form.roles.map((r) => ({ value: r.key, label: t(r.labelKey) })),
          })}</div>
          <div class="col-md-3"><button type="submit" class="btn btn-primary w-100 mb-3">${t('accounts.staff.memberships.addButton')}</button></div>
        </form>`
      : ''}`;
}
