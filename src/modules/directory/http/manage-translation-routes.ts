import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { pickText } from '../../../kernel/i18n/content.ts';
import { AUTONYMS, isLocale, type Locale } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { emptyForm, type FormState } from '../../../kernel/web/forms.ts';
import { href, sendPage } from '../../../kernel/web/layout.ts';
import { serviceRepository } from '../data/service-repository.ts';
import { servicePartsRepository } from '../data/service-parts-repository.ts';
import { SERVICE_TEXT_FIELDS } from '../domain/flatten.ts';
import { listTranslationGaps } from '../use-cases/list-translation-gaps.ts';
import { saveServiceTranslation, type TranslationInput } from '../use-cases/save-service-translation.ts';
import { loadServiceFor } from '../use-cases/service-access.ts';
import { MANAGE, manageCrumbs, servicePath } from '../views/manage-components.ts';
import { translationFormView, translationListView, type TranslationRow } from '../views/manage-translations.ts';
import { actorOf, attempt, formBody, PAGE_SIZE, pageNumber, queryText, requireDirectoryStaff } from './guards.ts';

type Params = { id: string; locale?: string };

const LONG_FIELDS = new Set(['description', 'eligibility_description', 'application_process', 'fees_description', 'interpretation_services', 'alert']);
const FIELD_LABEL: Record<string, string> = {
  name: 'name',
  alternate_name: 'alternateName',
  description: 'description',
  eligibility_description: 'eligibility',
  application_process: 'applicationProcess',
  fees_description: 'feesDescription',
  interpretation_services: 'interpretationServices',
  alert: 'alert',
};

function readInput(body: Record<string, unknown>, rows: TranslationRow[]): TranslationInput {
  const input: TranslationInput = { fields: {}, documents: {} };
  for (const row of rows) {
    const value = body[`value_${row.key}`];
    if (typeof value !== 'string') continue;
    const entry = { value, status: body[`status_${row.key}`] === 'machine' ? ('machine' as const) : ('reviewed' as const) };
    if (row.key.startsWith('document_')) input.documents[row.key.slice('document_'.length)] = entry;
    else input.fields[row.key as keyof TranslationInput['fields']] = entry;
  }
  return input;
}

/** The translators' view: what is missing or outdated per language, and the form to translate a service. */
export function registerTranslationPages(app: FastifyInstance, ctx: ModuleContext): void {
  const guarded = { preHandler: requireDirectoryStaff };

  app.get('/:lang/directory/manage/translations', guarded, async (req, reply) => {
    const asked = queryText(req, 'language');
    const locale: Locale = isLocale(asked) ? asked : req.locale === 'it' ? 'en' : req.locale;
    const page = pageNumber(req);
    const { items, total } = await listTranslationGaps({ db: ctx.db, actor: actorOf(req), locale, page, pageSize: PAGE_SIZE });
    return sendPage(reply, req, {
      title: req.t('directory.staff.translations.title'),
      audience: 'staff',
      breadcrumbs: manageCrumbs(req),
      body: translationListView(req, { locale, items, total, page, perPage: PAGE_SIZE }),
    });
  });

  app.get<{ Params: Params }>('/:lang/directory/manage/services/:id/translations', guarded, async (req, reply) => {
    const { header } = await loadServiceFor(ctx.db, actorOf(req), req.params.id, 'canTranslate');
    const target = header.originalLocale === 'en' ? 'it' : 'en';
    return reply.redirect(href(req, servicePath(header.id, `/translations/${target}`)), 303);
  });

  // The service, the language asked for, and every text of the service that has an original to translate.
  async function load(req: FastifyRequest<{ Params: Params }>) {
    const { header } = await loadServiceFor(ctx.db, actorOf(req), req.params.id, 'canTranslate');
    const locale = req.params.locale;
    const original = header.originalLocale;
    if (!isLocale(locale) || locale === original || !isLocale(original)) throw new NotFoundError();
    const row = (await serviceRepository.findRow(ctx.db, header.id))!;
    const documents = await servicePartsRepository.listDocuments(ctx.db, header.id);
    const rows: TranslationRow[] = [
      ...SERVICE_TEXT_FIELDS.filter((f) => row[f]?.[original]).map((f) => ({
        key: f,
        label: req.t(`directory.staff.fields.${FIELD_LABEL[f]}`),
        text: row[f]!,
        isLong: LONG_FIELDS.has(f),
      })),
      ...documents
        .filter((d) => d.document?.[original])
        .map((d, index) => ({ key: `document_${d.id}`, label: req.t('directory.staff.translations.document', { n: index + 1 }), text: d.document!, isLong: false })),
    ];
    return { header, locale, original, rows };
  }

  async function render(req: FastifyRequest<{ Params: Params }>, reply: FastifyReply, state: FormState | null, status = 200) {
    const { header, locale, original, rows } = await load(req);
    const name = pickText(header.name, req.locale)?.value ?? '';
    return sendPage(reply, req, {
      title: req.t('directory.staff.translations.formTitle', { language: AUTONYMS[locale] }),
      audience: 'staff',
      status,
      breadcrumbs: manageCrumbs(req, { label: req.t('directory.staff.translations.title'), path: `${MANAGE}/translations?language=${locale}` }, { label: name, path: servicePath(header.id) }),
      body: translationFormView(req, { serviceId: header.id, serviceName: header.name, locale, originalLocale: original, rows, state: state ?? emptyForm() }),
    });
  }

  app.get<{ Params: Params }>('/:lang/directory/manage/services/:id/translations/:locale', guarded, async (req, reply) => render(req, reply, null));

  app.post<{ Params: Params }>('/:lang/directory/manage/services/:id/translations/:locale', guarded, async (req, reply) => {
    const body = formBody(req);
    const { locale, rows } = await load(req);
    const result = await attempt(() => saveServiceTranslation({ db: ctx.db, actor: actorOf(req), serviceId: req.params.id, locale, input: readInput(body, rows) }));
    if (result.errors) return render(req, reply, { values: body, errors: result.errors }, 422);
    return reply.redirect(`${href(req, servicePath(req.params.id, `/translations/${locale}`))}?done=${result.value.length ? 'translated' : 'unchanged'}`, 303);
  });
}
