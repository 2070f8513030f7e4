import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../kernel/auth/actor.ts';
import { editionAbilities, managedRegions, reportRegions } from './policy.ts';
import { TRAINING_ROLES } from './permissions.ts';

function actorWith(roleKey: string, regionCode: string, personId = 'p1'): Actor {
  const role = TRAINING_ROLES.find((r) => r.key === roleKey)!;
  const grants: Grant[] = role.permissions.map((permission) => ({ permission, scope: role.scope, organisationId: 'o1', regionCode }));
  return { personId, name: 'Test', email: 't@example.org', isPlatformAdmin: false, hasTotp: false, memberships: [], grants };
}

describe('training policy', () => {
  const edition = { regionCode: '08', trainerIds: ['trainer-1'] };

  it('lets a manager manage the editions of their region only', () => {
    expect(editionAbilities(actorWith('training_manager', '08'), edition)).toEqual({ canManage: true, canTeach: true, canSee: true });
    expect(editionAbilities(actorWith('training_manager', '19'), edition)).toEqual({ canManage: false, canTeach: false, canSee: false });
    expect(managedRegions(actorWith('training_manager', '08'))).toEqual(['08']);
  });

  it('lets a trainer see only the editions they are assigned to, whatever their organisation', () => {
    expect(editionAbilities(actorWith('trainer', '08', 'trainer-1'), edition)).toEqual({ canManage: false, canTeach: true, canSee: true });
    expect(editionAbilities(actorWith('trainer', '08', 'trainer-2'), edition)).toEqual({ canManage: false, canTeach: false, canSee: false });
    expect(reportRegions(actorWith('trainer', '08'))).toBe(false);
  });

  it('gives the funder every region’s reports and no edition', () => {
    expect(reportRegions(actorWith('training_funder', '12'))).toBeNull();
    expect(editionAbilities(actorWith('training_funder', '08'), edition).canSee).toBe(false);
    expect(editionAbilities(null, edition).canSee).toBe(false);
  });
});
