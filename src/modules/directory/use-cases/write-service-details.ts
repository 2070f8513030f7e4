import type { Db } from '../../../kernel/db/database.ts';
import { setText, type TranslatedText } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { serviceRepository } from '../data/service-repository.ts';
import { servicePartsRepository } from '../data/service-parts-repository.ts';
import type { ServiceDetailsInput } from '../domain/service-input.ts';

/** Writes an original-language value into a translated field; an empty value removes the field. */
export function mergeOriginal(text: TranslatedText | null | undefined, locale: Locale, value: string | null, at: Date): TranslatedText | null {
  if (value === null || value.trim() === '') return null;
  return setText(text ?? null, locale, value, 'original', at);
}

/**
 * Writes the details form into a service and the records it owns. Texts are originals in the
 * service's language: changing one marks its translations outdated (kernel content.ts).
 */
export async function writeServiceDetails(options: {
  trx: Db;
  serviceId: string;
  locale: Locale;
  input: ServiceDetailsInput;
  languageNames: ReadonlyMap<string, string>;
  at: Date;
}): Promise<void> {
  const { trx, serviceId, locale, input, at } = options;
  const row = await serviceRepository.findRow(trx, serviceId);
  if (!row) throw new Error(`service ${serviceId} vanished while being written`);
  const t = input.texts;
  await serviceRepository.update(trx, serviceId, {
    name: mergeOriginal(row.name, locale, t.name, at) ?? row.name,
    alternate_name: mergeOriginal(row.alternate_name, locale, t.alternate_name, at),
    description: mergeOriginal(row.description, locale, t.description, at),
    eligibility_description: mergeOriginal(row.eligibility_description, locale, t.eligibility_description, at),
    application_process: mergeOriginal(row.application_process, locale, t.application_process, at),
    interpretation_services: mergeOriginal(row.interpretation_services, locale, t.interpretation_services, at),
    alert: mergeOriginal(row.alert, locale, t.alert, at),
    fees_description: input.isFree ? null : mergeOriginal(row.fees_description, locale, t.fees_description, at),
    status: input.status,
    url: input.url,
    email: input.email,
    is_free: input.isFree,
    minimum_age: input.minimumAge,
    maximum_age: input.maximumAge,
  });
  const documents = await servicePartsRepository.listDocuments(trx, serviceId);
  await servicePartsRepository.replaceDocuments(
    trx,
    serviceId,
    input.documents.map((value, index) => mergeOriginal(documents[index]?.document, locale, value, at)!),
  );
  const phones = await servicePartsRepository.listPhones(trx, serviceId);
  await servicePartsRepository.replacePhones(
    trx,
    serviceId,
    input.phones.map((p, index) => ({ number: p.number, description: mergeOriginal(phones[index]?.description, locale, p.description, at) })),
  );
  await servicePartsRepository.replaceLanguages(
    trx,
    serviceId,
    input.languages.map((code) => ({ code, name: options.languageNames.get(code) ?? code })),
  );
  await servicePartsRepository.replaceNeeds(trx, serviceId, input.needs);
}
