import type { Db } from '../../../kernel/db/database.ts';
import { PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import { territory } from '../../territory/index.ts';
import type { CubeDimension } from '../importers/cube.ts';
import type { Labels } from '../importers/types.ts';
import type { NewCode } from '../data/repository.ts';
import { DIMENSION_LABELS, istatLabelsOf, loadCitizenshipCodes, loadItter107, type CitizenshipCode } from './reference-data.ts';
import { createTerritoryResolver, type KnownTerritories } from './territory-resolver.ts';

/** Everything that names codes besides the file itself: territories, countries, ISTAT's citizenship areas. */
export interface LabelSources {
  territories: KnownTerritories;
  /** ISO alpha-2 → name in each language. */
  countries: Map<string, Labels>;
  citizenship: Map<string, CitizenshipCode>;
  /** Every code a citizenship dimension may hold: ISO alpha-2 and ISTAT's own. */
  citizenshipCodes: Set<string>;
}

/** Loads the foundation's territories and countries (from the territory module) and the shipped tables. */
export async function loadLabelSources(db: Db): Promise<LabelSources> {
  const [regions, provinces, municipalities, ...countryLists] = await Promise.all([
    territory.listRegions(db),
    territory.listProvinces(db),
    territory.listMunicipalities(db, { limit: 20000, offset: 0 }),
    ...PUBLIC_LOCALES.map((locale) => territory.listCountries(db, locale)),
  ]);
  const countries = new Map<string, Labels>();
  PUBLIC_LOCALES.forEach((locale, i) => {
    for (const c of countryLists[i]!) countries.set(c.code, { ...countries.get(c.code), [locale]: c.name });
  });
  const citizenship = new Map(loadCitizenshipCodes().map((c) => [c.code, c]));
  return {
    territories: { itter107: loadItter107(), regions, provinces, municipalities: municipalities.items },
    countries,
    citizenship,
    citizenshipCodes: new Set([...countries.keys(), ...citizenship.keys()]),
  };
}

/** A resolver over the loaded territories. */
export function resolverOf(sources: LabelSources) {
  return createTerritoryResolver(sources.territories);
}

/** Labels of a dimension: ISTAT's names of its id, and the file's own label. */
export function dimensionLabels(dimension: { id: string; labels: Labels }): Labels {
  return { ...DIMENSION_LABELS[dimension.id], ...dimension.labels };
}

const ITALY: Labels = { it: 'Italia', en: 'Italy' };

/** Describes each code of a dimension for the store: labels from every source, and what it resolves to. */
export function describeCodes(dimension: CubeDimension, labelLocale: keyof Labels & string, sources: LabelSources): NewCode[] {
  return dimension.codes.map((code, i) => {
    const fromFile: Labels = dimension.codeLabels[i] ? { [labelLocale]: dimension.codeLabels[i] } : {};
    const described: NewCode = { code, labels: {}, refKind: null, regionCode: null, provinceCode: null, municipalityCode: null, countryCode: null };
    if (dimension.role === 'territory') {
      const ref = dimension.territories?.[i] ?? null;
      if (ref) {
        const name: Labels = ref.level === 'country' ? ITALY : { it: ref.name, en: ref.name };
        Object.assign(described, { labels: { ...name, ...fromFile }, refKind: ref.level, regionCode: ref.regionCode, provinceCode: ref.provinceCode, municipalityCode: ref.municipalityCode });
        return described;
      }
    }
    if (dimension.role === 'citizenship') {
      const istat = sources.citizenship.get(code);
      const country = sources.countries.get(istat?.countryCode ?? code);
      if (istat) {
        Object.assign(described, { labels: { ...country, ...istat.labels, ...fromFile }, refKind: istat.kind, countryCode: istat.countryCode });
        return described;
      }
      if (country) {
        Object.assign(described, { labels: { ...country, ...fromFile }, refKind: 'country', countryCode: code });
        return described;
      }
    }
    described.labels = { ...istatLabelsOf(dimension.id, code), ...fromFile };
    return described;
  });
}
