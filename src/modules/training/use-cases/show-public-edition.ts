import { NotFoundError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { territory, type Region } from '../../territory/index.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { peopleRepository, type OrganisationChoice } from '../data/people-repository.ts';
import type { Edition, Path, Session } from '../data/records.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { isUuid } from './access.ts';

/** An edition's public page: the path, the calendar (places, not links) and what the form offers. */
export interface PublicEdition {
  edition: Edition;
  path: Path;
  sessions: Session[];
  regions: Region[];
  organisations: OrganisationChoice[];
}

/** Loads an edition past its draft for the public; trainers and participants are never part of it. */
export async function showPublicEdition(options: { ctx: ModuleContext; editionId: string }): Promise<PublicEdition> {
  const { db } = options.ctx;
  const edition = isUuid(options.editionId) ? await editionRepository.find(db, options.editionId) : null;
  const path = edition && edition.state !== 'draft' ? await pathRepository.find(db, edition.pathId) : null;
  if (!edition || !path) throw new NotFoundError();
  const sessions = (await sessionRepository.listByEdition(db, edition.id)).map((s) => ({ ...s, onlineUrl: null, trainerPersonId: null }));
  return { edition: { ...edition, trainerIds: [] }, path: { ...path, trainerIds: [] }, sessions, regions: await territory.listRegions(db), organisations: await peopleRepository.listOrganisations(db) };
}
