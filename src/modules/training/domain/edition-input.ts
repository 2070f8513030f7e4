import type { FieldError } from '../../../kernel/http/errors.ts';
import { MAIN_PROFILES, PROFILES, type Profile } from './vocabulary.ts';
import { MAX_GROUP_SIZE } from './grouping.ts';

/** An edition as submitted by the form; quotas left empty mean "no limit". */
export interface EditionInput {
  regionCode: string;
  startsOn: string;
  endsOn: string;
  places: string;
  seats: number;
  quotas: Partial<Record<Profile, number>>;
  minPerProfile: number;
  groupSize: number;
  attendanceThreshold: number;
}

/**
 * Checks an edition: the region is one of the path's, the dates are in order and hold every session, the
 * quotas fit the seats and leave room for the minimum mix of the four main profiles.
 */
export function checkEdition(input: EditionInput, context: { pathRegions: string[]; isRegionAllowed(code: string): boolean; sessionDates: string[] }): FieldError[] {
  const errors: FieldError[] = [];
  if (!context.pathRegions.includes(input.regionCode)) errors.push({ field: 'regionCode', messageKey: 'training.staff.errors.regionNotOfPath' });
  else if (!context.isRegionAllowed(input.regionCode)) errors.push({ field: 'regionCode', messageKey: 'training.staff.errors.regionNotAllowed' });
  if (input.endsOn < input.startsOn) errors.push({ field: 'endsOn', messageKey: 'training.staff.errors.endsBeforeStart' });
  const outside = context.sessionDates.filter((d) => d < input.startsOn || d > input.endsOn).sort();
  if (outside.length) errors.push({ field: 'startsOn', messageKey: 'training.staff.errors.sessionsOutsideDates', values: { count: outside.length, first: outside[0] } });
  for (const profile of PROFILES) {
    const quota = input.quotas[profile];
    if (quota === undefined) continue;
    if (quota > input.seats) errors.push({ field: `quota_${profile}`, messageKey: 'training.staff.errors.quotaAboveSeats', values: { seats: input.seats } });
    else if (MAIN_PROFILES.includes(profile) && quota < input.minPerProfile) {
      errors.push({ field: `quota_${profile}`, messageKey: 'training.staff.errors.quotaBelowMinimum', values: { minimum: input.minPerProfile } });
    }
  }
  if (input.minPerProfile * MAIN_PROFILES.length > input.seats) {
    errors.push({ field: 'minPerProfile', messageKey: 'training.staff.errors.minimumAboveSeats', values: { seats: input.seats } });
  }
  if (input.groupSize < 2 || input.groupSize > MAX_GROUP_SIZE) errors.push({ field: 'groupSize', messageKey: 'training.staff.groups.problems.sizeTooLarge' });
  return errors;
}
