import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32, formatTotpSecret, generateTotpSecret, totpCode, totpQrSvg, totpStepAt, totpUri, verifyTotp } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = encodeBase32(Buffer.from('12345678901234567890', 'ascii'));

describe('base32', () => {
  it('encodes like RFC 4648 (without padding) and decodes back', () => {
    expect(encodeBase32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(decodeBase32('mzxw 6ytb oi==').toString()).toBe('foobar');
    const bytes = Buffer.from([0, 255, 1, 254, 128, 7, 9]);
    expect(decodeBase32(encodeBase32(bytes))).toEqual(bytes);
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => decodeBase32('ABC1')).toThrow();
  });
});

describe('TOTP codes', () => {
  it('matches the RFC 6238 test vectors (last six digits)', () => {
    const vectors: [number, string][] = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
      [20000000000, '353130'],
    ];
    for (const [seconds, code] of vectors) expect(totpCode(RFC_SECRET, totpStepAt(seconds * 1000))).toBe(code);
  });

  it('generates 160-bit secrets, different each time', () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32(a)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(a);
  });
});

describe('verifyTotp', () => {
  const nowMs = 1_700_000_000_000;
  const step = totpStepAt(nowMs);
  const secret = generateTotpSecret();

  it('accepts the current, previous and next step and says which one matched', () => {
    expect(verifyTotp({ secret, code: totpCode(secret, step), nowMs })).toBe(step);
    expect(verifyTotp({ secret, code: totpCode(secret, step - 1), nowMs })).toBe(step - 1);
    expect(verifyTotp({ secret, code: totpCode(secret, step + 1), nowMs })).toBe(step + 1);
  });

  it('refuses codes two steps away, malformed codes and another secret', () => {
    expect(verifyTotp({ secret, code: totpCode(secret, step - 2), nowMs })).toBeNull();
    expect(verifyTotp({ secret, code: totpCode(secret, step + 2), nowMs })).toBeNull();
    expect(verifyTotp({ secret, code: '12345', nowMs })).toBeNull();
    expect(verifyTotp({ secret, code: 'abcdef', nowMs })).toBeNull();
    expect(verifyTotp({ secret: generateTotpSecret(), code: totpCode(secret, step), nowMs })).toBeNull();
  });

  it('refuses a step already used, and any earlier one', () => {
    expect(verifyTotp({ secret, code: totpCode(secret, step), nowMs, lastUsedStep: step })).toBeNull();
    expect(verifyTotp({ secret, code: totpCode(secret, step - 1), nowMs, lastUsedStep: step })).toBeNull();
    expect(verifyTotp({ secret, code: totpCode(secret, step + 1), nowMs, lastUsedStep: step })).toBe(step + 1);
  });
});

describe('provisioning', () => {
  it('builds an otpauth URI with issuer, account and parameters', () => {
    const uri = totpUri({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Crocevia Lazio', account: 'anna.rossi@example.org' });
    expect(uri).toBe('otpauth://totp/Crocevia%20Lazio:anna.rossi%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Crocevia+Lazio&algorithm=SHA1&digits=6&period=30');
  });

  it('renders the QR code as a standalone SVG without scripts', async () => {
    const svg = await totpQrSvg('otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<path');
    expect(svg).not.toMatch(/<script|href=/i);
  });

  it('groups the secret in blocks of four for typing', () => {
    expect(formatTotpSecret('ABCDEFGHIJKLMNOPQR')).toBe('ABCD EFGH IJKL MNOP QR');
  });
});
