/**
 * Windows-1252 decoder following the WHATWG Encoding Standard (index-windows-1252).
 *
 * `new TextDecoder('windows-1252')` cannot be used: since Node 20.18.3 / 22.13.0 it takes a
 * Latin-1 fast path and decodes bytes 0x80-0x9F as C1 controls (e.g. 0x8A as U+008A instead of
 * 'Š'); see https://github.com/nodejs/node/issues/56542 and /issues/60888.
 */

/** Code points for bytes 0x80-0x9F; 0x81, 0x8D, 0x8F, 0x90 and 0x9D map to the C1 control of the same value. */
const HIGH_C1 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
].map((cp) => String.fromCharCode(cp));

/** Decodes Windows-1252 (cp1252) bytes to a string; every byte maps to exactly one character. */
export function decodeWindows1252(bytes: Uint8Array): string {
  // Buffer's 'latin1' is a true ISO-8859-1 decode (byte n -> U+00nn); fix up 0x80-0x9F afterwards.
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => HIGH_C1[c.charCodeAt(0) - 0x80] as string);
}
