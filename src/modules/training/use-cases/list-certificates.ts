import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import type { Certificate } from '../data/records.ts';
import { isUuid, loadEditionFor, type EditionAccess } from './access.ts';

/** An edition's certificates for its managers. */
export interface CertificateList extends EditionAccess {
  editionId: string;
  certificates: Certificate[];
}

/** Lists the certificates of an edition (given directly, or through one of its certificates). */
export async function listCertificates(options: { ctx: ModuleContext; actor: Actor; editionId?: string; certificateId?: string }): Promise<CertificateList> {
  const { db } = options.ctx;
  let editionId = options.editionId;
  if (!editionId && options.certificateId && isUuid(options.certificateId)) editionId = (await certificateRepository.find(db, options.certificateId))?.editionId;
  if (!editionId) throw new NotFoundError();
  const access = await loadEditionFor(db, options.actor, editionId, 'manage');
  return { ...access, editionId: access.edition.id, certificates: await certificateRepository.listByEdition(db, access.edition.id) };
}
