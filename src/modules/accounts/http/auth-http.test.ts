import { describe, expect, it } from 'vitest';
import { safeNext, withNext } from './auth-http.ts';

describe('safeNext', () => {
  it('keeps same-site paths', () => {
    expect(safeNext('/it/account')).toBe('/it/account');
    expect(safeNext('/en/admin/people?page=2#top')).toBe('/en/admin/people?page=2#top');
  });

  it('refuses anything that could leave the site', () => {
    for (const value of ['//evil.example', 'https://evil.example', 'http:/evil.example', '/\\evil.example', '\\\\evil.example', 'evil.example', '/it/\nx', '', 'javascript:alert(1)']) {
      expect(safeNext(value)).toBeNull();
    }
    expect(safeNext(['/it'])).toBeNull();
    expect(safeNext(undefined)).toBeNull();
    expect(safeNext(`/${'a'.repeat(600)}`)).toBeNull();
  });

  it('adds next to a path only when there is one', () => {
    expect(withNext('/it/login', '/it/account?x=1')).toBe('/it/login?next=%2Fit%2Faccount%3Fx%3D1');
    expect(withNext('/it/login', null)).toBe('/it/login');
  });
});
