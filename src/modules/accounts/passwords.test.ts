import { describe, expect, it } from 'vitest';
import { parseOptions } from '@node-rs/argon2';
import { generatePassword, hashPassword, newPasswordErrors, verifyDummyPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('hashes with argon2id, m=19456 KiB, t=2, p=1, with a fresh salt each time', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(parseOptions(hash)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
  });

  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'correct horse battery')).toBe(false);
  });

  it('treats the composed and decomposed forms of an accented password alike', async () => {
    const hash = await hashPassword('perché-così-lungo');
    expect(await verifyPassword(hash, 'perché-così-lungo'.normalize('NFD'))).toBe(true);
  });

  it('spends a verification on unknown accounts and always refuses', async () => {
    expect(await verifyDummyPassword('anything at all')).toBe(false);
    const started = performance.now();
    await verifyDummyPassword('anything at all');
    // A real argon2id verification with these parameters takes milliseconds, never nothing.
    expect(performance.now() - started).toBeGreaterThan(1);
  });

  it('generates long random passwords that satisfy the policy', () => {
    const a = generatePassword();
    expect(a.length).toBeGreaterThanOrEqual(24);
    expect(generatePassword()).not.toBe(a);
    expect(newPasswordErrors({ password: a, email: 'a@example.org', field: 'password' })).toEqual([]);
  });
});

describe('newPasswordErrors', () => {
  const email = 'Anna.Rossi@example.org';

  it('accepts 12 to 200 characters', () => {
    expect(newPasswordErrors({ password: 'a'.repeat(12), email, field: 'p' })).toEqual([]);
    expect(newPasswordErrors({ password: 'a'.repeat(200), email, field: 'p' })).toEqual([]);
  });

  it('names the field when the password is too short or too long', () => {
    expect(newPasswordErrors({ password: 'short', email, field: 'newPassword' })).toEqual([
      { field: 'newPassword', messageKey: 'validation.minLength', values: { limit: 12 } },
    ]);
    expect(newPasswordErrors({ password: 'a'.repeat(201), email, field: 'newPassword' })).toEqual([
      { field: 'newPassword', messageKey: 'validation.maxLength', values: { limit: 200 } },
    ]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(newPasswordErrors({ password: '🙂'.repeat(11), email, field: 'p' })).toHaveLength(1);
    expect(newPasswordErrors({ password: '🙂'.repeat(12), email, field: 'p' })).toEqual([]);
  });

  it('refuses the e-mail address as password, whatever the case', () => {
    expect(newPasswordErrors({ password: 'anna.rossi@EXAMPLE.org', email, field: 'p' })).toEqual([{ field: 'p', messageKey: 'accounts.auth.password.sameAsEmail' }]);
  });

  it('reports a confirmation that differs on the confirmation field', () => {
    const errors = newPasswordErrors({ password: 'a long password', email, field: 'password', confirmation: { value: 'a long passw0rd', field: 'confirmation' } });
    expect(errors).toEqual([{ field: 'confirmation', messageKey: 'accounts.auth.password.mismatch' }]);
  });
});
