/** @module Small statistics over timing samples: percentiles by nearest rank, mean, rounding for the table. */

/**
 * The p-th percentile (0..100) by nearest rank; null for no samples.
 * @example percentile([1, 2, 3, 4], 95) // 4
 */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

export function median(samples: readonly number[]): number | null {
  return percentile(samples, 50);
}

/** Rounds to a few significant digits, so the table and results.json do not carry noise. */
export function round(value: number | null, digits = 3): number | null {
  if (value === null || !Number.isFinite(value)) return value === null ? null : value;
  if (value === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** Math.max(0, digits - 1 - magnitude);
  return Math.round(value * factor) / factor;
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
  return performance.now() - start;
}
