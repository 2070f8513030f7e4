import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBorders, formatViolations } from './check-borders.ts';

let roots: string[] = [];

// A fixture repository: path → content.
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-borders-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

const CLEAN: Record<string, string> = {
  'src/kernel/app.ts': "import { x } from './db/database.ts';\nexport const app = x;\n",
  'src/kernel/db/database.ts': "import { sql } from 'kysely';\nexport const x = sql`select 1`;\n",
  'src/modules.ts': "import { aModule } from './modules/a/index.ts';\nexport const modules = [aModule];\n",
  'src/modules/a/index.ts': "export { aModule } from './module.ts';\n",
  'src/modules/a/module.ts': "import { repo } from './data/repository.ts';\nimport { bThing } from '../b/index.ts';\nexport const aModule = { repo, bThing };\n",
  'src/modules/a/data/repository.ts': "import { sql, type Kysely } from 'kysely';\nexport const repo = (db: Kysely<any>) => db.selectFrom('a_things').where(sql`true`);\n",
  'src/modules/a/use-cases/do-thing.ts': "import type { Kysely } from 'kysely';\nimport { repo } from '../data/repository.ts';\nexport const doThing = (db: Kysely<any>) => repo(db);\n// db.selectFrom( in a comment is fine\nexport const text = 'db.insertInto( in a string is fine';\n",
  'src/modules/a/http/routes.int.test.ts': "import { sql } from 'kysely';\nimport { createTestApp } from '../../../../test/support/test-app.ts';\nexport const t = [sql, createTestApp];\n",
  'src/modules/a/test/factories.ts': "import { createTestApp } from '../../../../test/support/test-app.ts';\nexport const f = (db: any) => db.insertInto('a_things');\nexport { createTestApp };\n",
  'src/modules/b/index.ts': "export const bThing = 1;\n",
  'test/support/test-app.ts': "export const createTestApp = () => null;\n",
};

afterEach(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  roots = [];
});

describe('the module border check', () => {
  it('finds nothing wrong in a tree that keeps the rules', () => {
    expect(checkBorders(tree(CLEAN))).toEqual([]);
  });

  it('flags the kernel importing a module or the module list, statically, by re-export or dynamically', () => {
    const root = tree({
      ...CLEAN,
      'src/kernel/bad.ts': [
        "import { aModule } from '../modules/a/index.ts';",
        "export { bThing } from '../modules/b/index.ts';",
        "const all = await import('../modules.ts');",
        'export { aModule, all };',
      ].join('\n'),
    });
    expect(checkBorders(root).map((v) => `${v.file}:${v.line}`)).toEqual(['src/kernel/bad.ts:1', 'src/kernel/bad.ts:2', 'src/kernel/bad.ts:3']);
    expect(checkBorders(root)[0]!.message).toContain('the kernel imports no module');
  });

  it("flags SQL naming another module's table outside migrations and tests, but not a column that looks alike", () => {
    const root = tree({
      ...CLEAN,
      'src/modules/b/data/migrations/001.ts': "import { sql } from 'kysely';\nexport const up = sql`create table b_people (id int); create table b_items (a_things_id int references a_things (id))`;\n",
      'src/modules/a/data/migrations/001.ts': "import { sql } from 'kysely';\nexport const up = sql`create table a_things (id int, b_people_count int)`;\n",
      'src/modules/a/data/people.ts': [
        "import { sql, type Kysely } from 'kysely';",
        'export const names = () => sql`select b_people_count from a_things join b_people on true`;',
        "export const items = (db: Kysely<any>) => db.selectFrom('b_items');",
      ].join('\n'),
      'src/modules/a/data/people.test.ts': "import { sql } from 'kysely';\nexport const check = sql`select * from b_people`;\n",
    });
    const found = checkBorders(root);
    expect(found.map((v) => `${v.file}:${v.line}`)).toEqual(['src/modules/a/data/people.ts:2', 'src/modules/a/data/people.ts:3']);
    expect(found[0]!.message).toContain('queries b_people');
    expect(found[1]!.message).toContain('queries b_items');
  });

  it('flags a module reaching into another module past its index.ts, tests included', () => {
    const root = tree({
      ...CLEAN,
      'src/modules/b/data/repository.ts': 'export const bRepo = 1;\n',
      'src/modules/a/use-cases/peek.ts': "import { bRepo } from '../../b/data/repository.ts';\nexport const peek = bRepo;\n",
      'src/modules/a/use-cases/peek.test.ts': "const m = await import('../../b/data/repository.ts');\nexport { m };\n",
      'src/main.ts': "import { bRepo } from './modules/b/data/repository.ts';\nexport { bRepo };\n",
    });
    const found = checkBorders(root);
    expect(found.map((v) => `${v.file}:${v.line}`)).toEqual(['src/main.ts:1', 'src/modules/a/use-cases/peek.test.ts:1', 'src/modules/a/use-cases/peek.ts:1']);
    expect(found.every((v) => v.message.includes('only through src/modules/b/index.ts'))).toBe(true);
  });

  it('lets only test code import from test/, and from test/support only', () => {
    const root = tree({
      ...CLEAN,
      'test/fixtures/big.ts': 'export const big = 1;\n',
      'src/modules/a/use-cases/helper.ts': "import { createTestApp } from '../../../../test/support/test-app.ts';\nexport { createTestApp };\n",
      'src/modules/a/use-cases/helper.test.ts': "import { big } from '../../../../test/fixtures/big.ts';\nexport { big };\n",
    });
    expect(formatViolations(checkBorders(root))).toBe(
      [
        'src/modules/a/use-cases/helper.test.ts:1: imports ../../../../test/fixtures/big.ts: test files may import only test/support from test/',
        'src/modules/a/use-cases/helper.ts:1: imports ../../../../test/support/test-app.ts: only test files may import from test/',
      ].join('\n'),
    );
  });

  it('flags SQL in a module outside data/: an import of sql (even renamed or as a namespace) or a query-builder call', () => {
    const root = tree({
      ...CLEAN,
      'src/modules/a/http/handler.ts': "import { sql as q } from 'kysely';\nexport const h = q`select 1`;\n",
      'src/modules/a/use-cases/all.ts': "import * as k from 'kysely';\nexport const all = k;\n",
      'src/modules/a/use-cases/query.ts': [
        'export const run = async (db: any) => {',
        "  await db.selectFrom('a_things').execute();",
        "  await db.insertInto('a_things').values({}).execute();",
        "  await db.updateTable('a_things').set({}).execute();",
        "  await db.deleteFrom('a_things').execute();",
        '};',
      ].join('\n'),
      'src/modules/a/use-cases/typed.ts': "import { type sql } from 'kysely';\nimport type { Kysely } from 'kysely';\nexport type T = Kysely<typeof sql>;\n",
    });
    expect(checkBorders(root).map((v) => `${v.file}:${v.line}: ${v.message.split(':')[0]}`)).toEqual([
      "src/modules/a/http/handler.ts:1: imports sql from 'kysely'",
      "src/modules/a/use-cases/all.ts:1: imports sql from 'kysely'",
      'src/modules/a/use-cases/query.ts:2: calls .selectFrom()',
      'src/modules/a/use-cases/query.ts:3: calls .insertInto()',
      'src/modules/a/use-cases/query.ts:4: calls .updateTable()',
      'src/modules/a/use-cases/query.ts:5: calls .deleteFrom()',
    ]);
  });

  it('exits 1 with the list of violations when run as a script, 0 when clean', () => {
    const script = fileURLToPath(new URL('./check-borders.ts', import.meta.url));
    const clean = spawnSync(process.execPath, ['--import', 'tsx', script, tree(CLEAN)], { encoding: 'utf8' });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/files checked, no violation/);
    const dirty = spawnSync(process.execPath, ['--import', 'tsx', script, tree({ ...CLEAN, 'src/kernel/bad.ts': "import '../modules/a/module.ts';\n" })], {
      encoding: 'utf8',
    });
    expect(dirty.status).toBe(1);
    expect(dirty.stderr).toContain('src/kernel/bad.ts:1: imports ../modules/a/module.ts: the kernel imports no module');
  });
});
