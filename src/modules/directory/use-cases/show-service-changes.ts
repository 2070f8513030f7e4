import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { metadataRepository, type MetadataEntry } from '../data/metadata-repository.ts';
import { serviceRepository } from '../data/service-repository.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { taxonomyRepository } from '../data/taxonomy-repository.ts';
import { diffFlat, flattenSnapshot, type FieldChange } from '../domain/flatten.ts';
import { flattenWorkingCopy } from './apply-service-edit.ts';
import { loadVisibleService, type VisibleService } from './service-access.ts';

/** What changed in a service since it was last published. */
export interface ServiceChanges extends VisibleService {
  isNeverPublished: boolean;
  /** Field by field, from the published snapshot to the working copy. */
  changes: FieldChange[];
  /** The HSDS metadata rows recorded since the last publication (all of them when never published). */
  history: MetadataEntry[];
}

/** Compares the published version of a service with its working copy, for the editor's review. */
export async function showServiceChanges(options: { db: Db; actor: Actor; serviceId: string }): Promise<ServiceChanges> {
  const { db } = options;
  const visible = await loadVisibleService(db, options.actor, options.serviceId);
  const id = visible.header.id;
  const row = await serviceRepository.findRow(db, id);
  const published = (row?.published_snapshot as ServiceSnapshot | null) ?? null;
  const codes = await taxonomyRepository.termCodes(db);
  const before = flattenSnapshot(published, (termId) => codes.get(termId) ?? termId);
  const after = await flattenWorkingCopy(db, id, new Date());
  // Verification is not an edit: leave it out of the comparison.
  for (const field of ['last_verified_at', 'assured_date']) {
    delete before[field];
    delete after[field];
  }
  return {
    ...visible,
    isNeverPublished: published === null,
    changes: diffFlat(before, after),
    history: await metadataRepository.listFor(db, [id], { since: visible.header.publishedAt, limit: 200 }),
  };
}
