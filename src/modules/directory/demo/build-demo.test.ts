import { describe, expect, it } from 'vitest';
import { NEEDS, needsTaxonomyRows } from '../reference/needs-taxonomy.ts';
import { buildDemo, DEMO_CATALOGUE, SERVICES_PER_NEED, type DemoInput } from './build-demo.ts';
import { DEMO_TOWNS } from './demo-places.ts';

function input(): DemoInput {
  const { terms } = needsTaxonomyRows();
  return {
    now: new Date('2026-11-26T10:00:00Z'),
    towns: new Map(DEMO_TOWNS.map((t, i) => [t.name, { regionCode: t.regionCode, name: t.name, carCode: t.carCode, municipalityCode: String(100000 + i), provinceCode: t.carCode }])),
    accountOrganisations: [
      { id: '00000000-0000-4000-8000-000000000001', name: 'Comune di Bologna', type: 'municipality', regionCode: '08', municipalityCode: String(100000), provinceCode: 'BO' },
      { id: '00000000-0000-4000-8000-000000000002', name: 'Regione Siciliana', type: 'region', regionCode: '19', municipalityCode: null, provinceCode: null },
    ],
    regionNames: { '08': 'Emilia-Romagna', '19': 'Sicilia' },
    needs: new Map(terms.map((t) => [t.code, { id: t.id, name: t.name, description: t.description }])),
    languageNames: new Map([['ar', 'Arabic']]),
  };
}

describe('demo directory', () => {
  const rows = buildDemo(input());

  it('covers every sub-need of the taxonomy with several services, in both regions', () => {
    const subNeeds = NEEDS.flatMap((n) => n.children ?? []).map((c) => c.code);
    expect(DEMO_CATALOGUE.map((t) => t.need).sort()).toEqual([...subNeeds].sort());
    expect(rows.services.length).toBe(subNeeds.length * SERVICES_PER_NEED);
    expect(rows.services.length).toBeGreaterThanOrEqual(300);
    const perTerm = new Map<string, number>();
    for (const a of rows.attributes) perTerm.set(a.taxonomy_term_id, (perTerm.get(a.taxonomy_term_id) ?? 0) + 1);
    expect([...perTerm.values()].every((n) => n === SERVICES_PER_NEED)).toBe(true);
    const regions = new Set(rows.services.map((s) => s.region_code));
    expect(regions).toEqual(new Set(['08', '19']));
  });

  it('is mostly published, with drafts, reviews, archived and stale services', () => {
    const states = new Map<string, number>();
    for (const s of rows.services) states.set(String(s.workflow_state), (states.get(String(s.workflow_state)) ?? 0) + 1);
    expect(states.get('published')! / rows.services.length).toBeGreaterThan(0.7);
    for (const state of ['draft', 'in_review', 'archived']) expect(states.get(state), state).toBeGreaterThan(0);
    const staleBefore = new Date('2026-05-30T00:00:00Z');
    expect(rows.services.filter((s) => !s.last_verified_at || (s.last_verified_at as Date) < staleBefore).length).toBeGreaterThan(10);
  });

  it('writes Italian everywhere, English on most, other languages on some, with gaps and outdated texts', () => {
    expect(rows.services.every((s) => s.name.it?.status === 'original')).toBe(true);
    const withEnglish = rows.services.filter((s) => s.name.en).length;
    expect(withEnglish / rows.services.length).toBeGreaterThan(0.6);
    expect(withEnglish).toBeLessThan(rows.services.length);
    expect(rows.services.some((s) => s.description?.en?.status === 'outdated')).toBe(true);
    expect(rows.services.some((s) => s.name.ar)).toBe(true);
    expect(rows.services.some((s) => s.name.bn)).toBe(true);
  });

  it('places every service in a demo town with an address, phone, languages and opening hours', () => {
    const locations = new Map(rows.locations.map((l) => [l.id, l]));
    for (const sal of rows.serviceAtLocations) expect(locations.has(sal.location_id)).toBe(true);
    for (const location of rows.locations) {
      expect(location.latitude! > 36 && location.latitude! < 46).toBe(true);
      expect(rows.addresses.some((a) => a.location_id === location.id)).toBe(true);
    }
    expect(new Set(rows.phones.map((p) => p.service_id)).size).toBe(rows.services.length);
    expect(new Set(rows.schedules.map((s) => s.service_id)).size).toBe(rows.services.length);
    expect(rows.phones.every((p) => /^\+39 0\d{1,3} 000 \d{4}$/.test(p.number))).toBe(true);
  });

  it('gives the accounts demo’s organisations services, one of them waiting for review', () => {
    const bologna = rows.organisations.find((o) => o.account_organisation_id === '00000000-0000-4000-8000-000000000001');
    const theirs = rows.services.filter((s) => s.organization_id === bologna?.id);
    expect(theirs.length).toBeGreaterThan(1);
    expect(theirs[0]!.workflow_state).toBe('in_review');
  });

  it('is the same every time', () => {
    const again = buildDemo(input());
    expect(again.services.map((s) => s.id)).toEqual(rows.services.map((s) => s.id));
    expect(JSON.stringify(again.locations)).toBe(JSON.stringify(rows.locations));
  });
});
