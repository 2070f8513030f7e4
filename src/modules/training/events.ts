/** The kernel event emitted, inside the completing transaction, when a training edition is completed. */
export const EDITION_COMPLETED = 'training.edition.completed';

/**
 * The payload of `training.edition.completed`. Identifiers only (no names, no e-mail addresses): a listener
 * reads what it needs through the accounts module's shared nouns.
 */
export interface EditionCompletedPayload {
  /** The edition completed (uuid). */
  editionId: string;
  /** Its path (uuid). */
  pathId: string;
  /** The ISTAT code of the region where the edition took place, e.g. '08'. */
  regionCode: string;
  /** When it was completed (ISO 8601). */
  completedAt: string;
  /** accounts_people ids of the admitted participants (withdrawn people are not included). */
  participantPersonIds: string[];
  /** accounts_people ids of the trainers assigned to the edition. */
  trainerPersonIds: string[];
}
