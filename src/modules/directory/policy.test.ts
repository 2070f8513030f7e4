import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../kernel/auth/actor.ts';
import { DIRECTORY_ROLES } from './permissions.ts';
import { abilitiesFor, canCreateServiceFor, canEnterDirectoryStaff, organisationAbilitiesFor, organisationReachOf, readReachOf, type ServiceScope } from './policy.ts';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const REGION_ORG = '00000000-0000-4000-8000-0000000000ee';

function actorWith(roleKey: string | null, organisationId: string, regionCode: string, isPlatformAdmin = false): Actor {
  const role = DIRECTORY_ROLES.find((r) => r.key === roleKey);
  const grants: Grant[] = (role?.permissions ?? []).map((permission) => ({ permission, scope: role!.scope, organisationId, regionCode }));
  return { personId: 'p', name: 'P', email: 'p@example.org', isPlatformAdmin, hasTotp: false, memberships: [], grants };
}

const service = (state: ServiceScope['workflowState'], organisationId = ORG_A, regionCode = '08'): ServiceScope => ({ accountOrganisationId: organisationId, regionCode, workflowState: state });

describe('directory policy', () => {
  const operatorA = actorWith('directory_operator', ORG_A, '08');
  const editor08 = actorWith('directory_editor', REGION_ORG, '08');
  const translator08 = actorWith('directory_translator', REGION_ORG, '08');
  const admin = actorWith(null, REGION_ORG, '08', true);

  it('lets an operator work on their organisation’s services only, and never publish', () => {
    expect(abilitiesFor(operatorA, service('draft'))).toMatchObject({ canRead: true, canUpdate: true, canSubmit: true, canPublish: false, canArchive: false, canVerify: true, canTranslate: true });
    expect(abilitiesFor(operatorA, service('draft', ORG_B))).toMatchObject({ canRead: false, canUpdate: false, canSubmit: false, canVerify: false });
    expect(canCreateServiceFor(operatorA, { accountOrganisationId: ORG_A, regionCode: '08' })).toBe(true);
    expect(canCreateServiceFor(operatorA, { accountOrganisationId: ORG_B, regionCode: '08' })).toBe(false);
  });

  it('lets an editor review and publish across their region, not elsewhere', () => {
    expect(abilitiesFor(editor08, service('in_review', ORG_B))).toMatchObject({ canRead: true, canPublish: true, canSendBack: true, canArchive: true, canSubmit: false });
    expect(abilitiesFor(editor08, service('published', ORG_B))).toMatchObject({ canPublish: false, canSendBack: false, canArchive: true, canRestore: false });
    expect(abilitiesFor(editor08, service('archived'))).toMatchObject({ canUpdate: false, canRestore: true, canArchive: false, canVerify: false });
    expect(abilitiesFor(editor08, service('in_review', ORG_B, '19')).canRead).toBe(false);
    expect(canCreateServiceFor(editor08, { accountOrganisationId: ORG_B, regionCode: '08' })).toBe(false);
  });

  it('lets a translator read and translate in their region only', () => {
    expect(abilitiesFor(translator08, service('published'))).toMatchObject({ canRead: true, canTranslate: true, canUpdate: false, canPublish: false, canVerify: false });
    expect(abilitiesFor(translator08, service('published', ORG_A, '19')).canRead).toBe(false);
  });

  it('gives a platform administrator everything, and nobody else any directory page without a grant', () => {
    expect(abilitiesFor(admin, service('in_review', ORG_B, '19'))).toMatchObject({ canRead: true, canPublish: true, canSubmit: false });
    expect(readReachOf(admin)).toEqual({ all: true });
    expect(canEnterDirectoryStaff(actorWith(null, ORG_A, '08'))).toBe(false);
    expect(canEnterDirectoryStaff(translator08)).toBe(true);
    expect(canEnterDirectoryStaff(null)).toBe(false);
  });

  it('computes where a person may list services', () => {
    expect(readReachOf(operatorA)).toEqual({ all: false, regionCodes: [], organisationIds: [ORG_A] });
    expect(readReachOf(editor08)).toEqual({ all: false, regionCodes: ['08'], organisationIds: [] });
  });

  it('lets operators edit their organisation’s profile and editors their region’s, translators only read them', () => {
    const orgA = { accountOrganisationId: ORG_A, regionCode: '08' };
    const orgB = { accountOrganisationId: ORG_B, regionCode: '08' };
    const directoryOnly = { accountOrganisationId: null, regionCode: '08' };
    expect(organisationAbilitiesFor(operatorA, orgA)).toEqual({ canRead: true, canUpdate: true });
    expect(organisationAbilitiesFor(operatorA, orgB)).toEqual({ canRead: false, canUpdate: false });
    expect(organisationAbilitiesFor(operatorA, directoryOnly)).toEqual({ canRead: false, canUpdate: false });
    expect(organisationAbilitiesFor(editor08, orgB)).toEqual({ canRead: true, canUpdate: true });
    expect(organisationAbilitiesFor(editor08, directoryOnly)).toEqual({ canRead: true, canUpdate: true });
    expect(organisationAbilitiesFor(editor08, { accountOrganisationId: ORG_B, regionCode: '19' })).toEqual({ canRead: false, canUpdate: false });
    expect(organisationAbilitiesFor(translator08, orgB)).toEqual({ canRead: true, canUpdate: false });
    expect(organisationReachOf(operatorA)).toEqual({ all: false, regionCodes: [], organisationIds: [ORG_A] });
    expect(organisationReachOf(editor08)).toEqual({ all: false, regionCodes: ['08'], organisationIds: [] });
    expect(organisationReachOf(admin)).toEqual({ all: true });
  });
});
