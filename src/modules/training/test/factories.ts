import type { Db } from '../../../kernel/db/database.ts';
import { textFrom } from '../../../kernel/i18n/content.ts';
import { createOrganisation, createPerson, type FactoryPerson } from '../../accounts/test/factories.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { editionRepository, type EditionValues } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { peopleRepository } from '../data/people-repository.ts';
import type { Edition, Path, Session } from '../data/records.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { addDays, localOf } from '../domain/rome-time.ts';
import type { ApplicationStatus, EditionState, Profile, RoleLevel } from '../domain/vocabulary.ts';

let counter = 0;

/** Today in Italy ('YYYY-MM-DD'), the day the tests' calendars are built around. */
export const today = (): string => localOf(new Date()).date;

/** The people of a region's training: a manager (region scope), a trainer and a second, unassigned trainer. */
export interface TrainingStaff {
  manager: FactoryPerson;
  trainer: FactoryPerson;
  otherTrainer: FactoryPerson;
  regionOrganisationId: string;
}

/** Creates a Regione with a training manager, and a cooperative with two trainers. */
export async function createTrainingStaff(db: Db, regionCode = '08'): Promise<TrainingStaff> {
  const region = await createOrganisation(db, { type: 'region', regionCode, name: `Regione ${regionCode} ${++counter}` });
  const coop = await createOrganisation(db, { type: 'third_sector', regionCode, name: `Cooperativa formazione ${++counter}` });
  return {
    manager: await createPerson(db, { memberships: [{ organisationId: region.id, roleKey: 'training_manager' }] }),
    trainer: await createPerson(db, { memberships: [{ organisationId: coop.id, roleKey: 'trainer' }] }),
    otherTrainer: await createPerson(db, { memberships: [{ organisationId: coop.id, roleKey: 'trainer' }] }),
    regionOrganisationId: region.id,
  };
}

/** Creates a path in one or more regions with three competences. */
export async function createPath(db: Db, options: { regionCodes?: string[]; modality?: Path['modality']; trainerIds?: string[] } = {}): Promise<Path> {
  const id = await pathRepository.insert(db, {
    code: `T-${++counter}`,
    title: textFrom({ it: `Percorso di prova ${counter}`, en: `Test path ${counter}` }),
    objectives: textFrom({ it: 'Imparare insieme a lavorare in rete.' }),
    competences: [textFrom({ it: 'Ascoltare' }), textFrom({ it: 'Orientare' }), textFrom({ it: 'Collaborare' })],
    hours: 12,
    modality: options.modality ?? 'in_person',
    regionCodes: options.regionCodes ?? ['08'],
  }, null);
  if (options.trainerIds) await pathRepository.setTrainers(db, id, options.trainerIds);
  return (await pathRepository.find(db, id))!;
}

/** Creates an edition (from 10 days ago to 10 days ahead by default) with three four-hour sessions, in a state. */
export async function createEdition(
  db: Db,
  options: { path: Path; state?: EditionState; trainerIds?: string[]; values?: Partial<EditionValues>; sessionDays?: number[] },
): Promise<{ edition: Edition; sessions: Session[] }> {
  const values: EditionValues = {
    regionCode: options.path.regionCodes[0]!,
    startsOn: addDays(today(), -10),
    endsOn: addDays(today(), 10),
    places: 'Sala corsi, Bologna',
    seats: 20,
    quotas: {},
    minPerProfile: 0,
    groupSize: 4,
    attendanceThreshold: 75,
    ...options.values,
  };
  const id = await editionRepository.insert(db, options.path.id, values);
  await editionRepository.setTrainers(db, id, options.trainerIds ?? []);
  for (const day of options.sessionDays ?? [-7, -3, 0]) {
    await sessionRepository.insert(db, id, {
      date: addDays(today(), day), startsAt: '09:00', endsAt: '13:00', place: 'Sala corsi', onlineUrl: null,
      trainerPersonId: options.trainerIds?.[0] ?? null, topic: textFrom({ it: `Incontro ${day}` }), materials: [],
    });
  }
  if (options.state && options.state !== 'draft') await editionRepository.setState(db, id, options.state, new Date());
  return { edition: (await editionRepository.find(db, id))!, sessions: await sessionRepository.listByEdition(db, id) };
}

/** An applicant's person and application. */
export interface FactoryApplication {
  id: string;
  personId: string;
  email: string;
  fullName: string;
  password: string;
}

/** Creates a person (who can sign in) and their application to an edition, in a status. */
export async function createApplication(
  db: Db,
  options: { edition: Edition; status?: ApplicationStatus; profile?: Profile; organisation?: string; roleLevel?: RoleLevel; regionCode?: string; appliedAt?: Date },
): Promise<FactoryApplication> {
  const person = await createPerson(db);
  const id = await applicationRepository.insert(db, {
    editionId: options.edition.id,
    personId: person.id,
    email: person.email,
    fullName: person.fullName,
    profile: options.profile ?? 'pa_official',
    organisationId: null,
    organisationName: options.organisation ?? `Ente ${++counter}`,
    roleLevel: options.roleLevel ?? 'operator',
    jobTitle: null,
    regionCode: options.regionCode ?? options.edition.regionCode,
    motivation: 'Voglio imparare a lavorare con gli altri servizi.',
    accessibilityEnc: null,
    languages: 'italiano',
    locale: 'it',
    appliedAt: options.appliedAt,
  });
  if (options.status && options.status !== 'received') await applicationRepository.setStatus(db, [id], options.status, new Date());
  return { id, personId: person.id, email: person.email, fullName: person.fullName, password: person.password };
}

/** Creates a class of admitted participants cycling through the given profiles and organisations. */
export async function createClass(db: Db, edition: Edition, size: number, options: { profiles?: Profile[]; organisations?: number } = {}): Promise<FactoryApplication[]> {
  const profiles = options.profiles ?? ['pa_manager', 'pa_official', 'third_sector', 'migrant_association'];
  const out: FactoryApplication[] = [];
  for (let i = 0; i < size; i++) {
    out.push(await createApplication(db, { edition, status: 'admitted', profile: profiles[i % profiles.length], organisation: `Ente ${i % (options.organisations ?? size)}` }));
  }
  return out;
}

/** Whether a person has a password already (an application may have created them without). */
export async function hasPassword(db: Db, personId: string): Promise<boolean> {
  return peopleRepository.hasPassword(db, personId);
}
