// Statistical disclosure control for counts of people: values below a threshold (env OBSERVATORY_SUPPRESS_BELOW,
// default 5) are withheld wherever a breakdown is fine enough to single someone out (province × citizenship).

/** The default threshold below which counts are suppressed. */
export const DEFAULT_SUPPRESS_BELOW = 5;

/** Reads and validates OBSERVATORY_SUPPRESS_BELOW (a whole number from 1 to 100); throws on anything else. */
export function readSuppressionThreshold(env: Record<string, string | undefined> = process.env): number {
  const raw = env.OBSERVATORY_SUPPRESS_BELOW?.trim();
  if (raw === undefined || raw === '') return DEFAULT_SUPPRESS_BELOW;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) {
    throw new Error(`OBSERVATORY_SUPPRESS_BELOW must be a whole number from 1 to 100, not "${raw}"`);
  }
  return Number(raw);
}

/** Whether a count must be withheld: more than zero and below the threshold. */
export function isSuppressed(value: number | null, threshold: number): boolean {
  return value !== null && value > 0 && value < threshold;
}
