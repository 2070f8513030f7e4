import { createHash } from 'node:crypto';

// A fixed namespace for Crocevia's reference records (RFC 4122 name-based, SHA-1, version 5).
const NAMESPACE = Buffer.from('6f2d3c1e8b7a4e0f9a1b2c3d4e5f6a7b', 'hex');

/** A UUID that is always the same for the same name, so reference data and HSDS exports stay stable. */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
