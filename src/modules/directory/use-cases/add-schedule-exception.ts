import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { textFrom } from '../../../kernel/i18n/content.ts';
import { isLocale } from '../../../kernel/i18n/locales.ts';
import { servicePartsRepository } from '../data/service-parts-repository.ts';
import type { ExceptionFormInput } from '../domain/hours-input.ts';
import { applyServiceEdit } from './apply-service-edit.ts';
import { loadServiceFor } from './service-access.ts';

/** Adds a closure (e.g. a holiday) or a period of special hours to a service. */
export async function addScheduleException(options: { db: Db; actor: Actor; serviceId: string; input: ExceptionFormInput; at?: Date }): Promise<void> {
  const at = options.at ?? new Date();
  const { input } = options;
  await options.db.transaction().execute(async (trx) => {
    const { header } = await loadServiceFor(trx, options.actor, options.serviceId, 'canUpdate');
    const locale = isLocale(header.originalLocale) ? header.originalLocale : 'it';
    await applyServiceEdit({
      trx,
      serviceId: header.id,
      actor: options.actor,
      at,
      edit: async () => {
        await servicePartsRepository.insertException(trx, header.id, { ...input, reason: input.reason ? textFrom({ [locale]: input.reason }) : null });
      },
    });
  });
}
