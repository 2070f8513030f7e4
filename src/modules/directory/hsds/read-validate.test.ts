import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset, Issues, describeIssue } from './dataset.ts';
import { detectTable, readJsonDocument } from './read-json.ts';
import { validateDataset } from './validate.ts';

const EXAMPLES = new URL('./examples/json/', import.meta.url);
const example = (name: string): unknown => JSON.parse(fs.readFileSync(new URL(name, EXAMPLES), 'utf8'));

function read(document: unknown, file = 'test.json'): { dataset: Dataset; errors: string[]; warnings: string[] } {
  const dataset = new Dataset();
  const issues = new Issues();
  readJsonDocument(document, { dataset, issues, file });
  validateDataset(dataset, issues);
  return { dataset, errors: issues.errors.map(describeIssue), warnings: issues.warnings.map(describeIssue) };
}

const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';

describe('reading HSDS JSON', () => {
  it('tells the HSDS objects apart', () => {
    expect(detectTable({ id: 'x', name: 'n', status: 'active' })).toBe('service');
    expect(detectTable({ id: 'x', location_type: 'physical' })).toBe('location');
    expect(detectTable({ id: 'x', service: {}, location: {} })).toBe('service_at_location');
    expect(detectTable({ id: 'x', name: 'n', description: 'd', website: 'http://a.example' })).toBe('organization');
    expect(detectTable({ id: 'x', name: 'n', description: 'd', parent_id: 'y' })).toBe('taxonomy_term');
    expect(detectTable({ id: 'x', name: 'n', description: 'd', version: '1' })).toBe('taxonomy');
    expect(detectTable({ id: 'x', name: 'n', description: 'd' })).toBeNull();
  });

  it('flattens a full service into one record per object, each linked to the objects it sits in', () => {
    const { dataset, errors } = read(example('service_full.json'));
    expect(errors).toEqual([]);
    expect(dataset.counts()).toMatchObject({ service: 1, phone: 1, language: 1, contact: 1, location: 1, organization: 1, program: 1, attribute: 1, taxonomy_term: 1, taxonomy: 1, metadata: 1 });
    // One phone appears six times: under the service, its service-at-location, location, organisation and contact.
    expect(dataset.get('phone', '1554f2e2-a373-45db-a3fa-9fc48a61c15e')).toMatchObject({
      service_id: SERVICE,
      service_at_location_id: 'e94c9f38-1e8f-4564-91d4-d53501ab1765',
      location_id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
      organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
      contact_id: '1e7efce3-639b-4880-940c-b95cd30cdb50',
      extension: 100,
    });
    expect(dataset.get('service', SERVICE)).toMatchObject({ organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', program_id: 'e7ec2e57-4540-43fa-b2c7-6be5a0ef7f42' });
    expect(dataset.get('program', 'e7ec2e57-4540-43fa-b2c7-6be5a0ef7f42')).toMatchObject({ organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610' });
    expect(dataset.get('attribute', 'ae58cc39-8b70-4ab1-8aea-786882e5ac8e')).toMatchObject({ link_id: SERVICE, link_entity: 'link_entity', taxonomy_term_id: '3f7b145d-84af-42d7-8fae-eaca714b02b2' });
    expect(dataset.get('metadata', '6cd71e9f-1013-49d9-8370-26b8f59d3e5a')).toMatchObject({ resource_id: SERVICE, resource_type: 'location' });
  });

  it('reads pages, lists and organization_full, and refuses the API root', () => {
    expect(read(example('service_list.json')).dataset.counts()).toEqual({ service: 1, organization: 1, program: 1 });
    expect(read([example('location.json')]).dataset.ids('location')).toEqual(['3a19ff88-4620-4d17-9830-ac1d859eb5d5']);
    expect(read(example('organization_full.json')).dataset.get('service', SERVICE)).toMatchObject({ organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610' });
    expect(read(example('base.json'), 'base.json').errors).toEqual(['base.json $: this is the answer of an HSDS API root (version, profile, openapi_url), not data']);
  });

  it('refuses an object whose copies disagree, or that contradicts the object it is nested in', () => {
    const phone = { id: '1554f2e2-a373-45db-a3fa-9fc48a61c15e', number: '1' };
    const { errors } = read({
      id: SERVICE,
      name: 'S',
      status: 'active',
      organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
      phones: [phone, { ...phone, number: '2' }, { id: 'aaaaaaaa-a373-45db-a3fa-9fc48a61c15e', number: '3', service_id: 'bbbbbbbb-d857-441c-9679-408f346de14b' }],
    });
    expect(errors).toEqual([
      'phone 1554f2e2-a373-45db-a3fa-9fc48a61c15e (test.json $.phones[1]), field number: "2" differs from "1" given for the same phone at phone 1554f2e2-a373-45db-a3fa-9fc48a61c15e (test.json $.phones[0])',
      `phone aaaaaaaa-a373-45db-a3fa-9fc48a61c15e (test.json $.phones[2]), field service_id: "bbbbbbbb-d857-441c-9679-408f346de14b" contradicts the object it is nested in (${SERVICE})`,
    ]);
  });

  it('passes the language of a container on to what it holds', () => {
    const { dataset } = read({ id: SERVICE, name: 'S', status: 'active', x_crocevia: { original_language: 'ar' }, phones: [{ id: '1554f2e2-a373-45db-a3fa-9fc48a61c15e', number: '1', description: 'd' }] });
    expect(dataset.get('phone', '1554f2e2-a373-45db-a3fa-9fc48a61c15e')?.x_crocevia).toEqual({ original_language: 'ar' });
  });
});

describe('checking records against HSDS 3.0 and the profile', () => {
  const service = (fields: Record<string, unknown>) => ({ id: SERVICE, name: 'S', status: 'active', organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', ...fields });

  it('names the record and field of each fault: enumerations, identifiers, required fields, types', () => {
    expect(read(service({ status: 'open' })).errors).toEqual([`service ${SERVICE} (test.json $), field status: "open" is not one of active, inactive, defunct, temporarily closed`]);
    expect(read(service({ id: 'ac14' })).errors).toEqual(['service ac14 (test.json $), field id: "ac14" is not a UUID']);
    expect(read(service({ name: undefined, minimum_age: 'twelve', assured_date: '2024-02-30', email: 'nobody' })).errors).toEqual([
      `service ${SERVICE} (test.json $), field name: is required`,
      `service ${SERVICE} (test.json $), field email: "nobody" is not an e-mail address`,
      `service ${SERVICE} (test.json $), field minimum_age: "twelve" is not a number`,
      `service ${SERVICE} (test.json $), field assured_date: "2024-02-30" is not a date (YYYY-MM-DD)`,
    ]);
  });

  it('brings values to their canonical form and keeps unknown service fields', () => {
    const { dataset, errors, warnings } = read(
      service({ minimum_age: '12', wait_time: 'two weeks', capacities: [1], schedules: [{ id: '48102e86-bb50-41c4-8f1e-e269368c41d1', opens_at: '9:00', closes_at: '18:00', colour: 'red' }] }),
    );
    expect(errors).toEqual(['schedule 48102e86-bb50-41c4-8f1e-e269368c41d1 (test.json $.schedules[0]), field opens_at: "9:00" is not a time (HH:MM or HH:MM:SS)']);
    expect(warnings).toEqual(['schedule 48102e86-bb50-41c4-8f1e-e269368c41d1 (test.json $.schedules[0]), field colour: not a field of the HSDS 3.0 schedule: not stored']);
    expect(dataset.get('schedule', '48102e86-bb50-41c4-8f1e-e269368c41d1')).toMatchObject({ closes_at: '18:00:00' });
    expect(dataset.get('service', SERVICE)).toMatchObject({ minimum_age: 12, wait_time: 'two weeks', capacities: [1] });
  });

  it('warns of coordinates out of range and checks the profile extension', () => {
    expect(read(example('location.json')).warnings).toEqual([
      'location 3a19ff88-4620-4d17-9830-ac1d859eb5d5 (test.json $), field latitude: 100 is outside -90…90: stored as given, but maps and distances ignore it',
    ]);
    const { errors } = read(
      service({
        x_crocevia: {
          original_language: 'de',
          region_code: '8',
          translations: { name: { en: { value: 'S', status: 'original' } }, url: { en: { value: 'x', status: 'reviewed' } } },
          schedule_exceptions: [{ id: '6a1e0000-bb50-41c4-8f1e-e269368c41d1', starts_on: '2026-12-26', ends_on: '2026-12-24', is_closed: false }],
        },
      }),
    );
    expect(errors).toEqual([
      `service ${SERVICE} (test.json $), field x_crocevia.original_language: "de" is not one of Crocevia's languages (it, en, fr, es, ar, zh, sq, uk, bn, ur)`,
      `service ${SERVICE} (test.json $), field x_crocevia.region_code: "8" is not an ISTAT region code (two digits)`,
      `service ${SERVICE} (test.json $), field x_crocevia.translations.name.en.status: "original" is not one of machine, reviewed, outdated (the original text belongs in the plain field: export without ?lang=)`,
      `service ${SERVICE} (test.json $), field x_crocevia.translations.url: service has no translated field url (translated: name, alternate_name, description, interpretation_services, application_process, fees_description, eligibility_description, alert)`,
      'x_crocevia_schedule_exception 6a1e0000-bb50-41c4-8f1e-e269368c41d1 (test.json $.x_crocevia.schedule_exceptions[0]), field ends_on: 2026-12-24 is before starts_on 2026-12-26',
      'x_crocevia_schedule_exception 6a1e0000-bb50-41c4-8f1e-e269368c41d1 (test.json $.x_crocevia.schedule_exceptions[0]), field closes_at: a day with special hours needs opens_at and a later closes_at',
    ]);
  });
});
