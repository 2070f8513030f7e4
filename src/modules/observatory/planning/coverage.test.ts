import { describe, expect, it } from 'vitest';
import { coverLanguages, rateServices } from './coverage.ts';
import { languagesOf } from './citizenship-languages.ts';

describe('planning arithmetic', () => {
  it('rates services per 10,000 foreign residents, counting a missing need as zero', () => {
    const rates = rateServices([{ provinceCode: '237', needCode: 'health', services: 12 }], new Map([['237', 120_000], ['036', null]]), ['health', 'housing']);
    expect(rates).toEqual([
      { provinceCode: '237', needCode: 'health', services: 12, residents: 120_000, perTenThousand: 1 },
      { provinceCode: '237', needCode: 'housing', services: 0, residents: 120_000, perTenThousand: 0 },
      { provinceCode: '036', needCode: 'health', services: 0, residents: null, perTenThousand: null },
      { provinceCode: '036', needCode: 'housing', services: 0, residents: null, perTenThousand: null },
    ]);
  });

  it('weights language coverage by people: Arabic reaches MA (300), nobody speaks Bengali or Urdu', () => {
    const main = new Map([['237', new Map([['MA', 300], ['BD', 100], ['PK', 100]])]]);
    const [coverage] = coverLanguages(main, [{ provinceCode: '237', languageCode: 'ar' }, { provinceCode: '036', languageCode: 'bn' }]);
    expect(coverage).toEqual({ provinceCode: '237', covered: ['MA'], uncovered: ['BD', 'PK'], share: 60 });
  });

  it('knows the languages of the main citizenships', () => {
    expect(languagesOf('SN')).toEqual(['fr', 'wo']);
    expect(languagesOf('XX')).toEqual([]);
  });
});
