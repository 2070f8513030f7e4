import type { Insertable } from 'kysely';
import type { OrganisationTable } from '../data/tables.ts';
import { stableUuid } from '../reference/stable-uuid.ts';
import { ACCOUNT_TYPES_OF, INVENTED_ORGANISATIONS, publicOfficeName } from './demo-organisations.ts';
import type { DemoRandom } from './demo-random.ts';
import { demoText } from './demo-texts.ts';
import type { OwnerKind } from './demo-types.ts';

/** An organisation of the accounts demo, as the directory demo reads it. */
export interface AccountOrganisation {
  id: string;
  name: string;
  type: string;
  regionCode: string;
  municipalityCode: string | null;
  provinceCode: string | null;
}

/** A town resolved against the ISTAT list. */
export interface ResolvedTown {
  regionCode: '08' | '19';
  name: string;
  carCode: string;
  municipalityCode: string;
  provinceCode: string;
}

/** A directory organisation chosen to own a demo service. */
export interface DemoOwner {
  id: string;
  name: string;
  slug: string;
  accountOrganisationId: string | null;
}

const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/**
 * Chooses the organisation that offers a service in a town: an organisation of the accounts demo of the
 * right type in that town (or province) when there is one, else a public office of the town or one of the
 * invented third-sector organisations and migrant associations of the region.
 */
export class DemoOwners {
  readonly rows: (Insertable<OrganisationTable> & { id: string })[] = [];
  private readonly byKey = new Map<string, DemoOwner>();

  constructor(
    private readonly accounts: AccountOrganisation[],
    private readonly regionNames: Record<string, string>,
    private readonly at: string,
    private readonly random: DemoRandom,
  ) {}

  private register(key: string, name: string, regionCode: string, accountOrganisationId: string | null): DemoOwner {
    const found = this.byKey.get(key);
    if (found) return found;
    const owner: DemoOwner = { id: stableUuid(`demo/organisation/${key}`), name, slug: slugOf(name), accountOrganisationId };
    this.byKey.set(key, owner);
    this.rows.push({
      id: owner.id,
      account_organisation_id: accountOrganisationId,
      region_code: regionCode,
      name: demoText({ it: { value: name } }, this.at),
      email: `info@${owner.slug}.example.org`,
      website: `https://${owner.slug}.example.org`,
      legal_status: accountOrganisationId ? null : name.startsWith('Associazione') || name.startsWith('Comunità') ? 'Associazione di promozione sociale' : null,
      created_at: this.at,
      updated_at: this.at,
    });
    return owner;
  }

  /** The owner of a service of this kind in this town. */
  ownerFor(kind: OwnerKind, town: ResolvedTown): DemoOwner {
    const types = ACCOUNT_TYPES_OF[kind];
    const ofType = this.accounts.filter((a) => a.regionCode === town.regionCode && types.includes(a.type));
    const inTown = ofType.filter((a) => a.municipalityCode === town.municipalityCode);
    const inProvince = ofType.filter((a) => a.provinceCode === town.provinceCode);
    if (kind === 'region' && ofType[0]) return this.register(`account/${ofType[0].id}`, ofType[0].name, town.regionCode, ofType[0].id);
    if (kind === 'third_sector' || kind === 'migrant') {
      const invented = INVENTED_ORGANISATIONS[town.regionCode][kind];
      // An organisation of the accounts demo in the same town is preferred: its operators can then see the service.
      if (inTown[0] && this.random.chance(0.6)) return this.register(`account/${inTown[0].id}`, inTown[0].name, town.regionCode, inTown[0].id);
      const name = this.random.pick(invented);
      return this.register(`invented/${town.regionCode}/${name}`, name, town.regionCode, null);
    }
    const local = inTown[0] ?? (kind === 'health' || kind === 'prefecture' ? inProvince[0] : undefined);
    if (local) return this.register(`account/${local.id}`, local.name, town.regionCode, local.id);
    const name = publicOfficeName(kind, town.name, town.carCode, this.regionNames[town.regionCode] ?? town.regionCode);
    return this.register(`office/${town.regionCode}/${name}`, name, town.regionCode, null);
  }
}
