import type { Db } from '../../../kernel/db/database.ts';
import { territory } from '../../territory/index.ts';
import { onPublicationChange } from '../data/repository.ts';
import { searchRepository } from '../data/search-repository.ts';
import { projectService, type MunicipalitySource } from '../domain/search-projection.ts';

let generation = 0;

/** Grows each time this process changes the projection (caches of the finder compare it). */
export const projectionGeneration = (): number => generation;

/** Territory and taxonomy look-ups shared by the refreshes of one batch. */
interface Lookups {
  municipalities: Map<string, MunicipalitySource | null>;
}

async function municipalitiesOf(trx: Db, codes: string[], lookups: Lookups): Promise<Map<string, MunicipalitySource>> {
  const out = new Map<string, MunicipalitySource>();
  for (const code of new Set(codes)) {
    if (!lookups.municipalities.has(code)) {
      const municipality = await territory.findMunicipality(trx, code);
      const province = municipality ? await territory.findProvince(trx, municipality.provinceCode) : null;
      lookups.municipalities.set(code, municipality ? { name: municipality.name, provinceCode: municipality.provinceCode, carCode: province?.carCode ?? '' } : null);
    }
    const found = lookups.municipalities.get(code);
    if (found) out.set(code, found);
  }
  return out;
}

async function refresh(trx: Db, serviceId: string, lookups: Lookups, withWords: boolean): Promise<void> {
  const service = await searchRepository.lockService(trx, serviceId);
  generation++;
  if (!service || !service.isPublic || !service.snapshot) {
    await searchRepository.replaceRows(trx, serviceId, [], { withWords });
    return;
  }
  const snapshot = service.snapshot;
  const organisation = await searchRepository.findOrganisation(trx, snapshot.service.organization_id ?? service.organisationId);
  if (!organisation) throw new Error(`organisation of public service ${serviceId} not found`);
  const locations = await searchRepository.listLocations(trx, [...new Set(snapshot.serviceAtLocations.map((s) => s.location_id))]);
  const municipalities = await municipalitiesOf(trx, locations.map((l) => l.municipalityCode).filter((c): c is string => c !== null), lookups);
  const terms = await searchRepository.listTermsWithAncestors(trx, snapshot.attributes.filter((a) => a.link_entity === 'service').map((a) => a.taxonomy_term_id));
  const rows = projectService({ snapshot, organisation, locations: new Map(locations.map((l) => [l.id, l])), municipalities, terms });
  await searchRepository.replaceRows(trx, serviceId, rows, { withWords });
}

/**
 * Rewrites the finder's rows of one service inside the caller's transaction: the rows of its published
 * snapshot with its organisation and locations as they are now, or none when it is not public.
 */
export async function refreshSearchProjection(trx: Db, serviceId: string): Promise<void> {
  await refresh(trx, serviceId, { municipalities: new Map() }, true);
}

const BATCH = 100;

/** Brings the projection in step with the published services (e.g. services loaded before the finder listened). */
export async function bringSearchProjectionUpToDate(db: Db): Promise<number> {
  const ids = await searchRepository.listOutOfStep(db);
  const lookups: Lookups = { municipalities: new Map() };
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    await db.transaction().execute(async (trx) => {
      for (const id of batch) await refresh(trx, id, lookups, false);
      await searchRepository.addWordsOf(trx, batch);
    });
  }
  return ids.length;
}

// Every publish, archive, restore and edit of what the public sees refreshes the finder in the same transaction.
onPublicationChange(refreshSearchProjection);
