import type { Rng } from '../random/rng';
import { uniformBelow } from '../random/uniform';
import { alphaOfUnits } from './krippendorff';
import { pairableUnits, type MeasurementLevel, type RatingTable, type RatingValue } from './table';

export const BOOTSTRAP_CONFIDENCE = 0.95;
export const MAX_BOOTSTRAP_ITERATIONS = 100_000;

export type AlphaInterval =
  | {
      lower: number;
      upper: number;
      confidence: number;
      iterations: number;
      /** Resamples on which alpha was undefined (every drawn unit had one same value): left out of the interval. */
      undefinedDraws: number;
      /** Algorithm of the Rng used, to store beside the seed so the interval can be re-derived. */
      rng: string;
    }
  | { lower: null; upper: null; reason: string; iterations: number; undefinedDraws: number; rng: string };

/**
 * Percentile bootstrap interval for Krippendorff's alpha: draw as many units as there are, with replacement, from
 * the units that have two or more ratings (the rest carry no pairs, so they would only add empty draws), recompute
 * alpha, and take the 2.5th and 97.5th percentiles of the draws (linear interpolation between order statistics,
 * Hyndman & Fan 1996 type 7, as R's quantile() default). The same Rng seed gives the same interval: units are drawn
 * with uniformBelow in a fixed order and nothing else consumes the generator.
 */
export function bootstrapAlpha<V extends RatingValue>(
  table: RatingTable<V>,
  level: MeasurementLevel,
  iterations: number,
  rng: Rng,
): AlphaInterval {
  const fail = (reason: string, undefinedDraws = 0): AlphaInterval => ({
    lower: null,
    upper: null,
    reason,
    iterations,
    undefinedDraws,
    rng: rng.algorithm,
  });
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_BOOTSTRAP_ITERATIONS) {
    return fail(`iterations must be a whole number from 1 to ${MAX_BOOTSTRAP_ITERATIONS}; got ${String(iterations)}`);
  }
  const units = pairableUnits(table).units.map((u) => u.values);
  const point = alphaOfUnits(units, level);
  if ('reason' in point) return fail(`alpha itself is undefined: ${point.reason}`);

  const draws: number[] = [];
  const sample: (readonly RatingValue[])[] = new Array(units.length);
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < units.length; j++) sample[j] = units[uniformBelow(rng, units.length)]!;
    const alpha = alphaOfUnits(sample, level);
    if ('value' in alpha && Number.isFinite(alpha.value)) draws.push(alpha.value);
  }
  const undefinedDraws = iterations - draws.length;
  if (draws.length === 0) return fail('alpha was undefined on every resample', undefinedDraws);
  draws.sort((a, b) => a - b);
  const tail = (1 - BOOTSTRAP_CONFIDENCE) / 2;
  return {
    lower: quantile(draws, tail),
    upper: quantile(draws, 1 - tail),
    confidence: BOOTSTRAP_CONFIDENCE,
    iterations,
    undefinedDraws,
    rng: rng.algorithm,
  };
}

/** Type-7 quantile of an ascending, non-empty array. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
