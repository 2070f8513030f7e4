import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { ApplicationStatus, AttendanceSource, AttendanceStatus, EditionState, Modality, Profile, RoleLevel } from '../domain/vocabulary.ts';
import type { MaterialLink } from './tables.ts';

/** A training path: what is taught, for how long, how, by whom, in which regions. */
export interface Path {
  id: string;
  code: string;
  title: TranslatedText;
  objectives: TranslatedText;
  competences: TranslatedText[];
  hours: number;
  modality: Modality;
  regionCodes: string[];
  trainerIds: string[];
}

/** One edition of a path: a class with its dates, seats, quotas and state. */
export interface Edition {
  id: string;
  pathId: string;
  number: number;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  places: string;
  seats: number;
  quotas: Partial<Record<Profile, number>>;
  minPerProfile: number;
  groupSize: number;
  attendanceThreshold: number;
  state: EditionState;
  completedAt: Date | null;
  trainerIds: string[];
}

/** A session of an edition's calendar; times are Italian local times 'HH:MM'. */
export interface Session {
  id: string;
  editionId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  trainerPersonId: string | null;
  topic: TranslatedText;
  materials: MaterialLink[];
  reminderSentAt: Date | null;
}

/** An application to an edition; once admitted, the applicant is a participant. */
export interface Application {
  id: string;
  editionId: string;
  personId: string;
  email: string;
  fullName: string;
  profile: Profile;
  organisationId: string | null;
  organisationName: string;
  roleLevel: RoleLevel;
  jobTitle: string | null;
  regionCode: string;
  motivation: string;
  accessibilityEnc: string | null;
  languages: string | null;
  locale: string;
  status: ApplicationStatus;
  appliedAt: Date;
  decidedAt: Date | null;
  withdrawnAt: Date | null;
}

/** One attendance mark of a participant at a session. */
export interface AttendanceMark {
  sessionId: string;
  applicationId: string;
  status: AttendanceStatus;
  arrivedAt: string | null;
  leftAt: string | null;
  source: AttendanceSource;
  recordedAt: Date;
}

/** A learning group and its members' application ids. */
export interface Group {
  id: string;
  number: number;
  memberIds: string[];
}

/** A certificate as issued: a snapshot, so that later edits do not change what was certified. */
export interface Certificate {
  id: string;
  code: string;
  applicationId: string;
  editionId: string;
  holderName: string;
  pathCode: string;
  pathTitle: TranslatedText;
  competences: TranslatedText[];
  editionNumber: number;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  minutesAttended: number;
  minutesPlanned: number;
  issuedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
}
