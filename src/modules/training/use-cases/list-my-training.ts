import type { Actor } from '../../../kernel/auth/actor.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import type { Application, Edition, Path } from '../data/records.ts';

/** One of a person's applications with its edition and path. */
export interface MyApplication {
  application: Application;
  edition: Edition;
  path: Path;
  hasCertificate: boolean;
}

/** The signed-in person's applications, newest first. */
export async function listMyTraining(options: { ctx: ModuleContext; actor: Actor }): Promise<MyApplication[]> {
  const { db } = options.ctx;
  const out: MyApplication[] = [];
  for (const application of await applicationRepository.listByPerson(db, options.actor.personId)) {
    const edition = await editionRepository.find(db, application.editionId);
    const path = edition ? await pathRepository.find(db, edition.pathId) : null;
    const certificate = await certificateRepository.findByApplication(db, application.id);
    if (edition && path) out.push({ application, edition, path, hasCertificate: certificate !== null && certificate.revokedAt === null });
  }
  return out;
}
