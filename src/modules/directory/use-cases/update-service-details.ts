import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { isLocale } from '../../../kernel/i18n/locales.ts';
import type { FieldChange } from '../domain/flatten.ts';
import type { ServiceDetailsInput } from '../domain/service-input.ts';
import { applyServiceEdit } from './apply-service-edit.ts';
import { loadServiceFor } from './service-access.ts';
import { writeServiceDetails } from './write-service-details.ts';

/** Saves the details of a service (texts in its original language); returns the fields that changed. */
export async function updateServiceDetails(options: {
  db: Db;
  actor: Actor;
  serviceId: string;
  input: ServiceDetailsInput;
  languageNames: ReadonlyMap<string, string>;
  at?: Date;
}): Promise<FieldChange[]> {
  const at = options.at ?? new Date();
  return options.db.transaction().execute(async (trx) => {
    const { header } = await loadServiceFor(trx, options.actor, options.serviceId, 'canUpdate');
    const locale = isLocale(header.originalLocale) ? header.originalLocale : 'it';
    return applyServiceEdit({
      trx,
      serviceId: header.id,
      actor: options.actor,
      at,
      edit: () => writeServiceDetails({ trx, serviceId: header.id, locale, input: options.input, languageNames: options.languageNames, at }),
    });
  });
}
