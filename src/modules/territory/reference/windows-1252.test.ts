import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './windows-1252.ts';

describe('decodeWindows1252', () => {
  it('decodes ASCII and Latin-1 letters unchanged', () => {
    expect(decodeWindows1252(Buffer.from('Agli\xe8 Forl\xec S\xfcdtirol', 'latin1'))).toBe('Agliè Forlì Südtirol');
  });

  it('maps bytes 0x80-0x9F to the Windows-1252 characters', () => {
    expect(decodeWindows1252(Uint8Array.of(0x80, 0x8a, 0x92, 0x93, 0x94, 0x96, 0x9e, 0x9f))).toBe('€Š\u2019“”–žŸ');
  });

  it('keeps the five undefined bytes as C1 controls, one character per byte', () => {
    expect(decodeWindows1252(Uint8Array.of(0x81, 0x8d, 0x8f, 0x90, 0x9d))).toBe('\u0081\u008d\u008f\u0090\u009d');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeWindows1252(all)).toHaveLength(256);
  });

  it('honours the offset of a Buffer view', () => {
    const whole = Buffer.from([0x41, 0x8a, 0x42]);
    expect(decodeWindows1252(whole.subarray(1, 2))).toBe('Š');
  });
});
