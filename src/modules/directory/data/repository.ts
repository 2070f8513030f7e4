import type { Kysely } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { DirectoryTables } from './tables.ts';

export type * from './tables.ts';

/** Narrows the shared client to this module's tables. */
export const directoryDb = (db: Db) => db as unknown as Kysely<DirectoryTables>;

/** Reacts, inside the same transaction, to a service becoming public, changing publicly, or leaving the public side. */
export type PublicationListener = (trx: Db, serviceId: string) => Promise<void>;

const publicationListeners = new Set<PublicationListener>();

/** Registers a listener (the public finder's projection); returns a function that removes it. */
export function onPublicationChange(listener: PublicationListener): () => void {
  publicationListeners.add(listener);
  return () => publicationListeners.delete(listener);
}

/**
 * Tells every listener that what the public sees of a service may have changed: called on publish,
 * archive and unpublish, and when the organisation or a location of a public service changes.
 */
export async function notifyPublicationChange(trx: Db, serviceId: string): Promise<void> {
  for (const listener of publicationListeners) await listener(trx, serviceId);
}
