import { can, reachOf, type Actor, type Reach, type Target } from '../../kernel/auth/actor.ts';
import type { WorkflowState } from './data/tables.ts';
import { isAllowedFrom } from './domain/workflow.ts';

/** What authorization needs to know about a service. */
export interface ServiceScope {
  accountOrganisationId: string | null;
  regionCode: string;
  workflowState: WorkflowState;
}

/** What a person may do to one service; handed to the views so pages do not repeat the rules. */
export interface ServiceAbilities {
  canRead: boolean;
  canUpdate: boolean;
  canSubmit: boolean;
  canPublish: boolean;
  canSendBack: boolean;
  canArchive: boolean;
  canRestore: boolean;
  canVerify: boolean;
  canTranslate: boolean;
}

const STAFF_PERMISSIONS = [
  'directory.service.read',
  'directory.service.create',
  'directory.service.update',
  'directory.service.publish',
  'directory.service.verify',
  'directory.translation.update',
];

/** The organisation and region a service belongs to, as grants see them. */
export function targetOf(service: Pick<ServiceScope, 'accountOrganisationId' | 'regionCode'>): Target {
  return { organisationId: service.accountOrganisationId, regionCode: service.regionCode };
}

/** Whether the person may open the directory's staff pages at all. */
export function canEnterDirectoryStaff(actor: Actor | null): boolean {
  return STAFF_PERMISSIONS.some((p) => can(actor, p));
}

/** Whether the person may see a service's staff page (reading it or translating it). */
export function canReadService(actor: Actor | null, service: ServiceScope): boolean {
  const target = targetOf(service);
  return can(actor, 'directory.service.read', target) || can(actor, 'directory.translation.update', target);
}

/** Everything the person may do to a service in its current state. */
export function abilitiesFor(actor: Actor | null, service: ServiceScope): ServiceAbilities {
  const target = targetOf(service);
  const state = service.workflowState;
  const has = (permission: string) => can(actor, permission, target);
  return {
    canRead: canReadService(actor, service),
    canUpdate: has('directory.service.update') && state !== 'archived',
    canSubmit: has('directory.service.submit') && isAllowedFrom('submit', state),
    canPublish: has('directory.service.publish') && isAllowedFrom('publish', state),
    canSendBack: has('directory.service.publish') && isAllowedFrom('sendBack', state),
    canArchive: has('directory.service.archive') && isAllowedFrom('archive', state),
    canRestore: has('directory.service.archive') && isAllowedFrom('restore', state),
    canVerify: has('directory.service.verify') && state !== 'archived',
    canTranslate: has('directory.translation.update') && state !== 'archived',
  };
}

/** Whether the person may create a service for an organisation. */
export function canCreateServiceFor(actor: Actor | null, organisation: { accountOrganisationId: string | null; regionCode: string }): boolean {
  return can(actor, 'directory.service.create', targetOf(organisation));
}

/** Where the person may list services (reading or translating). */
export function readReachOf(actor: Actor | null): Reach {
  const read = reachOf(actor, 'directory.service.read');
  if (read.all) return read;
  const translate = reachOf(actor, 'directory.translation.update');
  if (translate.all) return translate;
  return {
    all: false,
    regionCodes: [...new Set([...read.regionCodes, ...translate.regionCodes])],
    organisationIds: [...new Set([...read.organisationIds, ...translate.organisationIds])],
  };
}

/** What authorization needs to know about a directory organisation. */
export interface OrganisationScope {
  accountOrganisationId: string | null;
  regionCode: string;
}

/** What a person may do to an organisation's directory profile; handed to the views. */
export interface OrganisationAbilities {
  canRead: boolean;
  canUpdate: boolean;
}

/**
 * Who may see and edit an organisation's directory profile: its operators (organisation scope) and the
 * editors of its region; people who may see its services (translators) may read it.
 */
export function organisationAbilitiesFor(actor: Actor | null, organisation: OrganisationScope): OrganisationAbilities {
  const target = targetOf(organisation);
  const canUpdate = can(actor, 'directory.organisation.update', target);
  return { canRead: canUpdate || can(actor, 'directory.service.read', target) || can(actor, 'directory.translation.update', target), canUpdate };
}

/** Where the person may list organisation profiles: wherever they may edit one or read services. */
export function organisationReachOf(actor: Actor | null): Reach {
  const update = reachOf(actor, 'directory.organisation.update');
  const read = readReachOf(actor);
  if (update.all || read.all) return { all: true };
  return {
    all: false,
    regionCodes: [...new Set([...update.regionCodes, ...read.regionCodes])],
    organisationIds: [...new Set([...update.organisationIds, ...read.organisationIds])],
  };
}
