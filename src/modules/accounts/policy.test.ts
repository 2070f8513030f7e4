import { describe, expect, it } from 'vitest';
import type { Actor, Grant, RoleDef } from '../../kernel/auth/actor.ts';
import { ACCOUNTS_ROLES } from './permissions.ts';
import {
  canCreateOrganisation,
  canEditPersonProfile,
  canEnterAdministration,
  canGrantRole,
  canReadAuditEntry,
  canReadOrganisation,
  canReadPerson,
  canSetPlatformAdmin,
  canUpdateOrganisation,
  creatableOrganisationTypes,
  grantableRoles,
} from './policy.ts';

const ER = { id: 'org-regione-er', type: 'region', regionCode: '08' };
const BOLOGNA = { id: 'org-bologna', type: 'municipality', regionCode: '08' };
const MODENA = { id: 'org-modena', type: 'municipality', regionCode: '08' };
const SICILIA = { id: 'org-regione-sic', type: 'region', regionCode: '19' };
const PALERMO = { id: 'org-palermo', type: 'municipality', regionCode: '19' };

const role = (key: string): RoleDef => ACCOUNTS_ROLES.find((r) => r.key === key)!;

function actorWith(memberships: { org: { id: string; regionCode: string }; role: RoleDef }[], isPlatformAdmin = false): Actor {
  const grants: Grant[] = memberships.flatMap(({ org, role: r }) =>
    r.permissions.map((permission) => ({ permission, scope: r.scope, organisationId: org.id, regionCode: org.regionCode })),
  );
  return {
    personId: 'actor',
    name: 'Actor',
    email: 'actor@example.org',
    isPlatformAdmin,
    hasTotp: false,
    memberships: memberships.map(({ org, role: r }) => ({ organisationId: org.id, organisationName: org.id, regionCode: org.regionCode, roleKey: r.key })),
    grants,
  };
}

const platformAdmin = actorWith([], true);
const regionAdminEr = actorWith([{ org: ER, role: role('region_admin') }]);
const orgAdminBologna = actorWith([{ org: BOLOGNA, role: role('org_admin') }]);
const staffBologna = actorWith([{ org: BOLOGNA, role: role('staff') }]);
const personIn = (...orgs: { id: string; regionCode: string }[]) => ({ isPlatformAdmin: false, memberships: orgs.map((o) => ({ organisationId: o.id, regionCode: o.regionCode })) });

describe('accounts policy: organisations', () => {
  it('lets an actor see organisations only within reach', () => {
    expect(canReadOrganisation(regionAdminEr, MODENA)).toBe(true);
    expect(canReadOrganisation(regionAdminEr, PALERMO)).toBe(false);
    expect(canReadOrganisation(orgAdminBologna, BOLOGNA)).toBe(true);
    expect(canReadOrganisation(orgAdminBologna, MODENA)).toBe(false);
    expect(canReadOrganisation(platformAdmin, PALERMO)).toBe(true);
  });

  it('lets regional administrators create organisations only in their region, and never regions', () => {
    expect(canCreateOrganisation(regionAdminEr, { type: 'school', regionCode: '08' })).toBe(true);
    expect(canCreateOrganisation(regionAdminEr, { type: 'school', regionCode: '19' })).toBe(false);
    expect(canCreateOrganisation(regionAdminEr, { type: 'region', regionCode: '08' })).toBe(false);
    expect(canCreateOrganisation(orgAdminBologna, { type: 'school', regionCode: '08' })).toBe(false);
    expect(canCreateOrganisation(platformAdmin, { type: 'region', regionCode: '19' })).toBe(true);
    expect(creatableOrganisationTypes(regionAdminEr)).not.toContain('region');
    expect(creatableOrganisationTypes(platformAdmin)).toContain('region');
  });

  it('lets organisation administrators edit their own organisation only', () => {
    expect(canUpdateOrganisation(orgAdminBologna, BOLOGNA)).toBe(true);
    expect(canUpdateOrganisation(orgAdminBologna, MODENA)).toBe(false);
    expect(canUpdateOrganisation(staffBologna, BOLOGNA)).toBe(false);
  });
});

describe('accounts policy: people', () => {
  it('keeps staff members out of administration', () => {
    expect(canEnterAdministration(staffBologna)).toBe(false);
    expect(canEnterAdministration(orgAdminBologna)).toBe(true);
    expect(canEnterAdministration(null)).toBe(false);
  });

  it('shows a person who has at least one membership within reach', () => {
    expect(canReadPerson(orgAdminBologna, personIn(BOLOGNA, PALERMO))).toBe(true);
    expect(canReadPerson(orgAdminBologna, personIn(MODENA))).toBe(false);
    expect(canReadPerson(regionAdminEr, personIn(PALERMO))).toBe(false);
    expect(canReadPerson(regionAdminEr, personIn())).toBe(false);
    expect(canReadPerson(platformAdmin, personIn())).toBe(true);
  });

  it('lets the profile be edited only when every membership is within reach', () => {
    expect(canEditPersonProfile(orgAdminBologna, personIn(BOLOGNA))).toBe(true);
    expect(canEditPersonProfile(orgAdminBologna, personIn(BOLOGNA, MODENA))).toBe(false);
    expect(canEditPersonProfile(regionAdminEr, personIn(BOLOGNA, MODENA))).toBe(true);
    expect(canEditPersonProfile(regionAdminEr, personIn(BOLOGNA, PALERMO))).toBe(false);
    expect(canEditPersonProfile(platformAdmin, personIn(BOLOGNA, PALERMO))).toBe(true);
  });

  it('lets only platform administrators edit or make platform administrators', () => {
    expect(canEditPersonProfile(regionAdminEr, { ...personIn(BOLOGNA), isPlatformAdmin: true })).toBe(false);
    expect(canEditPersonProfile(platformAdmin, { ...personIn(BOLOGNA), isPlatformAdmin: true })).toBe(true);
    expect(canSetPlatformAdmin(regionAdminEr)).toBe(false);
    expect(canSetPlatformAdmin(platformAdmin)).toBe(true);
  });
});

describe('accounts policy: granting roles', () => {
  it('lets an organisation administrator give roles in their organisation only', () => {
    expect(canGrantRole(orgAdminBologna, role('staff'), BOLOGNA)).toBe(true);
    expect(canGrantRole(orgAdminBologna, role('org_admin'), BOLOGNA)).toBe(true);
    expect(canGrantRole(orgAdminBologna, role('staff'), MODENA)).toBe(false);
    expect(canGrantRole(orgAdminBologna, role('region_admin'), BOLOGNA)).toBe(false);
  });

  it('refuses roles the organisation type may not hold', () => {
    expect(canGrantRole(platformAdmin, role('region_admin'), BOLOGNA)).toBe(false);
    expect(canGrantRole(platformAdmin, role('region_admin'), ER)).toBe(true);
  });

  it('keeps regional administrators from appointing regional administrators or acting in another region', () => {
    expect(canGrantRole(regionAdminEr, role('org_admin'), MODENA)).toBe(true);
    expect(canGrantRole(regionAdminEr, role('region_admin'), ER)).toBe(false);
    expect(canGrantRole(regionAdminEr, role('staff'), PALERMO)).toBe(false);
    expect(canGrantRole(regionAdminEr, role('region_admin'), SICILIA)).toBe(false);
    expect(grantableRoles(regionAdminEr, ACCOUNTS_ROLES, BOLOGNA).map((r) => r.key)).toEqual(['org_admin', 'staff']);
  });

  it('lets a regional administrator staff their region with any module role, but not beyond it', () => {
    const analyst: RoleDef = { key: 'analyst', labelKey: 'x', scope: 'organisation', permissions: ['observatory.dataset.publish'] };
    expect(canGrantRole(regionAdminEr, analyst, BOLOGNA)).toBe(true);
    expect(canGrantRole(regionAdminEr, analyst, PALERMO)).toBe(false);
    // An organisation administrator gives only what they hold themselves.
    expect(canGrantRole(orgAdminBologna, analyst, BOLOGNA)).toBe(false);
  });

  it('refuses a role carrying a permission the actor does not hold there', () => {
    const regionalReader: RoleDef = { key: 'regional_reader', labelKey: 'x', scope: 'region', permissions: ['accounts.person.read'] };
    expect(canGrantRole(regionAdminEr, regionalReader, ER)).toBe(true);
    expect(canGrantRole(regionAdminEr, regionalReader, SICILIA)).toBe(false);
    // Holding a permission in one organisation is not holding it over the region.
    expect(canGrantRole(orgAdminBologna, regionalReader, BOLOGNA)).toBe(false);
  });

  it('leaves national roles to platform administrators', () => {
    const national: RoleDef = { key: 'national_reader', labelKey: 'x', scope: 'national', permissions: ['accounts.organisation.read'] };
    expect(canGrantRole(regionAdminEr, national, ER)).toBe(false);
    expect(canGrantRole(platformAdmin, national, ER)).toBe(true);
  });
});

describe('accounts policy: audit', () => {
  it('shows audit entries of the actor’s region only; entries without a place only nationally', () => {
    expect(canReadAuditEntry(regionAdminEr, { regionCode: '08', organisationId: BOLOGNA.id })).toBe(true);
    expect(canReadAuditEntry(regionAdminEr, { regionCode: '19', organisationId: PALERMO.id })).toBe(false);
    expect(canReadAuditEntry(regionAdminEr, { regionCode: null, organisationId: null })).toBe(false);
    expect(canReadAuditEntry(platformAdmin, { regionCode: null, organisationId: null })).toBe(true);
    expect(canReadAuditEntry(orgAdminBologna, { regionCode: '08', organisationId: BOLOGNA.id })).toBe(false);
  });
});
