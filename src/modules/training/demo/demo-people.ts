import type { OrganisationChoice } from '../data/people-repository.ts';
import type { Profile, RoleLevel } from '../domain/vocabulary.ts';
import { DEMO_FREE_ORGANISATIONS } from './catalogue.ts';

/** A demo applicant: who they are and where they come from. */
export interface DemoApplicant {
  email: string;
  fullName: string;
  profile: Profile;
  organisationId: string | null;
  organisationName: string;
  roleLevel: RoleLevel;
  jobTitle: string;
  regionCode: '08' | '19';
  languages: string;
}

const FIRST = ['Amina', 'Luca', 'Fatou', 'Giorgio', 'Olena', 'Karim', 'Silvia', 'Rahul', 'Marta', 'Ibrahima', 'Chiara', 'Mei', 'Paolo', 'Ana', 'Youssef', 'Laura', 'Blessing', 'Andrea', 'Arben', 'Irene', 'Tariq', 'Valentina', 'Joy', 'Matteo'];
const LAST = ['Rossi', 'Diallo', 'Bianchi', 'Kovalenko', 'El Amrani', 'Greco', 'Hossain', 'Conti', 'Mensah', 'Marino', 'Chen', 'Gallo', 'Okafor', 'Costa', 'Hoxha', 'Ferri', 'Benali', 'Lombardo', 'Santos', 'Moretti'];
const LANGUAGES = ['italiano, inglese', 'italiano, francese, wolof', 'italiano, arabo', 'italiano, ucraino, russo', 'italiano, bengalese, inglese', 'italiano, albanese', 'italiano, spagnolo', 'italiano, cinese'];

// The order profiles arrive in: a realistic majority of public officials and third sector.
const PROFILE_CYCLE: Profile[] = ['pa_official', 'third_sector', 'pa_manager', 'migrant_association', 'pa_official', 'third_sector', 'migrant_association', 'pa_official', 'pa_manager', 'third_sector', 'migrant_association', 'other'];

const LEVELS: Record<Profile, RoleLevel[]> = {
  pa_manager: ['executive', 'executive', 'coordinator'],
  pa_official: ['coordinator', 'operator', 'operator'],
  third_sector: ['coordinator', 'operator', 'volunteer'],
  migrant_association: ['executive', 'volunteer', 'operator'],
  other: ['operator', 'coordinator', 'volunteer'],
};

const TITLES: Record<RoleLevel, string[]> = {
  executive: ['Dirigente', 'Responsabile di servizio', 'Presidente'],
  coordinator: ['Coordinatrice', 'Funzionario', 'Referente di progetto'],
  operator: ['Operatore di sportello', 'Assistente sociale', 'Educatrice'],
  volunteer: ['Volontario', 'Mediatrice culturale', 'Socia attivista'],
};

const PUBLIC_TYPES = ['region', 'prefecture', 'municipality', 'health_authority', 'cpia', 'school', 'employment_centre'];

/** A pool of applicants for a region, always the same for the same random sequence. */
export function demoApplicants(regionCode: '08' | '19', count: number, organisations: OrganisationChoice[], random: () => number): DemoApplicant[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const own = organisations.filter((o) => o.regionCode === regionCode);
  const free = DEMO_FREE_ORGANISATIONS[regionCode];
  const platformFor = (profile: Profile) =>
    own.filter((o) => (profile === 'pa_manager' || profile === 'pa_official' ? PUBLIC_TYPES.includes(o.type) : o.type === profile));
  const freeFor = (profile: Profile) => (profile === 'pa_manager' || profile === 'pa_official' ? free.public : free[profile]);
  return Array.from({ length: count }, (_, i) => {
    const profile = PROFILE_CYCLE[i % PROFILE_CYCLE.length]!;
    const fullName = `${FIRST[(i * 7 + (regionCode === '08' ? 0 : 5)) % FIRST.length]} ${LAST[(i * 11 + (regionCode === '08' ? 3 : 0)) % LAST.length]}`;
    const platform = platformFor(profile);
    const usePlatform = platform.length > 0 && random() < 0.4;
    const organisation = usePlatform ? pick(platform) : null;
    const roleLevel = pick(LEVELS[profile]);
    const slug = fullName.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(/ /g, '.');
    return {
      email: `${slug}.${regionCode}${i}@partecipanti.demo.crocevia.it`,
      fullName,
      profile,
      organisationId: organisation?.id ?? null,
      organisationName: organisation?.name ?? pick(freeFor(profile)),
      roleLevel,
      jobTitle: pick(TITLES[roleLevel]),
      regionCode,
      languages: pick(LANGUAGES),
    };
  });
}
