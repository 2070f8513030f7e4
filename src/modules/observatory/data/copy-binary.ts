// PostgreSQL's binary COPY format for observatory_observations rows: the server stores the bytes as they come,
// with no text to parse (an integer array in text costs the server more than the whole row in binary).
import type { ObservationBatch } from './observations-repository.ts';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const INT4_OID = 23;
const FIELDS = 7;

/** Encodes each string once (times, statuses and attributes repeat across a batch); null stays null. */
function encodeAll(values: string[], prefix?: number): Buffer[] {
  return values.map((v) => {
    const text = Buffer.from(v, 'utf8');
    return prefix === undefined ? text : Buffer.concat([Buffer.from([prefix]), text]);
  });
}

/**
 * A batch as one binary COPY payload for the columns (version_id, codes, territory_id, time, value, status,
 * attributes): header, one tuple per observation, trailer.
 */
export function encodeObservationsCopy(versionId: number, batch: ObservationBatch): Buffer {
  const d = batch.codes.length;
  const m = batch.values.length;
  const times = encodeAll(batch.times);
  const statuses = encodeAll(batch.statuses);
  const attrs = encodeAll(batch.attrs, 1); // jsonb's binary form: a version byte, then the text
  const codesBytes = 20 + 8 * d;
  let size = SIGNATURE.length + 8 + 2;
  for (let i = 0; i < m; i++) {
    const si = batch.statusIdx[i]!;
    const ai = batch.attrIdx[i]!;
    size += 2 + 12 + (4 + codesBytes) + (batch.territoryIds ? 8 : 4) + 4 + times[batch.timeIdx[i]!]!.length + (Number.isNaN(batch.values[i]!) ? 4 : 12);
    size += 4 + (si < 0 ? 0 : statuses[si]!.length) + 4 + (ai < 0 ? 0 : attrs[ai]!.length);
  }
  const out = Buffer.allocUnsafe(size);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let at = SIGNATURE.copy(out, 0);
  view.setInt32(at, 0); // flags
  view.setInt32(at + 4, 0); // header extension length
  at += 8;
  const version = BigInt(versionId);
  const putBytes = (bytes: Buffer | null) => {
    if (bytes === null) {
      view.setInt32(at, -1);
      at += 4;
      return;
    }
    view.setInt32(at, bytes.length);
    at += 4 + bytes.copy(out, at + 4);
  };
  for (let i = 0; i < m; i++) {
    view.setInt16(at, FIELDS);
    view.setInt32(at + 2, 8);
    view.setBigInt64(at + 6, version);
    at += 14;
    // codes: a one-dimensional int4 array without nulls, lower bound 1
    view.setInt32(at, codesBytes);
    view.setInt32(at + 4, 1);
    view.setInt32(at + 8, 0);
    view.setInt32(at + 12, INT4_OID);
    view.setInt32(at + 16, d);
    view.setInt32(at + 20, 1);
    at += 24;
    for (let p = 0; p < d; p++) {
      view.setInt32(at, 4);
      view.setInt32(at + 4, batch.codes[p]![i]!);
      at += 8;
    }
    if (batch.territoryIds) {
      view.setInt32(at, 4);
      view.setInt32(at + 4, batch.territoryIds[i]!);
      at += 8;
    } else {
      view.setInt32(at, -1);
      at += 4;
    }
    putBytes(times[batch.timeIdx[i]!]!);
    const value = batch.values[i]!;
    if (Number.isNaN(value)) {
      view.setInt32(at, -1);
      at += 4;
    } else {
      view.setInt32(at, 8);
      view.setFloat64(at + 4, value);
      at += 12;
    }
    const si = batch.statusIdx[i]!;
    putBytes(si < 0 ? null : statuses[si]!);
    const ai = batch.attrIdx[i]!;
    putBytes(ai < 0 ? null : attrs[ai]!);
  }
  view.setInt16(at, -1); // trailer
  at += 2;
  if (at !== size) throw new Error(`COPY payload size mismatch: wrote ${at} of ${size} bytes`);
  return out;
}
