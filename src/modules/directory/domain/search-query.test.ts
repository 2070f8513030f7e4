import { describe, expect, it } from 'vitest';
import { contentWords, foldName, matchMunicipality, parseFinderQuery, placeLabel, trigramPattern, wordsOf, type PlaceOption } from './search-query.ts';

describe('parseFinderQuery', () => {
  it('reads an empty query as "everything, page 1"', () => {
    const { query, errors } = parseFinderQuery({});
    expect(errors).toEqual([]);
    expect(query).toMatchObject({ text: null, words: [], needId: null, provinceCode: null, municipality: null, languageCode: null, isFree: false, isOpenNow: false, near: null, page: 1 });
  });

  it('reads every filter', () => {
    const { query, errors, input } = parseFinderQuery({
      q: '  Permesso di soggiorno ',
      need: 'AAAAAAAA-0000-4000-8000-000000000001',
      province: '237',
      municipality: 'Bologna',
      language: 'ar',
      free: 'true',
      open: 'on',
      lat: '44,4949',
      lon: '11.3426',
      radius: '10',
      page: '3',
    });
    expect(errors).toEqual([]);
    expect(input.q).toBe('Permesso di soggiorno');
    expect(query).toMatchObject({
      text: 'Permesso di soggiorno',
      words: ['permesso', 'di', 'soggiorno'],
      needId: 'aaaaaaaa-0000-4000-8000-000000000001',
      provinceCode: '237',
      municipality: 'Bologna',
      languageCode: 'ar',
      isFree: true,
      isOpenNow: true,
      near: { latitude: 44.4949, longitude: 11.3426, radiusKm: 10 },
      page: 3,
    });
  });

  it('names each malformed field and keeps going', () => {
    const { errors, query } = parseFinderQuery({ need: 'legal', province: 'BO', language: 'Arabic', lat: '91', lon: '11', page: '0', q: 'x'.repeat(201) });
    expect(errors.map((e) => e.field).sort()).toEqual(['language', 'near', 'need', 'page', 'province', 'q']);
    expect(query.page).toBe(1);
    expect(query.near).toBeNull();
  });

  it('wants both coordinates, inside Italy, and a radius offered', () => {
    expect(parseFinderQuery({ lat: '44.5' }).errors.map((e) => e.field)).toEqual(['near']);
    expect(parseFinderQuery({ lat: '48.9', lon: '2.3' }).errors.map((e) => e.field)).toEqual(['near']);
    expect(parseFinderQuery({ lat: '44.5', lon: '11.3', radius: '7' }).errors.map((e) => e.field)).toEqual(['radius']);
    expect(parseFinderQuery({ lat: '44.5', lon: '11.3' }).query.near?.radiusKm).toBe(25);
  });

  it('takes the first value when a parameter is repeated', () => {
    expect(parseFinderQuery({ province: ['237', '058'] }).query.provinceCode).toBe('237');
  });
});

describe('words', () => {
  it('splits any script, lowercases, drops one-letter words and repeats', () => {
    expect(wordsOf("L'ufficio  Immigrazione, immigrazione!")).toEqual(['ufficio', 'immigrazione']);
    expect(wordsOf('مساعدة قانونية')).toEqual(['مساعدة', 'قانونية']);
    expect(wordsOf('Città perché')).toEqual(['città', 'perché']);
  });

  it('marks scripts written without spaces', () => {
    expect(parseFinderQuery({ q: '法律援助' }).query).toMatchObject({ isUnspaced: true, words: ['法律援助'] });
    expect(parseFinderQuery({ q: 'aide juridique' }).query.isUnspaced).toBe(false);
  });

  it('leaves out function words for the non-Italian branch', () => {
    expect(contentWords(['aide', 'pour', 'les', 'familles'])).toEqual(['aide', 'familles']);
    expect(contentWords(['legal', 'aid', 'for', 'families'])).toEqual(['legal', 'aid', 'families']);
  });
});

describe('trigramPattern', () => {
  it('lists the trigrams of a word, accents folded, for the trigram index to find close words', () => {
    expect(trigramPattern('permeso')).toBe('(per|erm|rme|mes|eso)');
    expect(trigramPattern('Città')).toBe('(cit|itt|tta)');
    expect(trigramPattern('straße')).toBe('(str|tra|ras|ass|sse)');
  });

  it('leaves short words alone', () => {
    expect(trigramPattern('asl')).toBeNull();
  });
});

describe('matchMunicipality', () => {
  const places: PlaceOption[] = [
    { code: '037006', name: 'Bologna', provinceCode: '237', carCode: 'BO' },
    { code: '016024', name: 'Calusco d’Adda', provinceCode: '016', carCode: 'BG' },
    { code: '016063', name: 'Castro', provinceCode: '016', carCode: 'BG' },
    { code: '075019', name: 'Castro', provinceCode: '075', carCode: 'LE' },
    { code: '037054', name: 'San Lazzaro di Savena', provinceCode: '237', carCode: 'BO' },
  ];

  it('finds a name without accents, case or apostrophe differences', () => {
    expect(matchMunicipality('bologna', places)).toEqual({ kind: 'one', place: places[0] });
    expect(matchMunicipality("calusco d'adda", places)).toEqual({ kind: 'one', place: places[1] });
    expect(matchMunicipality('SAN  LAZZARO DI SAVENA', places)).toEqual({ kind: 'one', place: places[4] });
  });

  it('finds an ISTAT code', () => {
    expect(matchMunicipality('037006', places)).toEqual({ kind: 'one', place: places[0] });
    expect(matchMunicipality('999999', places)).toEqual({ kind: 'none' });
  });

  it('tells apart namesakes by the plate code of their province', () => {
    expect(matchMunicipality('Castro', places)).toEqual({ kind: 'many', places: [places[2], places[3]] });
    expect(matchMunicipality('Castro (le)', places)).toEqual({ kind: 'one', place: places[3] });
    expect(placeLabel(places[3]!)).toBe('Castro (LE)');
  });

  it('says when nothing matches', () => {
    expect(matchMunicipality('Bolognaa', places)).toEqual({ kind: 'none' });
    expect(foldName('  Forlì ')).toBe('forli');
  });
});
