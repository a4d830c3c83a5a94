import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Rng } from '../../../shared/random/rng';
import { createMt19937 } from '../../../shared/random/mt19937';
import { selectWithoutReplacement } from '../../../shared/sampling/select';

function scripted(values: number[]): Rng {
  let i = 0;
  return { algorithm: 'scripted', nextUint32: () => values[i++]! };
}

describe('selectWithoutReplacement', () => {
  it('swaps position i with i + uniformBelow(length − i), in draw order', () => {
    // Step 0: 2 mod 4 = 2 → swap a and c, pick c. Step 1: 0 mod 3 = 0 → pick b. Step 2: 1 mod 2 = 1 → pick d.
    expect(selectWithoutReplacement(['a', 'b', 'c', 'd'], 3, scripted([2, 0, 1]))).toEqual(['c', 'b', 'd']);
  });

  it('leaves the input untouched', () => {
    const items = Object.freeze([1, 2, 3, 4, 5]);
    selectWithoutReplacement(items, 5, createMt19937([3]));
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });

  it('returns k distinct items of the input, reproducibly for a seed', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.integer(), { maxLength: 60 })
          .chain((items) => fc.tuple(fc.constant(items), fc.nat({ max: items.length }))),
        fc.nat({ max: 0xffffffff }),
        ([items, k], seed) => {
          const picked = selectWithoutReplacement(items, k, createMt19937([seed]));
          expect(picked).toHaveLength(k);
          expect(new Set(picked).size).toBe(k);
          for (const x of picked) expect(items).toContain(x);
          expect(selectWithoutReplacement(items, k, createMt19937([seed]))).toEqual(picked);
        },
      ),
    );
  });

  it('gives a permutation when k = length and nothing when k = 0', () => {
    const all = selectWithoutReplacement([1, 2, 3, 4, 5, 6], 6, createMt19937([5]));
    expect([...all].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(selectWithoutReplacement([1, 2, 3], 0, createMt19937([5]))).toEqual([]);
  });

  it('includes each item with equal probability (20,000 draws of 3 from 10; chi-square, 9 df, p = 0.001: 27.877)', () => {
    const rng = createMt19937([20240601, 1]);
    const items = Array.from({ length: 10 }, (_, i) => i);
    const inclusions = new Array<number>(10).fill(0);
    const firstPick = new Array<number>(10).fill(0);
    const draws = 20000;
    for (let d = 0; d < draws; d++) {
      const picked = selectWithoutReplacement(items, 3, rng);
      for (const x of picked) inclusions[x]!++;
      firstPick[picked[0]!]!++;
    }
    const chi2 = (counts: number[], expected: number) =>
      counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2(inclusions, (draws * 3) / 10)).toBeLessThan(27.877);
    expect(chi2(firstPick, draws / 10)).toBeLessThan(27.877);
  });

  it('throws a RangeError for k outside 0..length', () => {
    const rng = createMt19937([1]);
    expect(() => selectWithoutReplacement([1, 2], 3, rng)).toThrow(/k = 3 must be a whole number in 0..2/);
    expect(() => selectWithoutReplacement([1, 2], -1, rng)).toThrow(RangeError);
    expect(() => selectWithoutReplacement([1, 2], 1.5, rng)).toThrow(RangeError);
  });
});
