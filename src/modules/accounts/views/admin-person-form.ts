import type { FastifyRequest } from 'fastify';
import type { RoleDef } from '../../../kernel/auth/actor.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { checkboxField, errorSummary, inputField, selectField, type FormState } from '../../../kernel/web/forms.ts';
import { AUTONYMS, PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import type { OrganisationChoice } from '../use-cases/list-grant-choices.ts';

const PERSON_FIELDS = ['fullName', 'email', 'preferredLocale', 'isActive', 'isPlatformAdmin', 'organisationId', 'roleKey', 'membershipId'] as const;

/** The labels of the person and membership fields, in the reader's language. */
export function personFieldLabels(req: FastifyRequest): Record<string, string> {
  return Object.fromEntries(PERSON_FIELDS.map((f) => [f, req.t(`accounts.staff.people.fields.${f}`)]));
}

/** A select of organisations labelled with their region when they span several. */
export function organisationChoices(organisations: OrganisationChoice[], regionName: (code: string) => string): { value: string; label: string }[] {
  const isMultiRegion = new Set(organisations.map((o) => o.regionCode)).size > 1;
  return organisations.map((o) => ({ value: o.id, label: isMultiRegion ? `${o.name} (${regionName(o.regionCode)})` : o.name }));
}

/** The form that creates a person and their first membership; the person then receives an invitation. */
export function newPersonFormView(
  req: FastifyRequest,
  options: { state: FormState; organisations: { value: string; label: string }[]; roles: RoleDef[]; canSetPlatformAdmin: boolean },
): SafeHtml {
  const t = req.t;
  const labels = personFieldLabels(req);
  const { state } = options;
  return html`<h1 class="cv-page-title">${t('accounts.staff.people.new')}</h1>
    ${errorSummary(req, state, labels)}
    <p>${t('accounts.staff.people.hints.invitation')}</p>
    <p class="small">${t('forms.requiredNote')}</p>
    <form method="post" action="${href(req, '/admin/people')}" novalidate>
      ${csrfField(req)}
      ${inputField(req, state, { name: 'fullName', label: labels.fullName!, isRequired: true, maxLength: 200, autocomplete: 'off' })}
      ${inputField(req, state, { name: 'email', label: labels.email!, type: 'email', isRequired: true, maxLength: 254, autocomplete: 'off' })}
      ${localeSelect(req, state)}
      <fieldset class="mb-3"><legend class="h6">${t('accounts.staff.people.firstMembership')}</legend>
        ${selectField(req, state, { name: 'organisationId', label: labels.organisationId!, isRequired: !options.canSetPlatformAdmin, placeholder: t('accounts.staff.common.choose'), choices: options.organisations })}
        ${selectField(req, state, {
          name: 'roleKey',
          label: labels.roleKey!,
          isRequired: !options.canSetPlatformAdmin,
          placeholder: t('accounts.staff.common.choose'),
          choices: options.roles.map((r) => ({ value: r.key, label: t(r.labelKey) })),
        })}
      </fieldset>
      ${options.canSetPlatformAdmin ? checkboxField(req, state, { name: 'isPlatformAdmin', label: labels.isPlatformAdmin!, hint: t('accounts.staff.people.hints.isPlatformAdmin') }) : ''}
      <div class="mt-4">
        <button type="submit" class="btn btn-primary">${t('accounts.staff.people.createAndInvite')}</button>
        <a class="btn btn-outline-secondary" href="${href(req, '/admin/people')}">${t('forms.cancel')}</a>
      </div>
    </form>`;
}

/** The form that changes a person's name, e-mail, language and status. */
export function editPersonFormView(req: FastifyRequest, options: { personId: string; title: string; state: FormState; canSetPlatformAdmin: boolean }): SafeHtml {
  const t = req.t;
  const labels = personFieldLabels(req);
  const { state } = options;
  return html`<h1 class="cv-page-title">${options.title}</h1>
    ${errorSummary(req, state, labels)}
    <p class="small">${t('forms.requiredNote')}</p>
    <form method="post" action="${href(req, `/admin/people/${options.personId}`)}" novalidate>
      ${csrfField(req)}
      ${inputField(req, state, { name: 'fullName', label: labels.fullName!, isRequired: true, maxLength: 200, autocomplete: 'off' })}
      ${inputField(req, state, { name: 'email', label: labels.email!, type: 'email', isRequired: true, maxLength: 254, autocomplete: 'off' })}
      ${localeSelect(req, state)}
      ${checkboxField(req, state, { name: 'isActive', label: labels.isActive!, hint: t('accounts.staff.people.hints.isActive') })}
      ${options.canSetPlatformAdmin ? checkboxField(req, state, { name: 'isPlatformAdmin', label: labels.isPlatformAdmin!, hint: t('accounts.staff.people.hints.isPlatformAdmin') }) : ''}
      <div class="mt-4">
        <button type="submit" class="btn btn-primary">${t('forms.save')}</button>
        <a class="btn btn-outline-secondary" href="${href(req, `/admin/people/${options.personId}`)}">${t('forms.cancel')}</a>
      </div>
    </form>`;
}

function localeSelect(req: FastifyRequest, state: FormState): SafeHtml {
  return selectField(req, state, {
    name: 'preferredLocale',
    label: req.t('accounts.staff.people.fields.preferredLocale'),
    isRequired: true,
    hint: req.t('accounts.staff.people.hints.preferredLocale'),
    choices: PUBLIC_LOCALES.map((l) => ({ value: l, label: AUTONYMS[l] })),
  });
}
