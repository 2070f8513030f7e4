import { describe, expect, it } from 'vitest';
import { normaliseTime, parseNumber } from './values.ts';

describe('parseNumber', () => {
  it('reads plain numbers with a decimal point', () => {
    expect(parseNumber('214860')).toBe(214860);
    expect(parseNumber(' -55424 ')).toBe(-55424);
    expect(parseNumber('1.5e3')).toBe(1500);
    expect(parseNumber('.5')).toBe(0.5);
  });

  it('reads a decimal comma with dots grouping thousands', () => {
    expect(parseNumber('1.234,5', ',')).toBe(1234.5);
    expect(parseNumber('1234,5', ',')).toBe(1234.5);
    expect(parseNumber('12', ',')).toBe(12);
  });

  it('answers null for an empty cell and undefined for anything else', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('  ')).toBeNull();
    for (const bad of ['12a', '1,234', 'NaN', 'Infinity', '--1', '1.2.3', 'n.d.']) expect(parseNumber(bad), bad).toBeUndefined();
    expect(parseNumber('1.234', ',')).toBe(1234);
    expect(parseNumber('1,23,4', ',')).toBeUndefined();
  });
});

describe('normaliseTime', () => {
  it('keeps SDMX periods and normalises Italian dates and M-months', () => {
    expect(normaliseTime('2023')).toBe('2023');
    expect(normaliseTime('2023-05')).toBe('2023-05');
    expect(normaliseTime('2023-M05')).toBe('2023-05');
    expect(normaliseTime('2019-09-30')).toBe('2019-09-30');
    expect(normaliseTime('30/9/2019')).toBe('2019-09-30');
    expect(normaliseTime('2023-Q4')).toBe('2023-Q4');
    expect(normaliseTime('2023-S1')).toBe('2023-S1');
    expect(normaliseTime('2023-W07')).toBe('2023-W07');
  });

  it('refuses what is not a period', () => {
    for (const bad of ['', '23', '2023-13', '2023-02-30', '31/02/2023', 'anno 2023', '2023-Q5']) expect(normaliseTime(bad), bad).toBeNull();
  });
});
