import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { parseLocation, resolveMunicipality, type MunicipalityOption } from './location-input.ts';

const PLACES: MunicipalityOption[] = [
  { code: '037006', name: 'Bologna', carCode: 'BO' },
  { code: '040012', name: 'Forlì', carCode: 'FC' },
  { code: '036023', name: 'Modena', carCode: 'MO' },
];

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.map((f) => `${f.field}:${f.messageKey}`);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('municipality lookup', () => {
  it('finds by ISTAT code, by name without accents and by "name (XX)"', () => {
    expect(resolveMunicipality('037006', PLACES)?.name).toBe('Bologna');
    expect(resolveMunicipality('forli', PLACES)?.code).toBe('040012');
    expect(resolveMunicipality('Modena (MO)', PLACES)?.code).toBe('036023');
    expect(resolveMunicipality('Modena (BO)', PLACES)).toBeNull();
    expect(resolveMunicipality('Atlantide', PLACES)).toBeNull();
  });
});

describe('location form', () => {
  const valid = { locationType: 'physical', name: 'Sportello', address1: 'Via Roma 1', postalCode: '40121', municipality: 'Bologna (BO)', latitude: '44,4949', longitude: '11.3426' };

  it('reads a physical location with coordinates written with a comma', () => {
    const input = parseLocation(valid, PLACES);
    expect(input.municipality?.code).toBe('037006');
    expect(input.latitude).toBeCloseTo(44.4949);
    expect(input.longitude).toBeCloseTo(11.3426);
  });

  it('names an unknown municipality, a bad postal code and coordinates outside Italy', () => {
    expect(fieldsOf(() => parseLocation({ ...valid, municipality: 'Atlantide', postalCode: '4012', latitude: '51.5', longitude: '-0.12' }, PLACES))).toEqual([
      'postalCode:directory.staff.errors.postalCode',
      'municipality:directory.staff.errors.municipalityUnknown',
      'latitude:directory.staff.errors.latitudeOutside',
      'longitude:directory.staff.errors.longitudeOutside',
    ]);
  });

  it('wants both coordinates or neither, and a web address for a virtual location', () => {
    expect(fieldsOf(() => parseLocation({ ...valid, longitude: '' }, PLACES))).toEqual(['longitude:directory.staff.errors.coordinatesPair']);
    expect(fieldsOf(() => parseLocation({ locationType: 'virtual' }, PLACES))).toEqual(['url:validation.required']);
    expect(parseLocation({ locationType: 'virtual', url: 'https://example.org/call' }, PLACES).address1).toBeNull();
  });
});
