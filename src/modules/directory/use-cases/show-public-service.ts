import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { searchRepository, type PublicPlace } from '../data/search-repository.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A service as the public sees it: its published snapshot (never the working copy) and its places. */
export interface PublicService {
  snapshot: ServiceSnapshot;
  places: PublicPlace[];
}

/** Loads a published, not archived service; anything else is "not found". */
export async function showPublicService(options: { db: Db; serviceId: string }): Promise<PublicService> {
  if (!UUID.test(options.serviceId)) throw new NotFoundError();
  const found = await searchRepository.findPublicService(options.db, options.serviceId.toLowerCase());
  if (!found) throw new NotFoundError();
  return found;
}
