import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset, Issues } from './dataset.ts';
import { Nester } from './nest.ts';
import { detectTable, readJsonDocument } from './read-json.ts';
import { validateDataset } from './validate.ts';
import { missingValues } from './test/compare.ts';

const EXAMPLES = new URL('./examples/json/', import.meta.url);

function nestedBack(name: string): { original: Record<string, unknown>; nester: Nester } {
  const original = JSON.parse(fs.readFileSync(new URL(name, EXAMPLES), 'utf8')) as Record<string, unknown>;
  const dataset = new Dataset();
  const issues = new Issues();
  readJsonDocument(original, { dataset, issues, file: name });
  validateDataset(dataset, issues);
  expect(issues.errors).toEqual([]);
  return { original, nester: new Nester(dataset) };
}

describe('nesting flat records back into HSDS JSON', () => {
  for (const name of ['service_full.json', 'organization_full.json', 'service_at_location_full.json', 'location.json']) {
    it(`gives back every value of ${name}`, () => {
      const { original, nester } = nestedBack(name);
      const nested = nester.nest(detectTable(original)!, String(original.id));
      expect(missingValues(original, nested)).toEqual([]);
    });
  }

  it('gives back the items of the list examples', () => {
    for (const name of ['service_list.json', 'taxonomy_term_list.json']) {
      const { original, nester } = nestedBack(name);
      for (const item of original.contents as Record<string, unknown>[]) {
        expect(missingValues(item, nester.nest(detectTable(item)!, String(item.id), { depth: 'basic' })), name).toEqual([]);
      }
    }
  });

  it('never nests an object inside itself, and leaves out links the nesting says', () => {
    const { nester } = nestedBack('service_full.json');
    const service = nester.nest('service', 'ac148810-d857-441c-9679-408f346de14b')!;
    const organization = service.organization as Record<string, unknown>;
    expect(organization.services).toBeUndefined();
    const [sal] = service.service_at_locations as Record<string, unknown>[];
    expect(sal!.service).toBeUndefined();
    expect(sal!.service_id).toBeUndefined();
    expect((sal!.location as Record<string, unknown>).id).toBe('3a19ff88-4620-4d17-9830-ac1d859eb5d5');
    const [phone] = service.phones as Record<string, unknown>[];
    expect(phone).toMatchObject({ location_id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5', contact_id: '1e7efce3-639b-4880-940c-b95cd30cdb50' });
    expect(phone!.service_id).toBeUndefined();
  });

  it('nests one-to-one objects only, with their own fields, at basic depth', () => {
    const { nester } = nestedBack('service_full.json');
    const basic = nester.nest('service', 'ac148810-d857-441c-9679-408f346de14b', { depth: 'basic' })!;
    expect(basic.phones).toBeUndefined();
    expect(Object.keys(basic.organization as object)).not.toContain('locations');
    expect(basic.program).toMatchObject({ name: 'Community Mental Health Support' });
  });

  it('catches a value that did not come back', () => {
    expect(missingValues({ a: [{ id: 'x', b: 1 }], c: '10:00' }, { a: [{ id: 'x', b: '1' }], c: '10:00:00' })).toEqual([]);
    expect(missingValues({ a: [{ id: 'x', b: 1 }], c: 'v' }, { a: [{ id: 'y', b: 1 }] })).toEqual(['$.a[0] (id x): missing', '$.c: missing (was "v")']);
  });
});
