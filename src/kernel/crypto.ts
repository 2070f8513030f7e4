import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Encryption of sensitive fields at rest (AES-256-GCM) and keyed hashes, from the installation secret. */
export interface Crypto {
  /** Encrypts text; the result is self-contained (version, nonce, tag, ciphertext) and base64url encoded. */
  encrypt(plaintext: string, purpose: string): string;
  /** Decrypts what encrypt() produced for the same purpose; throws if it was tampered with. */
  decrypt(ciphertext: string, purpose: string): string;
  /** A keyed hash (HMAC-SHA-256), e.g. to look up tokens without storing them. */
  hmac(value: string, purpose: string): string;
}

/** Creates the crypto helpers; each purpose gets its own derived key. */
export function createCrypto(secret: string): Crypto {
  const keys = new Map<string, Buffer>();
  const keyFor = (purpose: string) => {
    let key = keys.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', secret, 'crocevia', purpose, 32));
      keys.set(purpose, key);
    }
    return key;
  };
  return {
    encrypt(plaintext, purpose) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(purpose), iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(ciphertext, purpose) {
      if (!ciphertext.startsWith('v1.')) throw new Error('Unknown ciphertext version');
      const raw = Buffer.from(ciphertext.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    hmac(value, purpose) {
      return createHmac('sha256', keyFor(purpose)).update(value).digest('base64url');
    },
  };
}
