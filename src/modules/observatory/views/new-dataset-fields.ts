import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { errorSummary, inputField, selectField, textareaField, type FormState } from '../../../kernel/web/forms.ts';
import { FREQUENCIES, LICENCES } from '../reference/catalogue.ts';

/** The labels of the new dataset's fields, for the form and its error summary. */
export function newDatasetLabels(req: FastifyRequest): Record<string, string> {
  const t = req.t;
  return {
    title_it: t('observatory.staff.metadata.titleIt'),
    title_en: t('observatory.staff.metadata.titleEn'),
    description_it: t('observatory.staff.metadata.descriptionIt'),
    description_en: t('observatory.staff.metadata.descriptionEn'),
    key: t('observatory.staff.metadata.key'),
    source: t('observatory.staff.metadata.source'),
    source_url: t('observatory.staff.metadata.sourceUrl'),
    licence: t('observatory.staff.metadata.licence'),
    attribution: t('observatory.staff.metadata.attribution'),
    frequency: t('observatory.staff.metadata.frequency'),
  };
}

/** The fields describing a dataset an import creates (title and description in Italian and English, source, licence…). */
export function newDatasetFields(req: FastifyRequest, state: FormState): SafeHtml {
  const t = req.t;
  const labels = newDatasetLabels(req);
  return html`${errorSummary(req, state, labels)}
    ${inputField(req, state, { name: 'title_it', label: labels.title_it!, isRequired: true, maxLength: 300 })}
    ${inputField(req, state, { name: 'title_en', label: labels.title_en!, maxLength: 300 })}
    ${textareaField(req, state, { name: 'description_it', label: labels.description_it!, rows: 3 })}
    ${textareaField(req, state, { name: 'description_en', label: labels.description_en!, rows: 3 })}
    ${inputField(req, state, { name: 'key', label: labels.key!, hint: t('observatory.staff.metadata.keyHint'), maxLength: 80 })}
    ${inputField(req, state, { name: 'source', label: labels.source!, isRequired: true, maxLength: 500 })}
    ${inputField(req, state, { name: 'source_url', label: labels.source_url!, type: 'url', maxLength: 500 })}
    ${selectField(req, state, { name: 'licence', label: labels.licence!, isRequired: true, choices: Object.keys(LICENCES).map((l) => ({ value: l, label: l })) })}
    ${inputField(req, state, { name: 'attribution', label: labels.attribution!, isRequired: true, maxLength: 300, hint: t('observatory.staff.metadata.attributionHint') })}
    ${selectField(req, state, { name: 'frequency', label: labels.frequency!, isRequired: true, choices: FREQUENCIES.map((f) => ({ value: f, label: t(`observatory.staff.frequencies.${f}`) })) })}`;
}
