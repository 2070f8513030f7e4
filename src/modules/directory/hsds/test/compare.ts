// Test support: checks that every value of an HSDS original came back in an export.

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const SHORT_TIME = /^\d{2}:\d{2}$/;

/** Whether two scalars are the same HSDS value, up to what the profile normalises (numbers, HH:MM times). */
function isSameValue(original: unknown, exported: unknown): boolean {
  if (original === exported) return true;
  const asNumber = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && NUMBER.test(v) ? Number(v) : NaN);
  if (!Number.isNaN(asNumber(original)) && asNumber(original) === asNumber(exported)) return true;
  return typeof original === 'string' && SHORT_TIME.test(original) && exported === `${original}:00`;
}

/**
 * Lists the values of `original` that `exported` does not hold: every key of every object must be there
 * with the same value; list items are matched by id (or by position when they have none). Extra keys and
 * items in the export are allowed.
 */
export function missingValues(original: unknown, exported: unknown, path = '$'): string[] {
  if (Array.isArray(original)) {
    if (!Array.isArray(exported)) return [`${path}: expected a list, found ${JSON.stringify(exported)}`];
    return original.flatMap((item, index) => {
      const id = item !== null && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : undefined;
      const match = id === undefined ? exported[index] : exported.find((e: unknown) => e !== null && typeof e === 'object' && (e as { id?: unknown }).id === id);
      if (match === undefined) return [`${path}[${index}]${id === undefined ? '' : ` (id ${String(id)})`}: missing`];
      return missingValues(item, match, `${path}[${index}]`);
    });
  }
  if (original !== null && typeof original === 'object') {
    if (exported === null || typeof exported !== 'object' || Array.isArray(exported)) return [`${path}: expected an object, found ${JSON.stringify(exported)}`];
    return Object.entries(original).flatMap(([key, value]) => {
      if (!(key in exported)) return [`${path}.${key}: missing (was ${JSON.stringify(value)})`];
      return missingValues(value, (exported as Record<string, unknown>)[key], `${path}.${key}`);
    });
  }
  return isSameValue(original, exported) ? [] : [`${path}: ${JSON.stringify(original)} came back as ${JSON.stringify(exported)}`];
}
