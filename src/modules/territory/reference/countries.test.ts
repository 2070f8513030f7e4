import { describe, expect, it } from 'vitest';
import { listCountries } from './countries.ts';
import { PUBLIC_LOCALES } from './public-locales.ts';

const countries = listCountries();
const country = (alpha2: string) => countries.find((c) => c.alpha2 === alpha2);

describe('listCountries', () => {
  it('lists the 249 ISO 3166-1 countries plus Kosovo, sorted by alpha-2, with unique codes', () => {
    expect(countries).toHaveLength(250);
    const alpha2 = countries.map((c) => c.alpha2);
    expect(alpha2).toEqual([...alpha2].sort());
    for (const key of ['alpha2', 'alpha3', 'numeric'] as const) {
      expect(new Set(countries.map((c) => c[key])).size).toBe(250);
    }
    expect(country('XK')).toMatchObject({ alpha3: 'XKK', numeric: '983' });
  });

  it('has well-formed codes', () => {
    for (const c of countries) {
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(c.numeric).toMatch(/^\d{3}$/);
    }
  });

  it('names every country in all ten public locales', () => {
    for (const c of countries) {
      expect(Object.keys(c.names).sort()).toEqual([...PUBLIC_LOCALES].sort());
      for (const locale of PUBLIC_LOCALES) expect(c.names[locale].trim()).not.toBe('');
    }
  });

  it('names Morocco in Arabic and Italian', () => {
    expect(country('MA')).toMatchObject({ alpha3: 'MAR', numeric: '504' });
    expect(country('MA')?.names.ar).toBe('المغرب');
    expect(country('MA')?.names.it).toBe('Marocco');
  });

  it('names other countries of origin correctly', () => {
    expect(country('IT')?.names.it).toBe('Italia');
    expect(country('AL')?.names.sq).toBe('Shqipëri');
    expect(country('UA')?.names.uk).toBe('Україна');
    expect(country('BD')?.names.bn).toBe('বাংলাদেশ');
    expect(country('PK')?.names.ur).toBe('پاکستان');
    expect(country('CN')?.names.zh).toBe('中国');
  });
});
