import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import type { CliCommand } from '../../../kernel/module.ts';
import { hsdsExportCommand, hsdsImportCommand } from './cli.ts';
import { parseCsv } from './csv.ts';
import { Dataset, Issues } from './dataset.ts';
import { Nester } from './nest.ts';
import { detectTable } from './read-json.ts';
import { readPackage } from './read-package.ts';
import { validateDataset } from './validate.ts';
import { missingValues } from './test/compare.ts';

const EXAMPLES = fileURLToPath(new URL('./examples', import.meta.url));
const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';

let t: TestApp;
let work: string;

async function run(command: CliCommand, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await command.run(args, t.ctx), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** Exports every record, reads the package back and returns it with services.json. */
async function exportAll(name: string): Promise<{ dir: string; nester: Nester; services: Record<string, unknown>[] }> {
  const dir = path.join(work, name);
  const result = await run(hsdsExportCommand, [dir, '--all']);
  expect(result.code, result.err).toBe(0);
  const dataset = new Dataset();
  const issues = new Issues();
  readPackage(dir, { dataset, issues });
  validateDataset(dataset, issues);
  expect(issues.errors).toEqual([]);
  return { dir, nester: new Nester(dataset), services: JSON.parse(fs.readFileSync(path.join(dir, 'services.json'), 'utf8')) as Record<string, unknown>[] };
}

async function countRows(table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.ctx.db);
  return Number(rows[0]!.n);
}

const TABLES = ['directory_organisations', 'directory_services', 'directory_locations', 'directory_phones', 'directory_contacts', 'directory_languages', 'directory_metadata', 'directory_taxonomy_terms'];
const countAll = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await countRows(table)])));

function writeFile(name: string, content: unknown): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

beforeAll(async () => {
  t = await createTestApp();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-hsds-'));
});

afterAll(async () => {
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the official HSDS 3.0 examples go through the command line and come back whole', () => {
  const jsonExamples = ['service_full.json', 'service_list.json', 'organization_full.json', 'service_at_location_full.json', 'location.json', 'taxonomy_term_list.json'];

  for (const name of jsonExamples) {
    it(`json/${name}: imported, exported, every value back`, async () => {
      const imported = await run(hsdsImportCommand, [path.join(EXAMPLES, 'json', name), '--region', '08', '--language', 'en']);
      expect(imported.code, imported.err).toBe(0);
      expect(imported.out).toContain('Imported');
      const { nester, services } = await exportAll(`export-${name}`);
      const original = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'json', name), 'utf8')) as Record<string, unknown>;
      const items = Array.isArray(original.contents) ? (original.contents as Record<string, unknown>[]) : [original];
      for (const item of items) {
        const table = detectTable(item)!;
        expect(missingValues(item, nester.nest(table, String(item.id))), `${name}: the CSV package`).toEqual([]);
        if (table === 'service') expect(missingValues(item, services.find((s) => s.id === item.id)), `${name}: services.json`).toEqual([]);
      }
    });
  }

  it('csv/: the Tabular Data Package imported, exported, every cell of every row back', async () => {
    const imported = await run(hsdsImportCommand, [path.join(EXAMPLES, 'csv'), '--region', '08', '--language', 'en']);
    expect(imported.code, imported.err).toBe(0);
    // The examples' dangling references and dummy coordinates are kept, with a warning.
    expect(imported.err).toContain('warning: locations.csv row 2, field latitude: 100 is outside -90…90');
    expect(imported.err).toContain('warning: contacts.csv row 2, field organization_id: no organization ae67a707-5893-4225-b0b1-320ab9cb596b in the file or the database: kept as given');
    const { dir } = await exportAll('export-csv');
    const descriptor = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'csv', 'datapackage.json'), 'utf8')) as { resources: { path: string }[] };
    for (const { path: file } of descriptor.resources) {
      const [header, ...rows] = parseCsv(fs.readFileSync(path.join(EXAMPLES, 'csv', file), 'utf8'));
      const [outHeader, ...outRows] = parseCsv(fs.readFileSync(path.join(dir, file), 'utf8'));
      expect(outHeader!.cells, file).toEqual(header!.cells);
      for (const row of rows) {
        const original = Object.fromEntries(header!.cells.map((c, i) => [c, row.cells[i]]));
        const back = outRows.find((r) => r.cells[0] === original.id);
        expect(back, `${file}: row ${original.id}`).toBeDefined();
        expect(missingValues(original, Object.fromEntries(outHeader!.cells.map((c, i) => [c, back!.cells[i]]))), file).toEqual([]);
      }
    }
  });
});

describe("Crocevia's own data through the profile", () => {
  const serviceId = '9b2f3c4d-0000-4000-8000-000000000030';
  const crocevia = {
    id: serviceId,
    name: 'Sportello stranieri',
    description: 'Rinnovo del permesso di soggiorno',
    status: 'active',
    organization: { id: '9b2f3c4d-0000-4000-8000-000000000031', name: 'Comune di Esempio', description: 'Il comune', website: 'https://comune.example' },
    phones: [{ id: '9b2f3c4d-0000-4000-8000-000000000032', number: '051 000000', description: 'Centralino', x_crocevia: { translations: { description: { en: { value: 'Switchboard', status: 'machine', updated_at: '2026-11-01T09:00:00.000Z' } } } } }],
    x_crocevia: {
      original_language: 'it',
      is_free: true,
      last_verified_at: '2026-11-20T09:00:00.000Z',
      translations: {
        name: { en: { value: 'Foreigners desk', status: 'reviewed', updated_at: '2026-11-01T09:00:00.000Z' }, ar: { value: 'مكتب الأجانب', status: 'outdated', updated_at: '2026-10-01T09:00:00.000Z' } },
      },
      schedule_exceptions: [{ id: '9b2f3c4d-0000-4000-8000-000000000033', starts_on: '2026-12-24', ends_on: '2026-12-26', is_closed: true, reason: 'Chiusura natalizia' }],
    },
  };

  it('keeps translations, their status and dates, closures and Crocevia fields through JSON and CSV exports', async () => {
    expect((await run(hsdsImportCommand, [writeFile('crocevia.json', crocevia), '--region', '08'])).code).toBe(0);
    const { dir, services } = await exportAll('export-crocevia');
    const exported = services.find((s) => s.id === serviceId)!;
    expect(missingValues(crocevia, exported)).toEqual([]);
    expect(exported.x_crocevia).toMatchObject({ region_code: '08', original_language: 'it' });
    const before = await countAll();
    for (const source of [path.join(dir, 'services.json'), dir]) {
      const again = await run(hsdsImportCommand, [source]);
      expect(again.code, again.err).toBe(0);
      expect(again.out, source).toMatch(/created: none\n {2}updated: none\n/);
    }
    expect(await countAll()).toEqual(before);
  });

  it('exports only public services, as published, unless --all', async () => {
    const dir = path.join(work, 'public-export');
    expect((await run(hsdsExportCommand, [dir, '--format', 'json'])).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'datapackage.json'))).toBe(false);
    const publicIds = (JSON.parse(fs.readFileSync(path.join(dir, 'services.json'), 'utf8')) as { id: string }[]).map((s) => s.id);
    expect(publicIds).not.toContain(serviceId);
    await run(hsdsImportCommand, [writeFile('crocevia.json', crocevia), '--publish']);
    expect((await run(hsdsExportCommand, [dir])).code).toBe(0);
    const published = JSON.parse(fs.readFileSync(path.join(dir, 'services.json'), 'utf8')) as Record<string, unknown>[];
    expect(published.find((s) => s.id === serviceId)).toMatchObject({ name: 'Sportello stranieri', x_crocevia: { published_at: expect.any(String) } });
    expect(fs.readFileSync(path.join(dir, 'taxonomy_terms.csv'), 'utf8')).toContain('documents.permit-renewal');
  });
});

describe('importing the same file again', () => {
  it('updates the same records and adds nothing', async () => {
    const file = path.join(EXAMPLES, 'json', 'service_full.json');
    await run(hsdsImportCommand, [file, '--region', '08', '--language', 'en']);
    const before = await countAll();
    const again = await run(hsdsImportCommand, [file, '--region', '08', '--language', 'en']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/created: none\n {2}updated: none\n/);
    expect(await countAll()).toEqual(before);
    expect((await t.ctx.db.selectFrom('directory_services').select('id').where('id', '=', SERVICE).execute()).length).toBe(1);
  });

  it('records what a changed file changes, and reopens a draft of a published service', async () => {
    const file = path.join(EXAMPLES, 'json', 'service_full.json');
    const published = await run(hsdsImportCommand, [file, '--region', '08', '--language', 'en', '--publish']);
    expect(published.out).toContain('published services: 1');
    const changed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    changed.name = 'Community Counselling Centre';
    const result = await run(hsdsImportCommand, [writeFile('changed.json', changed), '--language', 'en']);
    expect(result.out).toContain('updated: service 1');
    const row = await t.ctx.db.selectFrom('directory_services').select(['workflow_state', 'name', 'published_snapshot']).where('id', '=', SERVICE).executeTakeFirstOrThrow();
    expect(row.workflow_state).toBe('draft');
    expect((row.name as { en: { value: string } }).en.value).toBe('Community Counselling Centre');
    expect((row.published_snapshot as { service: { name: { en: { value: string } } } }).service.name.en.value).toBe('Community Counselling');
    const log = await t.ctx.db.selectFrom('directory_metadata').select(['field_name', 'previous_value', 'replacement_value', 'updated_by']).where('resource_id', '=', SERVICE).where('field_name', '=', 'name.en').execute();
    expect(log).toContainEqual({ field_name: 'name.en', previous_value: 'Community Counselling', replacement_value: 'Community Counselling Centre', updated_by: 'crocevia hsds import' });
  });
});

describe('a bad file is refused whole, naming the record and the field', () => {
  it('a CSV package with one bad row writes none of its rows', async () => {
    const dir = path.join(work, 'bad-csv');
    fs.cpSync(path.join(EXAMPLES, 'csv'), dir, { recursive: true });
    const services = fs.readFileSync(path.join(dir, 'services.csv'), 'utf8').trimEnd().split('\r\n');
    const second = services[1]!.replace(SERVICE, '5e9c0c4b-7d43-4f5a-8d1e-1f2a3b4c5d6e').replace(',active,', ',open,');
    fs.writeFileSync(path.join(dir, 'services.csv'), [...services, second].join('\r\n') + '\r\n');
    fs.writeFileSync(path.join(dir, 'organizations.csv'), fs.readFileSync(path.join(dir, 'organizations.csv'), 'utf8').replace('d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', '7b0e6f2e-0000-4000-8000-000000000001'));
    const before = await countAll();
    const result = await run(hsdsImportCommand, [dir, '--region', '08']);
    expect(result.code).toBe(65);
    expect(result.err).toContain('was refused, nothing was written');
    expect(result.err).toContain('services.csv row 3, field status: "open" is not one of active, inactive, defunct, temporarily closed');
    expect(await countAll()).toEqual(before);
    expect(await t.ctx.db.selectFrom('directory_organisations').select('id').where('id', '=', '7b0e6f2e-0000-4000-8000-000000000001').execute()).toEqual([]);
  });

  it('a JSON file: identifiers, required fields, references', async () => {
    const before = await countAll();
    const result = await run(hsdsImportCommand, [
      writeFile('bad.json', [
        { id: 'ac14', name: 'No UUID', status: 'active', organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610' },
        { id: '9b2f3c4d-0000-4000-8000-000000000002', status: 'active', organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610' },
      ]),
      '--region',
      '08',
    ]);
    expect(result.code).toBe(65);
    expect(result.err).toContain('service ac14 (bad.json $[0]), field id: "ac14" is not a UUID');
    expect(result.err).toContain('service 9b2f3c4d-0000-4000-8000-000000000002 (bad.json $[1]), field name: is required');
    const orphan = await run(hsdsImportCommand, [
      writeFile('orphan.json', { id: '9b2f3c4d-0000-4000-8000-000000000003', name: 'Orphan', status: 'active', organization_id: '9b2f3c4d-0000-4000-8000-0000000000ff', phones: [{ id: '9b2f3c4d-0000-4000-8000-000000000004', number: '051 000000' }] }),
      '--region',
      '08',
    ]);
    expect(orphan.err).toContain('service 9b2f3c4d-0000-4000-8000-000000000003 (orphan.json $), field organization_id: no organization 9b2f3c4d-0000-4000-8000-0000000000ff in the file or the database');
    expect(await countAll()).toEqual(before);
  });

  it('a new record needs a region, and the options are checked', async () => {
    const file = writeFile('new-org.json', { id: '9b2f3c4d-0000-4000-8000-000000000010', name: 'New', description: 'An organisation', website: 'https://new.example' });
    expect((await run(hsdsImportCommand, [file])).err).toContain('organization 9b2f3c4d-0000-4000-8000-000000000010 (new-org.json $), field x_crocevia.region_code: a new organization needs a region: pass --region <ISTAT region code>');
    expect((await run(hsdsImportCommand, [file, '--region', '99'])).err).toContain('--region: 99 is not an ISTAT region code (01 to 20)');
    expect((await run(hsdsImportCommand, [file, '--language', 'de'])).code).toBe(64);
    expect((await run(hsdsImportCommand, [])).code).toBe(64);
    expect((await run(hsdsExportCommand, [work, '--format', 'xml'])).code).toBe(64);
    expect((await run(hsdsImportCommand, [path.join(work, 'missing.json')])).err).toContain('no such file or folder');
  });
});

describe('ownership of imported records', () => {
  it('links the file organisation to --organisation, and gives it services that name none', async () => {
    const { rows } = await sql<{ id: string }>`insert into accounts_organisations (name, type, region_code) values ('Associazione Esempio', 'third_sector', '08') returning id`.execute(t.ctx.db);
    const account = rows[0]!.id;
    const serviceId = '9b2f3c4d-0000-4000-8000-000000000020';
    const result = await run(hsdsImportCommand, [writeFile('no-org.json', { id: serviceId, name: 'Sportello', status: 'active' }), '--organisation', account]);
    expect(result.code, result.err).toBe(0);
    const service = await t.ctx.db.selectFrom('directory_services as s').innerJoin('directory_organisations as o', 'o.id', 's.organization_id').select(['o.account_organisation_id', 's.region_code', 's.workflow_state']).where('s.id', '=', serviceId).executeTakeFirstOrThrow();
    expect(service).toEqual({ account_organisation_id: account, region_code: '08', workflow_state: 'draft' });
    const clash = await run(hsdsImportCommand, [path.join(EXAMPLES, 'json', 'service_list.json'), '--organisation', account, '--language', 'en']);
    expect(clash.err).toContain(`the accounts organisation ${account} is already linked to the directory organisation`);
  });
});
