// The planning view's arithmetic, pure: services per 10,000 foreign residents by province and need, and the
// share of a province's main citizenships whose languages at least one service there speaks.
import { languagesOf } from './citizenship-languages.ts';

/** Published services of one province that answer one need (a code of the directory's needs taxonomy). */
export interface ServicesPerNeed {
  provinceCode: string;
  needCode: string;
  services: number;
}

/** A language (ISO 639 code) spoken by at least one published service of a province. */
export interface LanguageSpoken {
  provinceCode: string;
  languageCode: string;
}

/** Services per 10,000 foreign residents of one province and need; null where residents are unknown. */
export interface ServiceRate {
  provinceCode: string;
  needCode: string;
  services: number;
  residents: number | null;
  perTenThousand: number | null;
}

/** Rates for every province × need (needs a province lacks count 0 services: a gap, not a missing value). */
export function rateServices(services: ServicesPerNeed[], residents: Map<string, number | null>, needs: string[]): ServiceRate[] {
  const count = new Map(services.map((s) => [`${s.provinceCode}\u0000${s.needCode}`, s.services]));
  const out: ServiceRate[] = [];
  for (const [provinceCode, people] of residents) {
    for (const needCode of needs) {
      const n = count.get(`${provinceCode}\u0000${needCode}`) ?? 0;
      out.push({ provinceCode, needCode, services: n, residents: people, perTenThousand: people ? (n / people) * 10_000 : null });
    }
  }
  return out;
}

/** Language coverage of a province: which main citizenships are reached, and their share of the people. */
export interface LanguageCoverage {
  provinceCode: string;
  covered: string[];
  uncovered: string[];
  /** Percentage of the people of the main citizenships (weighted by count) reached in a language of theirs. */
  share: number | null;
}

/** Computes language coverage from the main citizenships of each province (country code → people). */
export function coverLanguages(mainCitizenships: Map<string, Map<string, number>>, spoken: LanguageSpoken[]): LanguageCoverage[] {
  const languages = new Map<string, Set<string>>();
  for (const s of spoken) languages.set(s.provinceCode, (languages.get(s.provinceCode) ?? new Set()).add(s.languageCode));
  return [...mainCitizenships].map(([provinceCode, people]) => {
    const here = languages.get(provinceCode) ?? new Set<string>();
    const covered: string[] = [];
    const uncovered: string[] = [];
    let reached = 0;
    let total = 0;
    for (const [country, n] of people) {
      total += n;
      if (languagesOf(country).some((l) => here.has(l))) {
        covered.push(country);
        reached += n;
      } else uncovered.push(country);
    }
    return { provinceCode, covered, uncovered, share: total > 0 ? (reached / total) * 100 : null };
  });
}
