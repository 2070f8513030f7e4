import type { RoleDef } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import type { DemoLogin, ModuleContext } from '../../../kernel/module.ts';
import { adminRepository, type OrganisationValues } from '../data/admin-repository.ts';
import { hashPassword } from '../passwords.ts';
import { ORGANISATION_TYPES, type OrganisationType } from '../permissions.ts';
import { isRoleAllowedFor } from '../policy.ts';

/** The password of every demo account (printed at start-up and in the README). */
export const DEMO_PASSWORD = 'demo-crocevia-2026';
const DOMAIN = 'demo.crocevia.it';

interface DemoRegion {
  code: string;
  name: string;
  suffix: string;
  organisations: Record<OrganisationType, { name: string; provinceCode: string; municipalityCode: string }>;
  firstNames: string[];
  lastNames: string[];
}

// Public bodies carry their real names; private bodies (cooperatives, associations, foundations, the school) are invented.
const REGIONS: DemoRegion[] = [
  {
    code: '08',
    name: 'Emilia-Romagna',
    suffix: 'er',
    organisations: {
      region: { name: 'Regione Emilia-Romagna', provinceCode: '237', municipalityCode: '037006' },
      prefecture: { name: 'Prefettura di Bologna', provinceCode: '237', municipalityCode: '037006' },
      municipality: { name: 'Comune di Bologna', provinceCode: '237', municipalityCode: '037006' },
      health_authority: { name: 'AUSL di Bologna', provinceCode: '237', municipalityCode: '037006' },
      cpia: { name: 'CPIA Metropolitano di Bologna', provinceCode: '237', municipalityCode: '037006' },
      school: { name: 'Istituto Comprensivo "Ponte Nuovo" di Modena', provinceCode: '036', municipalityCode: '036023' },
      employment_centre: { name: "Centro per l'impiego di Bologna", provinceCode: '237', municipalityCode: '037006' },
      third_sector: { name: 'Cooperativa sociale Approdi', provinceCode: '035', municipalityCode: '035033' },
      migrant_association: { name: 'Associazione Voci del Mondo', provinceCode: '036', municipalityCode: '036023' },
      other: { name: 'Fondazione Ponti di Comunità', provinceCode: '034', municipalityCode: '034027' },
    },
    firstNames: ['Giulia', 'Marco', 'Sara', 'Luca', 'Elena', 'Paolo', 'Chiara', 'Davide'],
    lastNames: ['Ferretti', 'Bellini', 'Guidotti', 'Montanari', 'Rinaldi', 'Zanetti', 'Barbieri'],
  },
  {
    code: '19',
    name: 'Sicilia',
    suffix: 'sic',
    organisations: {
      region: { name: 'Regione Siciliana', provinceCode: '282', municipalityCode: '082053' },
      prefecture: { name: 'Prefettura di Palermo', provinceCode: '282', municipalityCode: '082053' },
      municipality: { name: 'Comune di Palermo', provinceCode: '282', municipalityCode: '082053' },
      health_authority: { name: 'ASP di Palermo', provinceCode: '282', municipalityCode: '082053' },
      cpia: { name: 'CPIA Palermo 1', provinceCode: '282', municipalityCode: '082053' },
      school: { name: 'Istituto Comprensivo "Libertà" di Catania', provinceCode: '287', municipalityCode: '087015' },
      employment_centre: { name: "Centro per l'impiego di Palermo", provinceCode: '282', municipalityCode: '082053' },
      third_sector: { name: 'Cooperativa sociale Terra e Mare', provinceCode: '287', municipalityCode: '087015' },
      migrant_association: { name: 'Associazione Ponte Mediterraneo', provinceCode: '283', municipalityCode: '083048' },
      other: { name: 'Fondazione Isola Accogliente', provinceCode: '283', municipalityCode: '083048' },
    },
    firstNames: ['Rosaria', 'Salvatore', 'Francesca', 'Giuseppe', 'Agata', 'Vincenzo', 'Carmela', 'Antonino'],
    lastNames: ['Lo Presti', 'Amato', 'Caruso', 'Russo', 'Castiglione', 'La Rosa', 'Greco'],
  },
];

// Organisation-scope roles go to the first organisation that may hold them, municipalities first, the Regione last.
const ORGANISATION_ROLE_PREFERENCE: OrganisationType[] = ['municipality', ...ORGANISATION_TYPES.filter((t) => t !== 'municipality' && t !== 'region'), 'region'];

function demoName(region: DemoRegion, index: number): string {
  const first = region.firstNames[index % region.firstNames.length]!;
  const last = region.lastNames[(index * 3 + 1) % region.lastNames.length]!;
  return `${first} ${last}`;
}

function organisationFor(role: RoleDef): OrganisationType | null {
  const order: OrganisationType[] = role.scope === 'organisation' ? ORGANISATION_ROLE_PREFERENCE : ['region', ...ORGANISATION_ROLE_PREFERENCE.slice(0, -1)];
  return order.find((type) => isRoleAllowedFor(role, type)) ?? null;
}

async function addPerson(trx: Db, options: { email: string; fullName: string; isPlatformAdmin?: boolean; membership?: { organisationId: string; roleKey: string } }): Promise<void> {
  const id = await adminRepository.insertPerson(trx, {
    email: options.email,
    fullName: options.fullName,
    preferredLocale: 'it',
    isPlatformAdmin: options.isPlatformAdmin ?? false,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  if (options.membership) await adminRepository.insertMembership(trx, { personId: id, ...options.membership });
}

/**
 * Demo organisations of every type in Emilia-Romagna and Sicilia, one demo person per role declared by any
 * module (so roles added later get demo people too), and a platform administrator. Does nothing when the
 * demo is already there.
 */
export async function seedAccountsDemo(ctx: ModuleContext): Promise<DemoLogin[]> {
  const adminEmail = `admin@${DOMAIN}`;
  if (await adminRepository.isEmailTaken(ctx.db, adminEmail)) return [];
  const label = (role: RoleDef) => ctx.i18n.t('en', role.labelKey);
  return ctx.db.transaction().execute(async (trx) => {
    const logins: DemoLogin[] = [];
    await addPerson(trx, { email: adminEmail, fullName: 'Alessandra Conti', isPlatformAdmin: true });
    logins.push({ email: adminEmail, password: DEMO_PASSWORD, description: 'Platform administrator, every region' });

    for (const [regionIndex, region] of REGIONS.entries()) {
      const organisationIds = new Map<OrganisationType, string>();
      for (const type of ORGANISATION_TYPES) {
        const org = region.organisations[type];
        const values: OrganisationValues = {
          ...org,
          type,
          regionCode: region.code,
          taxCode: null,
          ipaCode: null,
          email: null,
          website: null,
          isActive: true,
        };
        organisationIds.set(type, await adminRepository.insertOrganisation(trx, values));
      }
      for (const [roleIndex, role] of ctx.roles.entries()) {
        // A national role covers every region: one demo person is enough.
        if (role.scope === 'national' && regionIndex > 0) continue;
        const type = organisationFor(role);
        if (!type) continue;
        const slug = role.key.replace(/_/g, '-');
        const email = role.scope === 'national' ? `${slug}@${DOMAIN}` : `${slug}.${region.suffix}@${DOMAIN}`;
        const organisationId = organisationIds.get(type)!;
        await addPerson(trx, { email, fullName: demoName(region, roleIndex), membership: { organisationId, roleKey: role.key } });
        const where = role.scope === 'national' ? 'every region' : role.scope === 'region' ? region.name : `${region.organisations[type].name}, ${region.name}`;
        logins.push({ email, password: DEMO_PASSWORD, description: `${label(role)}, ${where}` });
      }
    }
    return logins;
  });
}
