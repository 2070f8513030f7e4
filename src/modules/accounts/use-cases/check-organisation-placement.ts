import type { Db } from '../../../kernel/db/database.ts';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { territory } from '../../territory/index.ts';
import type { OrganisationValues } from '../data/admin-repository.ts';

/**
 * Checks region, province and municipality against the territory reference and against each other.
 * Returns the field errors and the placement to store (the province is taken from the municipality when missing).
 */
export async function checkOrganisationPlacement(options: {
  db: Db;
  values: Pick<OrganisationValues, 'regionCode' | 'provinceCode' | 'municipalityCode'>;
}): Promise<{ errors: FieldError[]; provinceCode: string | null }> {
  const { db, values } = options;
  const errors: FieldError[] = [];
  const region = await territory.findRegion(db, values.regionCode);
  if (!region) errors.push({ field: 'regionCode', messageKey: 'validation.enum' });
  let provinceCode = values.provinceCode;
  if (provinceCode) {
    const province = await territory.findProvince(db, provinceCode);
    if (!province) errors.push({ field: 'provinceCode', messageKey: 'accounts.staff.errors.unknownProvince' });
    else if (region && province.regionCode !== region.code) errors.push({ field: 'provinceCode', messageKey: 'accounts.staff.errors.provinceOutsideRegion', values: { region: region.name } });
  }
  if (values.municipalityCode) {
    const municipality = await territory.findMunicipality(db, values.municipalityCode);
    if (!municipality) {
      errors.push({ field: 'municipalityCode', messageKey: 'accounts.staff.errors.unknownMunicipality' });
    } else if (region && municipality.regionCode !== region.code) {
      errors.push({ field: 'municipalityCode', messageKey: 'accounts.staff.errors.municipalityOutsideRegion', values: { region: region.name } });
    } else if (provinceCode && municipality.provinceCode !== provinceCode) {
      errors.push({ field: 'municipalityCode', messageKey: 'accounts.staff.errors.municipalityOutsideProvince' });
    } else {
      provinceCode = municipality.provinceCode;
    }
  }
  return { errors, provinceCode: provinceCode ?? null };
}

/** Whether a database error is a unique-constraint violation (a concurrent duplicate). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
