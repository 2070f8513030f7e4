import { describe, expect, it } from 'vitest';
import { PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import { NEEDS, NEEDS_TAXONOMY_ID, needTermId, needsTaxonomyRows } from './needs-taxonomy.ts';

describe('needs taxonomy', () => {
  it('has the ten top needs, each with three to six sub-needs', () => {
    expect(NEEDS.map((n) => n.code)).toEqual([
      'documents',
      'asylum',
      'health',
      'housing',
      'work',
      'language-school',
      'family-social',
      'anti-discrimination',
      'mediation',
      'community',
    ]);
    for (const need of NEEDS) {
      expect(need.children?.length, need.code).toBeGreaterThanOrEqual(3);
      expect(need.children?.length, need.code).toBeLessThanOrEqual(6);
      for (const child of need.children ?? []) expect(child.code.startsWith(`${need.code}.`), child.code).toBe(true);
    }
  });

  it('names and describes every term in every public language', () => {
    const { terms } = needsTaxonomyRows();
    for (const term of terms) {
      for (const locale of PUBLIC_LOCALES) {
        expect(term.name[locale]?.value.trim(), `${term.code} name ${locale}`).toBeTruthy();
        expect(term.description[locale]?.value.trim(), `${term.code} description ${locale}`).toBeTruthy();
      }
      expect(term.name.it?.status).toBe('original');
      expect(term.name.ar?.status).toBe('reviewed');
    }
  });

  it('keeps stable, unique identifiers', () => {
    const { terms, taxonomy } = needsTaxonomyRows();
    expect(taxonomy.id).toBe(NEEDS_TAXONOMY_ID);
    expect(NEEDS_TAXONOMY_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(needTermId('health')).toBe(needTermId('health'));
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
    expect(new Set(terms.map((t) => t.code)).size).toBe(terms.length);
    const health = terms.find((t) => t.code === 'health.mental-health');
    expect(health?.parent_id).toBe(needTermId('health'));
  });
});
