import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/kernel/db/database.ts';
import { adminQuery, prepareTemplate, testServerUrl, urlForDatabase } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    snapshotPath: string;
    templateName: string;
  }
}

/** Prepares, once per run, a migrated database with reference data that every test file copies. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testServerUrl();
  if (serverUrl) {
    const templateName = `crocevia_tpl_${process.pid}`;
    await adminQuery(serverUrl, `drop database if exists ${templateName}`);
    await adminQuery(serverUrl, `create database ${templateName}`);
    const database = await openPostgres(urlForDatabase(serverUrl, templateName), 2);
    await prepareTemplate(database);
    await database.close();
    project.provide('templateName', templateName);
    project.provide('snapshotPath', '');
    return async () => {
      await adminQuery(serverUrl, `drop database if exists ${templateName} with (force)`);
    };
  }
  const database = await openPglite({});
  await prepareTemplate(database);
  const dump = await database.pglite!.dumpDataDir('gzip');
  await database.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-test-')), 'snapshot.tar.gz');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('snapshotPath', file);
  project.provide('templateName', '');
  return async () => {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  };
}
