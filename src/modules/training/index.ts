// The training module's public face: the only file other modules may import.
//
// Kernel event `training.edition.completed` (EDITION_COMPLETED), emitted with ctx.events.emit inside the
// transaction that completes an edition, so a listener's writes commit or roll back with the completion:
//
//   ctx.events.on<EditionCompletedPayload>('training.edition.completed', async (payload, trx) => { … });
//
//   {
//     editionId: string;              // uuid of the training edition
//     pathId: string;                 // uuid of its path
//     regionCode: string;             // ISTAT region code where it took place, e.g. '08'
//     completedAt: string;            // ISO 8601 instant
//     participantPersonIds: string[]; // accounts_people ids of the admitted participants (not the withdrawn)
//     trainerPersonIds: string[];     // accounts_people ids of the trainers assigned to the edition
//   }
//
// The payload carries identifiers only, never names or e-mail addresses.
export { trainingModule } from './module.ts';
export { EDITION_COMPLETED, type EditionCompletedPayload } from './events.ts';
