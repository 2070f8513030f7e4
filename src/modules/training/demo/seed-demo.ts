import type { DemoLogin, ModuleContext } from '../../../kernel/module.ts';
import { textFrom } from '../../../kernel/i18n/content.ts';
import { hashPassword } from '../../accounts/index.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { demoRepository } from '../data/demo-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { peopleRepository } from '../data/people-repository.ts';
import type { Application, Path } from '../data/records.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { seededRandom } from '../domain/random.ts';
import { addDays, localOf } from '../domain/rome-time.ts';
import { proposeSelection } from '../domain/selection.ts';
import type { EditionState } from '../domain/vocabulary.ts';
import { DEMO_PATHS } from './catalogue.ts';
import { demoApplicants, type DemoApplicant } from './demo-people.ts';
import { fillDemoClass } from './demo-class.ts';

/** The demo participant who can sign in: admitted to a completed edition (certificate ready) and a running one. */
export const DEMO_PARTICIPANT_EMAIL = 'partecipante.er@demo.crocevia.it';
// The accounts demo's shared password.
const DEMO_PASSWORD = 'demo-crocevia-2026';

// Each path's editions: region, state, and the day its first session falls on (days from today).
const PLAN: Record<string, { region: '08' | '19'; state: EditionState; startIn: number }[]> = {
  'FC-01': [{ region: '08', state: 'completed', startIn: -150 }, { region: '08', state: 'call_open', startIn: 45 }],
  'FC-02': [{ region: '08', state: 'running', startIn: -14 }],
  'FC-03': [{ region: '08', state: 'call_open', startIn: 30 }],
  'FC-04': [{ region: '08', state: 'completed', startIn: -130 }],
  'FC-05': [{ region: '08', state: 'call_closed', startIn: 10 }],
  'FC-06': [{ region: '08', state: 'call_open', startIn: 35 }],
  'FC-07': [{ region: '08', state: 'completed', startIn: -110 }, { region: '19', state: 'running', startIn: -7 }],
  'FC-08': [{ region: '08', state: 'draft', startIn: 90 }],
  'FC-09': [{ region: '08', state: 'running', startIn: -21 }],
  'FC-10': [{ region: '19', state: 'completed', startIn: -150 }],
  'FC-11': [{ region: '19', state: 'running', startIn: -14 }],
  'FC-12': [{ region: '19', state: 'call_open', startIn: 30 }],
  'FC-13': [{ region: '19', state: 'completed', startIn: -90 }],
  'FC-14': [{ region: '19', state: 'call_closed', startIn: 12 }],
  'FC-15': [{ region: '19', state: 'call_open', startIn: 40 }],
  'FC-16': [{ region: '19', state: 'completed', startIn: -70 }],
  'FC-17': [{ region: '08', state: 'call_open', startIn: 50 }],
  'FC-18': [{ region: '19', state: 'running', startIn: -28 }],
};

const PLACES = { '08': 'Sala corsi Terza Torre, viale della Fiera 8, Bologna', '19': 'Sala formazione, via Notarbartolo 12, Palermo' };
const TOPICS = ['Apertura: il patto d’aula e le mappe dei partecipanti', 'Norme e procedure: studio di casi', 'Lavoro di gruppo: il caso di un utente', 'Visita a un servizio e restituzione', 'Chiusura: piano d’azione e valutazione'];

/**
 * The training demo: the 18 paths of the programme across Emilia-Romagna and Sicilia, with editions in every
 * state, their calendars, applicants of every profile from the demo organisations, selection, groups,
 * attendance, evaluation and certificates. Deterministic (one seeded random sequence); dates follow today.
 */
export async function seedTrainingDemo(ctx: ModuleContext): Promise<DemoLogin[]> {
  if ((await pathRepository.count(ctx.db)) > 0) return [];
  const started = performance.now();
  const random = seededRandom(2026);
  const today = localOf(new Date()).date;
  const organisations = await peopleRepository.listOrganisations(ctx.db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins = await ctx.db.transaction().execute(async (trx) => {
    const staff = async (role: string, region: '08' | '19') => peopleRepository.findPersonId(trx, `${role}.${region === '08' ? 'er' : 'sic'}@demo.crocevia.it`);
    const trainers = { '08': await staff('trainer', '08'), '19': await staff('trainer', '19') };
    const managers = { '08': await staff('training-manager', '08'), '19': await staff('training-manager', '19') };
    const pools: Record<'08' | '19', DemoApplicant[]> = { '08': demoApplicants('08', 72, organisations, random), '19': demoApplicants('19', 72, organisations, random) };
    const participant: DemoApplicant = { ...pools['08'][0]!, email: DEMO_PARTICIPANT_EMAIL, fullName: 'Nadia Benali' };
    const personIds = await peopleRepository.insertPeople(trx, [
      { email: participant.email, fullName: participant.fullName, passwordHash },
      ...[...pools['08'], ...pools['19']].map((a) => ({ email: a.email, fullName: a.fullName, passwordHash: null })),
    ]);
    let editionIndex = 0;
    for (const demo of DEMO_PATHS) {
      const trainerIds = demo.regions.map((r) => trainers[r]).filter((id): id is string => id !== null);
      const pathId = await pathRepository.insert(trx, {
        code: demo.code,
        title: textFrom({ it: demo.title[0], en: demo.title[1] }),
        objectives: textFrom({ it: demo.objectives[0], en: demo.objectives[1] }),
        competences: demo.competences.map(([it, en]) => textFrom({ it, en })),
        hours: 20,
        modality: demo.modality,
        regionCodes: demo.regions,
      }, managers[demo.regions[0]!]);
      await pathRepository.setTrainers(trx, pathId, trainerIds);
      const path = (await pathRepository.find(trx, pathId)) as Path;
      for (const plan of PLAN[demo.code] ?? []) {
        editionIndex++;
        const startsOn = addDays(today, plan.startIn);
        const editionId = await editionRepository.insert(trx, pathId, {
          regionCode: plan.region, startsOn, endsOn: addDays(startsOn, 28), places: demo.modality === 'online' ? '' : PLACES[plan.region], seats: 20,
          quotas: { pa_manager: 6, pa_official: 8, third_sector: 8, migrant_association: 8, other: 2 }, minPerProfile: 3, groupSize: 5, attendanceThreshold: 75,
        });
        await editionRepository.setTrainers(trx, editionId, trainers[plan.region] ? [trainers[plan.region]!] : []);
        for (const [i, topic] of TOPICS.entries()) {
          await sessionRepository.insert(trx, editionId, {
            date: addDays(startsOn, i * 7), startsAt: plan.region === '08' ? '09:30' : '15:00', endsAt: plan.region === '08' ? '13:30' : '19:00',
            place: demo.modality === 'online' ? null : PLACES[plan.region], onlineUrl: demo.modality === 'in_person' ? null : `https://meet.example.org/${demo.code.toLowerCase()}-${editionIndex}`,
            trainerPersonId: trainers[plan.region], topic: textFrom({ it: topic }), materials: i === 0 ? [{ label: 'Programma del percorso', url: `https://example.org/crocevia/${demo.code.toLowerCase()}/programma.pdf` }] : [],
          });
        }
        if (plan.state === 'draft') continue;
        const isDemoParticipantHere = plan.region === '08' && (demo.code === 'FC-01' || demo.code === 'FC-02') && plan.state !== 'call_open';
        const count = plan.state === 'call_open' ? 12 + (editionIndex % 6) : 24;
        const pool = pools[plan.region];
        const chosen = Array.from({ length: count }, (_, k) => pool[(editionIndex * 13 + k) % pool.length]!).filter((a) => a.email !== participant.email);
        const applicants = isDemoParticipantHere ? [participant, ...chosen.slice(1)] : chosen;
        const statuses = new Map<DemoApplicant, string>(applicants.map((a) => [a, 'received']));
        if (plan.state !== 'call_open') {
          const candidates = applicants.map((a, k) => ({ id: String(k), profile: a.profile }));
          const proposal = proposeSelection({ candidates, admitted: [], rules: { seats: 20, quotas: { pa_manager: 6, pa_official: 8, third_sector: 8, migrant_association: 8, other: 2 }, minPerProfile: 3 } });
          applicants.forEach((a, k) => statuses.set(a, proposal.admit.includes(String(k)) ? 'admitted' : 'waiting'));
        }
        await demoRepository.insertApplications(trx, applicants.map((a, k) => ({
          editionId, personId: personIds.get(a.email)!, email: a.email, fullName: a.fullName, profile: a.profile, organisationId: a.organisationId,
          organisationName: a.organisationName, roleLevel: a.roleLevel, jobTitle: a.jobTitle, regionCode: a.regionCode, locale: 'it', languages: a.languages,
          motivation: 'Lavoro ogni giorno con persone di origine straniera e voglio conoscere meglio i servizi e le persone della rete con cui collaborare.',
          accessibilityEnc: null, appliedAt: new Date(Date.parse(`${addDays(startsOn, -40)}T08:00:00Z`) + k * 3_600_000),
          status: statuses.get(a)!,
        })));
        await editionRepository.setState(trx, editionId, plan.state, new Date(`${addDays(startsOn, 28)}T18:00:00Z`));
        if (plan.state !== 'running' && plan.state !== 'completed') continue;
        const edition = (await editionRepository.find(trx, editionId))!;
        const participants: Application[] = await applicationRepository.listByEdition(trx, editionId, ['admitted']);
        await fillDemoClass(trx, {
          edition, path, sessions: await sessionRepository.listByEdition(trx, editionId), participants, today, random,
          trainerId: trainers[plan.region], managerId: managers[plan.region], alwaysPresent: [personIds.get(DEMO_PARTICIPANT_EMAIL)!],
        });
      }
    }
    return [{ email: DEMO_PARTICIPANT_EMAIL, password: DEMO_PASSWORD, description: 'Training participant (certificate ready, class running), Emilia-Romagna' }];
  });
  ctx.logger.info({ paths: DEMO_PATHS.length, ms: Math.round(performance.now() - started) }, 'training demo loaded');
  return logins;
}
