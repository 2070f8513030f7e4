import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { textFrom } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { metadataRepository } from '../data/metadata-repository.ts';
import { organisationRepository } from '../data/organisation-repository.ts';
import { serviceRepository } from '../data/service-repository.ts';
import type { ServiceDetailsInput } from '../domain/service-input.ts';
import { canCreateServiceFor } from '../policy.ts';
import { flattenWorkingCopy } from './apply-service-edit.ts';
import { writeServiceDetails } from './write-service-details.ts';
import { diffFlat } from '../domain/flatten.ts';

/** Whose service it is: a directory organisation, or an accounts organisation the person belongs to. */
export type OwnerChoice = { kind: 'directory'; id: string } | { kind: 'account'; id: string };

/** Creates a draft service for an organisation the person may create services for; returns its id. */
export async function createService(options: {
  db: Db;
  actor: Actor;
  owner: OwnerChoice;
  locale: Locale;
  input: ServiceDetailsInput;
  languageNames: ReadonlyMap<string, string>;
  at?: Date;
}): Promise<string> {
  const { actor, owner, locale, input } = options;
  const at = options.at ?? new Date();
  return options.db.transaction().execute(async (trx) => {
    let organisation: { id: string; accountOrganisationId: string | null; regionCode: string } | null = null;
    if (owner.kind === 'account') {
      const membership = actor.memberships.find((m) => m.organisationId === owner.id);
      if (membership && canCreateServiceFor(actor, { accountOrganisationId: membership.organisationId, regionCode: membership.regionCode })) {
        const id = await organisationRepository.ensureForAccount(trx, { id: membership.organisationId, name: membership.organisationName, regionCode: membership.regionCode });
        organisation = { id, accountOrganisationId: membership.organisationId, regionCode: membership.regionCode };
      }
    } else {
      const found = await organisationRepository.find(trx, owner.id);
      if (found && canCreateServiceFor(actor, found)) organisation = found;
    }
    if (!organisation) throw new NotFoundError();
    const serviceId = await serviceRepository.insert(trx, {
      organization_id: organisation.id,
      region_code: organisation.regionCode,
      name: textFrom({ [locale]: input.texts.name }),
      original_locale: locale,
      created_by: actor.personId,
      updated_by: actor.personId,
      created_at: at,
      updated_at: at,
    });
    await writeServiceDetails({ trx, serviceId, locale, input, languageNames: options.languageNames, at });
    await metadataRepository.record(trx, {
      resourceId: serviceId,
      resourceType: 'service',
      actionType: 'create',
      changes: diffFlat({}, await flattenWorkingCopy(trx, serviceId, at)),
      author: { personId: actor.personId, name: actor.name },
      at,
    });
    return serviceId;
  });
}
