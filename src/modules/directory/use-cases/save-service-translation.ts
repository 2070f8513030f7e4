import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { setText, type TranslatedText } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { metadataRepository } from '../data/metadata-repository.ts';
import { notifyPublicationChange } from '../data/repository.ts';
import { serviceRepository } from '../data/service-repository.ts';
import { servicePartsRepository } from '../data/service-parts-repository.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { translationRepository } from '../data/translation-repository.ts';
import { diffFlat, SERVICE_TEXT_FIELDS, type FieldChange, type ServiceTextField } from '../domain/flatten.ts';
import { flattenWorkingCopy } from './apply-service-edit.ts';
import { loadServiceFor } from './service-access.ts';

/** One translated value sent by the translators' form. */
export interface TranslationEntry {
  value: string;
  status: 'reviewed' | 'machine';
}

/** The form's translations: service fields by name, documents by id. */
export interface TranslationInput {
  fields: Partial<Record<ServiceTextField, TranslationEntry>>;
  documents: Record<string, TranslationEntry>;
}

const originalValue = (text: TranslatedText | null | undefined, locale: string) => text?.[locale as Locale]?.value;

// Applies one entry: an empty value removes the translation; the same value and status changes nothing.
function translate(text: TranslatedText | null, locale: Locale, entry: TranslationEntry | undefined, at: Date): TranslatedText | null {
  if (!text || !entry) return text;
  const current = text[locale];
  if (entry.value.trim() === '') return current ? setText(text, locale, '', entry.status, at) : text;
  if (current && current.value === entry.value.trim() && current.status === entry.status) return text;
  return setText(text, locale, entry.value, entry.status, at);
}

/**
 * Saves translations of a service into one language. A translation is not a new version of the service:
 * the workflow state stays, and a public service gets the translation at once for every text whose
 * original is still the published one.
 */
export async function saveServiceTranslation(options: { db: Db; actor: Actor; serviceId: string; locale: Locale; input: TranslationInput; at?: Date }): Promise<FieldChange[]> {
  const { actor, locale, input } = options;
  const at = options.at ?? new Date();
  const tooLong: FieldError[] = Object.entries(input.fields)
    .filter(([, e]) => e && e.value.length > 5000)
    .map(([field]) => ({ field: `value_${field}`, messageKey: 'validation.maxLength', values: { limit: 5000 } }));
  if (tooLong.length) throw new ValidationError(tooLong);
  return options.db.transaction().execute(async (trx) => {
    await serviceRepository.lock(trx, options.serviceId);
    const { header } = await loadServiceFor(trx, actor, options.serviceId, 'canTranslate');
    if (header.originalLocale === locale) throw new ValidationError([{ field: 'locale', messageKey: 'directory.staff.errors.translateOriginal' }]);
    const row = (await serviceRepository.findRow(trx, header.id))!;
    const before = await flattenWorkingCopy(trx, header.id, at);
    const texts: Partial<Record<ServiceTextField, TranslatedText | null>> = {};
    for (const field of SERVICE_TEXT_FIELDS) if (input.fields[field]) texts[field] = translate(row[field], locale, input.fields[field], at);
    const documents = (await servicePartsRepository.listDocuments(trx, header.id))
      .filter((d) => input.documents[d.id])
      .map((d) => ({ id: d.id, document: translate(d.document, locale, input.documents[d.id], at) }));
    await translationRepository.writeTexts(trx, header.id, texts, documents);
    const changes = diffFlat(before, await flattenWorkingCopy(trx, header.id, at));
    if (changes.length === 0) return changes;
    await metadataRepository.record(trx, { resourceId: header.id, resourceType: 'service', actionType: 'translate', changes, author: { personId: actor.personId, name: actor.name }, at });
    await serviceRepository.update(trx, header.id, { updated_at: at, updated_by: actor.personId });
    const snapshot = row.published_snapshot as ServiceSnapshot | null;
    if (snapshot) {
      const original = header.originalLocale;
      for (const [field, text] of Object.entries(texts) as [ServiceTextField, TranslatedText | null][]) {
        const published = snapshot.service[field];
        if (text && published && originalValue(published, original) === originalValue(text, original)) {
          snapshot.service[field] = text[locale] ? { ...published, [locale]: text[locale] } : Object.fromEntries(Object.entries(published).filter(([l]) => l !== locale));
        }
      }
      for (const doc of documents) {
        const published = snapshot.requiredDocuments.find((d) => d.id === doc.id);
        if (published?.document && doc.document && originalValue(published.document, original) === originalValue(doc.document, original)) {
          published.document = doc.document[locale]
            ? { ...published.document, [locale]: doc.document[locale] }
            : Object.fromEntries(Object.entries(published.document).filter(([l]) => l !== locale));
        }
      }
      await serviceRepository.update(trx, header.id, { published_snapshot: snapshot });
      if (header.isPublic) await notifyPublicationChange(trx, header.id);
    }
    return changes;
  });
}
