import { describe, expect, it } from 'vitest';
import { can, reachOf, type Actor } from './actor.ts';

const base: Actor = { personId: 'p', name: 'P', email: 'p@x', isPlatformAdmin: false, hasTotp: false, memberships: [], grants: [] };

describe('can', () => {
  it('denies an anonymous visitor', () => {
    expect(can(null, 'accounts.person.read')).toBe(false);
  });

  it('limits an organisation grant to its organisation', () => {
    const actor = { ...base, grants: [{ permission: 'a.b.c', scope: 'organisation' as const, organisationId: 'o1', regionCode: '08' }] };
    expect(can(actor, 'a.b.c', { organisationId: 'o1', regionCode: '08' })).toBe(true);
    expect(can(actor, 'a.b.c', { organisationId: 'o2', regionCode: '08' })).toBe(false);
    expect(can(actor, 'a.b.d', { organisationId: 'o1' })).toBe(false);
  });

  it('limits a region grant to its region', () => {
    const actor = { ...base, grants: [{ permission: 'a.b.c', scope: 'region' as const, organisationId: 'o1', regionCode: '08' }] };
    expect(can(actor, 'a.b.c', { organisationId: 'o9', regionCode: '08' })).toBe(true);
    expect(can(actor, 'a.b.c', { organisationId: 'o9', regionCode: '19' })).toBe(false);
    expect(reachOf(actor, 'a.b.c')).toEqual({ all: false, regionCodes: ['08'], organisationIds: [] });
  });

  it('lets a platform administrator do anything', () => {
    expect(can({ ...base, isPlatformAdmin: true }, 'x.y.z', { regionCode: '19' })).toBe(true);
    expect(reachOf({ ...base, isPlatformAdmin: true }, 'x.y.z')).toEqual({ all: true });
  });
});
