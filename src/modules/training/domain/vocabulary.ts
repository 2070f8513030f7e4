/** The profiles an applicant declares; the first four are the worlds a class must mix. */
export const PROFILES = ['pa_manager', 'pa_official', 'third_sector', 'migrant_association', 'other'] as const;
export type Profile = (typeof PROFILES)[number];

/** The profiles quotas and the minimum mix are about. */
export const MAIN_PROFILES: readonly Profile[] = ['pa_manager', 'pa_official', 'third_sector', 'migrant_association'];

/** How senior a participant's role is, for mixing groups. */
export const ROLE_LEVELS = ['executive', 'coordinator', 'operator', 'volunteer'] as const;
export type RoleLevel = (typeof ROLE_LEVELS)[number];

/** How a path is delivered. */
export const MODALITIES = ['in_person', 'online', 'blended'] as const;
export type Modality = (typeof MODALITIES)[number];

/** The life of an edition, in order. */
export const EDITION_STATES = ['draft', 'call_open', 'call_closed', 'running', 'completed'] as const;
export type EditionState = (typeof EDITION_STATES)[number];

/** Where an application stands. */
export const APPLICATION_STATUSES = ['received', 'admitted', 'waiting', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** How a person was at a session. */
export const ATTENDANCE_STATUSES = ['present', 'partial', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Who wrote an attendance mark: the trainer on a phone, the participant with a code, or a paper transcription. */
export const ATTENDANCE_SOURCES = ['trainer', 'checkin', 'paper'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** The questions of the satisfaction questionnaire, each scored 1 to 5. */
export const FEEDBACK_QUESTIONS = ['overall', 'content', 'trainers', 'organisation'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

/** The programme's target of paths (the project plans 18). */
export const PROGRAMME_TARGET_PATHS = 18;

/** The attendance threshold when the manager sets none, in percent. */
export const DEFAULT_ATTENDANCE_THRESHOLD = 75;

/** Whether a value is one of a list of literals. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
