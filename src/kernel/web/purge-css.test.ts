import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSelectorUsed, purgeCss, scanSources, type UsedNames } from './purge-css.ts';

const used: UsedNames = { words: new Set(['btn', 'btn-primary', 'card', 'active', 'spin']), prefixes: ['col-'] };

describe('purgeCss', () => {
  it('keeps rules whose classes are all used, element rules, ids and the license comment', () => {
    const css = '/*! licence */html{color:red}.btn{a:1}.btn.disabled{b:2}.card .title{c:3}#main{d:4}.col-md-6{e:5}';
    expect(purgeCss(css, used)).toBe('/*! licence */html{color:red}.btn{a:1}#main{d:4}.col-md-6{e:5}');
  });

  it('filters selector lists one selector at a time', () => {
    expect(purgeCss('.btn,.nav-link,a.card:hover{x:1}', used)).toBe('.btn,a.card:hover{x:1}');
  });

  it('does not require the classes inside :not(), :is(), :where() or attribute values', () => {
    expect(isSelectorUsed('a:not(.nav-link)', used)).toBe(true);
    expect(isSelectorUsed(':where(.unused) .btn', used)).toBe(true);
    expect(isSelectorUsed('a[href$=".pdf"]', used)).toBe(true);
    expect(isSelectorUsed('.btn:not(:disabled):not(.disabled)', used)).toBe(true);
    expect(isSelectorUsed('.modal-open .btn', used)).toBe(false);
  });

  it('recurses into media and supports queries and drops the empty ones', () => {
    const css = '@media (min-width:576px){.btn{a:1}.modal{b:2}}@media print{.modal{c:3}}@supports (display:grid){.card{d:4}}';
    expect(purgeCss(css, used)).toBe('@media (min-width:576px){.btn{a:1}}@supports (display:grid){.card{d:4}}');
  });

  it('keeps keyframes only when a kept rule animates with them, and other at-rules as they are', () => {
    const css = '@keyframes spin{0%{x:0}}@keyframes fade{0%{y:0}}.btn{animation:spin 1s}@font-face{font-family:X;src:url("a;b}.woff")}@charset "utf-8";';
    expect(purgeCss(css, used)).toBe('@keyframes spin{0%{x:0}}.btn{animation:spin 1s}@font-face{font-family:X;src:url("a;b}.woff")}@charset "utf-8";');
  });

  it('reads strings and comments without taking their braces for blocks', () => {
    expect(purgeCss('.btn::after{content:"}{"}/* .x{} */.card{a:1}', used)).toBe('.btn::after{content:"}{"}.card{a:1}');
  });
});

describe('scanSources', () => {
  it('collects every word of .ts and .js files and the prefixes of computed class names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'purge-'));
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(path.join(dir, 'page.ts'), 'html`<div class="card ${x}"><a class="alert-${kind}">`');
    fs.writeFileSync(path.join(dir, 'nested', 'island.js'), "el.classList.add('is-open')");
    fs.writeFileSync(path.join(dir, 'page.test.ts'), 'only-in-a-test');
    const found = scanSources([dir]);
    expect(found.words.has('card')).toBe(true);
    expect(found.words.has('is-open')).toBe(true);
    expect(found.words.has('only-in-a-test')).toBe(false);
    expect(found.prefixes).toContain('alert-');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
