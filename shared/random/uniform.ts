import type { Rng } from './rng';

const TWO_POW_32 = 0x1_0000_0000;

/**
 * Unbiased integer in [0, k) for 1 <= k <= 2^32, by rejection: 2^32 draws split into floor(2^32 / k) complete blocks
 * of k values plus (2^32 mod k) leftovers. A draw in the leftover top range is thrown away and redrawn; any kept draw
 * is uniform over whole blocks, so `x mod k` is exactly uniform. Plain `x mod k` would favour small values (badly so
 * for k near 2^32). At most half the range is ever rejected, so the expected number of draws is below 2.
 * The consumption pattern is part of the draw algorithm: changing it changes every sample.
 */
export function uniformBelow(rng: Rng, k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > TWO_POW_32) {
    throw new RangeError(`uniformBelow: k = ${String(k)} must be an integer in 1..4294967296`);
  }
  if (k === TWO_POW_32) return rng.nextUint32();
  const limit = TWO_POW_32 - (TWO_POW_32 % k);
  for (;;) {
    const x = rng.nextUint32();
    if (x < limit) return x % k;
  }
}
