// Guards the module borders of src/ (run: node --import tsx scripts/check-borders.ts [root]); exits 1 on a violation.
// Rules: src/kernel imports no module nor src/modules.ts; outside module B, B is imported only through
// src/modules/B/index.ts; only test code imports from test/ (and only test/support); SQL (an import of `sql`
// from kysely, or a query-builder call) in a module only under its data/, and naming only its own tables (a table
// carries its module's name as prefix; migrations may point foreign keys at others'). Test code is `*.test.ts` and any file
// in a `test/` folder of src (a module's factories): it may import test/support and write SQL to set up data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** One broken rule: where, and what. */
export interface Violation {
  file: string;
  line: number;
  message: string;
}

const QUERY_BUILDER_CALLS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'mergeInto']);

function listTsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTsFiles(full);
    return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function isTestFile(file: string): boolean {
  return file.endsWith('.test.ts') || file.includes('/test/');
}

/** The module a repository-relative path belongs to (src/modules/<name>/…), or null. */
function moduleOf(relative: string): string | null {
  const match = /^src\/modules\/([^/]+)\//.exec(relative);
  return match?.[1] ?? null;
}

function isModuleIndex(relative: string, name: string): boolean {
  return [`src/modules/${name}`, `src/modules/${name}/index.ts`, `src/modules/${name}/index`].includes(relative);
}

interface Reference {
  specifier: string;
  line: number;
}

// Static imports, `export … from`, dynamic import() with a literal, and `import x = require()`.
function collect(source: ts.SourceFile): { references: Reference[]; sqlImports: number[]; builderCalls: { name: string; line: number }[]; sqlTexts: { text: string; line: number }[] } {
  const references: Reference[] = [];
  const sqlImports: number[] = [];
  const builderCalls: { name: string; line: number }[] = [];
  const sqlTexts: { text: string; line: number }[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      references.push({ specifier: node.moduleSpecifier.text, line: lineOf(node) });
      if (ts.isImportDeclaration(node) && node.moduleSpecifier.text === 'kysely' && !node.importClause?.isTypeOnly) {
        const bindings = node.importClause?.namedBindings;
        const importsSql = bindings && ts.isNamedImports(bindings) && bindings.elements.some((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === 'sql');
        const importsAll = bindings && ts.isNamespaceImport(bindings);
        if (importsSql || importsAll) sqlImports.push(lineOf(node));
      }
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && first && ts.isStringLiteralLike(first)) {
        references.push({ specifier: first.text, line: lineOf(node) });
      } else if (ts.isPropertyAccessExpression(node.expression) && QUERY_BUILDER_CALLS.has(node.expression.name.text)) {
        builderCalls.push({ name: node.expression.name.text, line: lineOf(node) });
        if (first && ts.isStringLiteralLike(first)) sqlTexts.push({ text: first.text, line: lineOf(node) });
      }
    } else if (ts.isTaggedTemplateExpression(node) && /^sql\b/.test(node.tag.getText(source))) {
      const template = node.template;
      const text = ts.isNoSubstitutionTemplateLiteral(template) ? template.text : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)].join(' ');
      sqlTexts.push({ text, line: lineOf(node) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      references.push({ specifier: node.moduleReference.expression.text, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { references, sqlImports, builderCalls, sqlTexts };
}

/** Checks every src/**\/*.ts file under root against the border rules; returns the violations, sorted. */
export function checkBorders(root: string): Violation[] {
  const violations: Violation[] = [];
  // Every table a module's migrations create, and its owner.
  const owners = new Map<string, string>();
  const modulesDir = path.join(root, 'src', 'modules');
  for (const entry of fs.existsSync(modulesDir) ? fs.readdirSync(modulesDir, { withFileTypes: true }) : []) {
    if (!entry.isDirectory()) continue;
    for (const migration of listTsFiles(path.join(modulesDir, entry.name, 'data', 'migrations'))) {
      for (const [, table] of fs.readFileSync(migration, 'utf8').matchAll(/create (?:unlogged )?table (?:if not exists )?([a-z0-9_]+)/gi)) owners.set(table!.toLowerCase(), entry.name);
    }
  }
  const words = /[a-z0-9_]+/gi;
  for (const absolute of listTsFiles(path.join(root, 'src'))) {
    const file = path.relative(root, absolute).split(path.sep).join('/');
    const source = ts.createSourceFile(absolute, fs.readFileSync(absolute, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const { references, sqlImports, builderCalls, sqlTexts } = collect(source);
    const own = moduleOf(file);
    const isKernel = file.startsWith('src/kernel/');
    const isTest = isTestFile(file);
    const report = (line: number, message: string) => violations.push({ file, line, message });

    for (const { specifier, line } of references) {
      if (!specifier.startsWith('.')) continue; // packages and node: built-ins
      const target = path.relative(root, path.resolve(path.dirname(absolute), specifier)).split(path.sep).join('/');
      const targetModule = moduleOf(`${target}/`);
      if (target.startsWith('test/') || target === 'test') {
        if (!isTest) report(line, `imports ${specifier}: only test files may import from test/`);
        else if (!target.startsWith('test/support/')) report(line, `imports ${specifier}: test files may import only test/support from test/`);
        continue;
      }
      if (isKernel && (targetModule !== null || target === 'src/modules.ts' || target === 'src/modules')) {
        report(line, `imports ${specifier}: the kernel imports no module (nor src/modules.ts)`);
        continue;
      }
      // Factories live with their module: test code may use another module's test/ folder.
      const isFactoryImport = isTest && targetModule !== null && target.startsWith(`src/modules/${targetModule}/test/`);
      if (targetModule !== null && targetModule !== own && !isModuleIndex(target, targetModule) && !isFactoryImport) {
        report(line, `imports ${specifier}: another module is reached only through src/modules/${targetModule}/index.ts`);
      }
    }

    const isRepositoryCode = own !== null && file.startsWith(`src/modules/${own}/data/`);
    if (own !== null && !isRepositoryCode && !isTest) {
      for (const line of sqlImports) report(line, "imports sql from 'kysely': SQL belongs in the module's data/ (repository)");
      for (const { name, line } of builderCalls) report(line, `calls .${name}(): queries belong in the module's data/ (repository)`);
    }
    const isMigration = own !== null && file.startsWith(`src/modules/${own}/data/migrations/`);
    if (own !== null && !isTest && !isMigration) {
      for (const { text, line } of sqlTexts) {
        for (const [word] of text.matchAll(words)) {
          const owner = owners.get(word.toLowerCase());
          if (owner && owner !== own) report(line, `queries ${word}: another module's tables are reached only through src/modules/${owner}/index.ts`);
        }
      }
    }
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** The report printed for a list of violations. */
export function formatViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.file}:${v.line}: ${v.message}`).join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = checkBorders(root);
  const files = listTsFiles(path.join(root, 'src')).length;
  if (violations.length > 0) {
    process.stderr.write(`Module borders: ${violations.length} violation(s) in ${files} files\n${formatViolations(violations)}\n`);
    process.stderr.write('Rules: docs/architecture.md (the kernel imports no module; modules meet only at index.ts; SQL only in data/).\n');
    process.exitCode = 1;
  } else {
    process.stdout.write(`Module borders: ${files} files checked, no violation.\n`);
  }
}
