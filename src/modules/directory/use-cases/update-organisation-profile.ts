import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { isLocale, type Locale } from '../../../kernel/i18n/locales.ts';
import { metadataRepository } from '../data/metadata-repository.ts';
import { organisationRepository } from '../data/organisation-repository.ts';
import { notifyPublicationChange } from '../data/repository.ts';
import { diffFlat, flattenOrganisation, type FieldChange } from '../domain/flatten.ts';
import type { OrganisationProfileInput } from '../domain/organisation-input.ts';
import { loadOrganisationFor } from './organisation-access.ts';
import { mergeOriginal } from './write-service-details.ts';

/**
 * Saves an organisation's directory profile (texts in its original language) and returns the fields that
 * changed. Organisations are not frozen in the services' published snapshots: the change is logged on the
 * organisation and every public service of it is refreshed on the public side in the same transaction.
 */
export async function updateOrganisationProfile(options: { db: Db; actor: Actor; organisationId: string; input: OrganisationProfileInput; at?: Date }): Promise<FieldChange[]> {
  const at = options.at ?? new Date();
  const { actor, input } = options;
  return options.db.transaction().execute(async (trx) => {
    const { profile } = await loadOrganisationFor(trx, actor, options.organisationId, 'canUpdate');
    await organisationRepository.lock(trx, profile.id);
    const current = (await organisationRepository.findProfile(trx, profile.id))!;
    const locale: Locale = isLocale(current.originalLocale) ? current.originalLocale : 'it';
    const values = {
      name: mergeOriginal(current.name, locale, input.texts.name, at) ?? current.name,
      alternateName: mergeOriginal(current.alternateName, locale, input.texts.alternate_name, at),
      description: mergeOriginal(current.description, locale, input.texts.description, at),
      email: input.email,
      website: input.website,
      taxId: input.taxId,
      yearIncorporated: input.yearIncorporated,
      legalStatus: input.legalStatus,
      // The form edits the first two phones; further ones (from an HSDS import) are kept as they are.
      phones: [
        ...input.phones.map((p, index) => ({ number: p.number, description: mergeOriginal(current.phones[index]?.description, locale, p.description, at) })),
        ...current.phones.slice(2),
      ],
      at,
    };
    const changes = diffFlat(flattenOrganisation(current), flattenOrganisation(values));
    // Saving the same values again must not move the organisation's last-modified date (HSDS modified_after).
    if (changes.length === 0) return changes;
    await organisationRepository.updateProfile(trx, current.id, values);
    await metadataRepository.record(trx, { resourceId: current.id, resourceType: 'organization', actionType: 'update', changes, author: { personId: actor.personId, name: actor.name }, at });
    for (const serviceId of await organisationRepository.listPublicServiceIds(trx, current.id)) await notifyPublicationChange(trx, serviceId);
    return changes;
  });
}
