import { describe, expect, it } from 'vitest';
import { newCertificateCode, newCheckinCode, normaliseCertificateCode } from './codes.ts';

describe('codes', () => {
  it('makes certificate codes that read back as themselves', () => {
    for (let i = 0; i < 50; i++) {
      const code = newCertificateCode();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(normaliseCertificateCode(code)).toBe(code);
    }
  });

  it('accepts codes typed loosely and refuses what cannot be a code', () => {
    expect(normaliseCertificateCode(' 7kqm 3xrt9pwd ')).toBe('7KQM-3XRT-9PWD');
    expect(normaliseCertificateCode('7KQM-3XRT-9PW0')).toBeNull();
    expect(normaliseCertificateCode('short')).toBeNull();
  });

  it('makes six-digit check-in codes', () => {
    expect(newCheckinCode()).toMatch(/^\d{6}$/);
  });
});
