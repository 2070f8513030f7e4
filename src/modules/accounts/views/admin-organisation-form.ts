import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { checkboxField, errorSummary, inputField, selectField, type FormState } from '../../../kernel/web/forms.ts';

/** The territory and type choices of the organisation form. */
export interface OrganisationFormChoices {
  types: string[];
  regions: { code: string; name: string }[];
  provinces: { code: string; name: string; carCode: string }[];
  municipalities: { code: string; name: string; provinceCode: string }[];
}

/** The organisation form's fields, in order. */
export const ORGANISATION_FORM_FIELDS = ['name', 'type', 'regionCode', 'provinceCode', 'municipalityCode', 'taxCode', 'ipaCode', 'email', 'website', 'isActive'] as const;

/** The labels of the organisation form's fields, in the reader's language. */
export function organisationFieldLabels(req: FastifyRequest): Record<string, string> {
  return Object.fromEntries(ORGANISATION_FORM_FIELDS.map((f) => [f, req.t(`accounts.staff.organisations.fields.${f}`)]));
}

/**
 * The create or edit form of an organisation; "update lists" narrows provinces and municipalities without
 * JavaScript. A hidden copy of "save" comes first so that Enter in a field saves rather than refreshes.
 */
export function organisationFormView(
  req: FastifyRequest,
  options: { title: string; action: string; cancel: string; state: FormState; choices: OrganisationFormChoices },
): SafeHtml {
  const t = req.t;
  const { state, choices } = options;
  const labels = organisationFieldLabels(req);
  const carOf = new Map(choices.provinces.map((p) => [p.code, p.carCode]));
  return html`<h1 class="cv-page-title">${options.title}</h1>
    ${errorSummary(req, state, labels)}
    <p class="small">${t('forms.requiredNote')}</p>
    <form method="post" action="${options.action}" novalidate>
      ${csrfField(req)}
      <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">${t('forms.save')}</button>
      ${inputField(req, state, { name: 'name', label: labels.name!, isRequired: true, maxLength: 200, autocomplete: 'organization' })}
      ${selectField(req, state, {
        name: 'type',
        label: labels.type!,
        isRequired: true,
        placeholder: t('accounts.staff.common.choose'),
        choices: choices.types.map((type) => ({ value: type, label: t(`accounts.organisationTypes.${type}`) })),
      })}
      <fieldset class="mb-3">
        <legend class="h6">${t('accounts.staff.organisations.placement')}</legend>
        <p class="small" id="placement-hint">${t('accounts.staff.organisations.hints.placement')}</p>
        ${selectField(req, state, {
          name: 'regionCode',
          label: labels.regionCode!,
          isRequired: true,
          placeholder: t('accounts.staff.common.choose'),
          choices: choices.regions.map((r) => ({ value: r.code, label: r.name })),
        })}
        ${selectField(req, state, {
          name: 'provinceCode',
          label: labels.provinceCode!,
          placeholder: t('accounts.staff.common.none'),
          choices: choices.provinces.map((p) => ({ value: p.code, label: `${p.name} (${p.carCode})` })),
        })}
        ${selectField(req, state, {
          name: 'municipalityCode',
          label: labels.municipalityCode!,
          placeholder: t('accounts.staff.common.none'),
          hint: choices.municipalities.length === 0 ? t('accounts.staff.organisations.hints.chooseRegionFirst') : undefined,
          choices: choices.municipalities.map((m) => ({ value: m.code, label: `${m.name} (${carOf.get(m.provinceCode) ?? m.provinceCode})` })),
        })}
        <button type="submit" name="_refresh" value="1" class="btn btn-outline-secondary btn-sm" formnovalidate>${t('accounts.staff.common.updateLists')}</button>
      </fieldset>
      ${inputField(req, state, { name: 'taxCode', label: labels.taxCode!, maxLength: 16, hint: t('accounts.staff.organisations.hints.taxCode') })}
      ${inputField(req, state, { name: 'ipaCode', label: labels.ipaCode!, maxLength: 20, hint: t('accounts.staff.organisations.hints.ipaCode') })}
      ${inputField(req, state, { name: 'email', label: labels.email!, type: 'email', autocomplete: 'email', maxLength: 254 })}
      ${inputField(req, state, { name: 'website', label: labels.website!, type: 'url', autocomplete: 'url', maxLength: 300, hint: t('accounts.staff.organisations.hints.website') })}
      ${checkboxField(req, state, { name: 'isActive', label: labels.isActive!, hint: t('accounts.staff.organisations.hints.isActive') })}
      <div class="mt-4">
        <button type="submit" class="btn btn-primary">${t('forms.save')}</button>
        <a class="btn btn-outline-secondary" href="${href(req, options.cancel)}">${t('forms.cancel')}</a>
      </div>
    </form>`;
}
