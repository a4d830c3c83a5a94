import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Rng } from '../../../shared/random/rng';
import { createMt19937 } from '../../../shared/random/mt19937';
import { uniformBelow } from '../../../shared/random/uniform';

/** Replays fixed outputs and counts how many were consumed. */
function scripted(values: number[]): Rng & { used: () => number } {
  let i = 0;
  return {
    algorithm: 'scripted',
    nextUint32: () => {
      const v = values[i++];
      if (v === undefined) throw new Error('scripted rng exhausted');
      return v;
    },
    used: () => i,
  };
}

describe('uniformBelow', () => {
  it('rejects draws in the incomplete top block and redraws', () => {
    // k = 3: 2^32 mod 3 = 1, so only 4294967295 is rejected.
    const rng = scripted([4294967295, 5]);
    expect(uniformBelow(rng, 3)).toBe(2);
    expect(rng.used()).toBe(2);
    // k = 2^31 + 1: only one whole block of k fits in 2^32, so every draw >= k is rejected (the worst case).
    const k = 2 ** 31 + 1;
    const rng2 = scripted([k, 2 ** 32 - 1, k - 1]);
    expect(uniformBelow(rng2, k)).toBe(k - 1);
    expect(rng2.used()).toBe(3);
  });

  it('uses one draw directly when k = 2^32 and returns 0 for k = 1', () => {
    const rng = scripted([4294967295, 123]);
    expect(uniformBelow(rng, 2 ** 32)).toBe(4294967295);
    expect(uniformBelow(rng, 1)).toBe(0);
  });

  it('always lands in [0, k)', () => {
    const rng = createMt19937([2024]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 32 }), (k) => {
        const x = uniformBelow(rng, k);
        expect(Number.isInteger(x) && x >= 0 && x < k).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('has no modulo bias where plain x mod k would be badly biased (k = 3·2^30)', () => {
    // With k = 3·2^30, x mod k puts values below 2^30 with probability 1/2 instead of 1/3.
    const rng = createMt19937([7, 11]);
    const draws = 30000;
    let low = 0;
    for (let i = 0; i < draws; i++) if (uniformBelow(rng, 3 * 2 ** 30) < 2 ** 30) low++;
    // Binomial(30000, 1/3): sd ≈ 81.6, so ±500 is over 6 sd; the biased rate would give about 15000.
    expect(Math.abs(low - draws / 3)).toBeLessThan(500);
  });

  it('is uniform for a small k (chi-square, 6 df, p = 0.001 critical value 22.458)', () => {
    const rng = createMt19937([99, 1]);
    const k = 7;
    const draws = 14000;
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < draws; i++) counts[uniformBelow(rng, k)]!++;
    const expected = draws / k;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(22.458);
  });

  it('throws a RangeError for k outside 1..2^32 or not whole', () => {
    const rng = createMt19937([1]);
    for (const k of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN, Infinity]) {
      expect(() => uniformBelow(rng, k)).toThrow(RangeError);
    }
  });
});
