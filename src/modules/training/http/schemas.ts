import { Type, type TSchema } from '@sinclair/typebox';
import { EDITION_ACTIONS } from '../domain/edition-states.ts';
import { MODALITIES, PROFILES, ROLE_LEVELS } from '../domain/vocabulary.ts';

const oneOf = (values: readonly string[]): TSchema => Type.Union(values.map((v) => Type.Literal(v)));
const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const day = () => Type.String({ format: 'date' });
const time = () => Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

/** The public application form. */
export const ApplicationForm = Type.Object({
  fullName: Type.String({ minLength: 2, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 200 }),
  profile: oneOf(PROFILES),
  organisationId: Type.Optional(Type.String({ format: 'uuid' })),
  organisationName: optionalText(200),
  roleLevel: oneOf(ROLE_LEVELS),
  jobTitle: optionalText(200),
  regionCode: Type.String({ pattern: '^\\d{2}$' }),
  motivation: Type.String({ minLength: 20, maxLength: 2000 }),
  accessibilityNeeds: optionalText(1000),
  languages: optionalText(200),
  consent: Type.Optional(Type.String()),
});

/** The path form (regions and trainers are read as lists by the handler). */
export const PathForm = Type.Object({
  code: Type.String({ minLength: 2, maxLength: 20 }),
  title: Type.String({ minLength: 3, maxLength: 200 }),
  objectives: Type.String({ minLength: 10, maxLength: 4000 }),
  competences: Type.String({ minLength: 2, maxLength: 5000 }),
  hours: Type.Integer({ minimum: 1, maximum: 1000 }),
  modality: oneOf(MODALITIES),
});

/** The edition form (quotas are read per profile by the handler). */
export const EditionForm = Type.Object({
  regionCode: Type.String({ pattern: '^\\d{2}$' }),
  startsOn: day(),
  endsOn: day(),
  places: optionalText(500),
  seats: Type.Integer({ minimum: 2, maximum: 500 }),
  minPerProfile: Type.Integer({ minimum: 0, maximum: 100 }),
  groupSize: Type.Integer({ minimum: 2, maximum: 12 }),
  attendanceThreshold: Type.Integer({ minimum: 1, maximum: 100 }),
});

/** The session form. */
export const SessionForm = Type.Object({
  date: day(),
  startsAt: time(),
  endsAt: time(),
  place: optionalText(300),
  onlineUrl: optionalText(500),
  trainerPersonId: Type.Optional(Type.String({ format: 'uuid' })),
  topic: Type.String({ minLength: 3, maxLength: 300 }),
  materials: optionalText(5000),
});

/** An edition's state change. */
export const StateForm = Type.Object({ action: oneOf(EDITION_ACTIONS) });

/** A decision about one application. */
export const DecisionForm = Type.Object({ decision: oneOf(['admit', 'wait', 'reject', 'withdraw']) });

/** Forming groups. */
export const GroupsForm = Type.Object({ groupSize: Type.Integer() });

/** Moving a participant to a group. */
export const MoveForm = Type.Object({ applicationId: Type.String({ format: 'uuid' }), groupId: Type.String({ format: 'uuid' }) });

/** Revoking a certificate. */
export const RevokeForm = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 500 }) });

/** A group assignment. */
export const AssignmentForm = Type.Object({ title: Type.String({ minLength: 3, maxLength: 200 }), description: Type.String({ minLength: 10, maxLength: 5000 }), dueOn: Type.Optional(day()) });

/** A group's submission. */
export const SubmissionForm = Type.Object({ assignmentId: Type.String({ format: 'uuid' }), body: Type.String({ minLength: 10, maxLength: 10000 }), linkUrl: optionalText(500) });

/** A check-in code typed by a participant. */
export const CheckinForm = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) });
