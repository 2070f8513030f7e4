import type { Application } from '../data/records.ts';
import type { Member } from './mix-score.ts';

/** The same organisation typed twice ("Comune di Bologna", "comune  di bologna") is one organisation. */
export function organisationKey(application: Pick<Application, 'organisationId' | 'organisationName'>): string {
  return application.organisationId ?? `name:${application.organisationName.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

/** A participant as the grouping sees them. */
export function memberOf(application: Application): Member {
  return { id: application.id, profile: application.profile, organisation: organisationKey(application), roleLevel: application.roleLevel, region: application.regionCode };
}
