import { describe, expect, it } from 'vitest';
import { textFrom } from '../../../kernel/i18n/content.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { diffFlat, flattenLocation, flattenSnapshot } from './flatten.ts';
import { isAllowedFrom, stateAfter, stateAfterEdit } from './workflow.ts';

function snapshot(overrides: Partial<ServiceSnapshot['service']> = {}, parts: Partial<ServiceSnapshot> = {}): ServiceSnapshot {
  const service = {
    id: 's1',
    name: textFrom({ it: 'Sportello', en: 'Desk' }),
    description: textFrom({ it: 'Aiuto' }),
    status: 'active',
    is_free: true,
    minimum_age: null,
    maximum_age: 65,
    ...overrides,
  } as unknown as ServiceSnapshot['service'];
  return {
    version: 1,
    publishedAt: '2026-11-26T00:00:00.000Z',
    service,
    serviceAtLocations: [],
    phones: [],
    schedules: [],
    scheduleExceptions: [],
    languages: [],
    requiredDocuments: [],
    costOptions: [],
    serviceAreas: [],
    contacts: [],
    funding: [],
    attributes: [],
    ...parts,
  };
}

describe('flattening and comparing services', () => {
  it('names each language of each text and the service’s parts', () => {
    const flat = flattenSnapshot(
      snapshot({}, {
        schedules: [
          { byday: 'TU', opens_at: '09:00:00', closes_at: '12:00:00', freq: 'WEEKLY' },
          { byday: 'MO', opens_at: '14:00:00', closes_at: '16:00:00', freq: 'WEEKLY' },
        ] as ServiceSnapshot['schedules'],
        attributes: [{ taxonomy_term_id: 't1' }] as ServiceSnapshot['attributes'],
        languages: [{ code: 'ar' }, { code: 'en' }] as ServiceSnapshot['languages'],
      }),
      (id) => (id === 't1' ? 'health' : id),
    );
    expect(flat).toMatchObject({ 'name.it': 'Sportello', 'name.en': 'Desk', 'description.it': 'Aiuto', is_free: 'true', maximum_age: '65', needs: 'health', languages: 'ar, en' });
    expect(flat.schedules).toBe('MO 14:00–16:00; TU 09:00–12:00');
    expect(flat).not.toHaveProperty('minimum_age');
  });

  it('lists changed, added and removed fields', () => {
    const before = flattenSnapshot(snapshot());
    const after = flattenSnapshot(snapshot({ name: textFrom({ it: 'Sportello unico' }), maximum_age: null }));
    expect(diffFlat(before, after)).toEqual([
      { field: 'name.it', before: 'Sportello', after: 'Sportello unico' },
      { field: 'name.en', before: 'Desk', after: '' },
      { field: 'maximum_age', before: '65', after: '' },
    ]);
    expect(diffFlat(before, before)).toEqual([]);
    expect(flattenSnapshot(null)).toEqual({});
  });

  it('flattens a location', () => {
    expect(
      flattenLocation({ locationType: 'physical', name: textFrom({ it: 'Sede' }), description: null, transportation: null, accessibility: null, url: null, municipalityCode: '037006', latitude: 44.5, longitude: 11.3, address1: 'Via Roma 1', address2: null, postalCode: '40121' }),
    ).toEqual({ location_type: 'physical', 'name.it': 'Sede', municipality_code: '037006', latitude: '44.5', longitude: '11.3', address_1: 'Via Roma 1', postal_code: '40121' });
  });
});

describe('workflow', () => {
  it('moves only from the states each action accepts', () => {
    expect(isAllowedFrom('submit', 'draft')).toBe(true);
    expect(isAllowedFrom('submit', 'in_review')).toBe(false);
    expect(isAllowedFrom('publish', 'in_review')).toBe(true);
    expect(isAllowedFrom('publish', 'published')).toBe(false);
    expect(isAllowedFrom('sendBack', 'draft')).toBe(false);
    expect(isAllowedFrom('restore', 'archived')).toBe(true);
    expect(stateAfter('sendBack')).toBe('draft');
    expect(stateAfterEdit('published')).toBe('draft');
    expect(stateAfterEdit('in_review')).toBe('in_review');
  });
});
