import { describe, expect, it } from 'vitest';
import { createCrypto } from './crypto.ts';

describe('crypto', () => {
  const crypto = createCrypto('a-test-secret-that-is-long-enough-1234');
  it('round-trips and never stores the plaintext', () => {
    const sealed = crypto.encrypt('JBSWY3DPEHPK3PXP', 'totp');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(crypto.decrypt(sealed, 'totp')).toBe('JBSWY3DPEHPK3PXP');
  });
  it('refuses another purpose and tampered data', () => {
    const sealed = crypto.encrypt('secret', 'totp');
    expect(() => crypto.decrypt(sealed, 'other')).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => crypto.decrypt(tampered, 'totp')).toThrow();
  });
});
