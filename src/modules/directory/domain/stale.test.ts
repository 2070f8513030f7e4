import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../kernel/config.ts';
import { DEFAULT_STALE_DAYS, readStaleDays, staleBefore } from './stale.ts';

describe('stale period', () => {
  it('defaults to 180 days and reads DIRECTORY_STALE_DAYS', () => {
    expect(readStaleDays({})).toBe(DEFAULT_STALE_DAYS);
    expect(readStaleDays({ DIRECTORY_STALE_DAYS: '90' })).toBe(90);
  });

  it('refuses a wrong value, naming the variable', () => {
    expect(() => readStaleDays({ DIRECTORY_STALE_DAYS: 'six months' })).toThrow(ConfigError);
    expect(() => readStaleDays({ DIRECTORY_STALE_DAYS: '0' })).toThrow(/DIRECTORY_STALE_DAYS/);
  });

  it('counts back whole days', () => {
    expect(staleBefore(new Date('2026-11-26T12:00:00Z'), 10).toISOString()).toBe('2026-11-16T12:00:00.000Z');
  });
});
