import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rng } from '../../../shared/random/rng';
import { createMt19937 } from '../../../shared/random/mt19937';
import { uniformBelow } from '../../../shared/random/uniform';
import { selectPositions, selectWithoutReplacement } from '../../../shared/sampling/select';

/** The shuffle as select.ts documents it, done the plain way: swap on a full copy, keep the first k. */
function fullCopyShuffle<T>(items: readonly T[], k: number, rng: Rng): T[] {
  const pool = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + uniformBelow(rng, pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k);
}

describe('selectPositions', () => {
  it('picks exactly what the full-copy shuffle picks, in the same order, from the same generator', () => {
    fc.assert(
      fc.property(fc.nat({ max: 400 }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n }))), fc.nat({ max: 0xffffffff }), ([n, k], seed) => {
        const positions = Array.from({ length: n }, (_, p) => p);
        const a = createMt19937([seed]);
        const b = createMt19937([seed]);
        expect(selectPositions(n, k, a)).toEqual(fullCopyShuffle(positions, k, b));
        // Both generators were used for exactly the same draws.
        expect(a.nextUint32()).toBe(b.nextUint32());
      }),
    );
  });

  it('draws from a stratum of a million without touching the rest of it', () => {
    const picked = selectPositions(1_000_000, 5, createMt19937([2026]));
    expect(picked).toEqual(fullCopyShuffle(Array.from({ length: 1_000_000 }, (_, p) => p), 5, createMt19937([2026])));
    expect(new Set(picked).size).toBe(5);
  });

  it('is what selectWithoutReplacement maps onto the items', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const positions = selectPositions(items.length, 4, createMt19937([9]));
    expect(selectWithoutReplacement(items, 4, createMt19937([9]))).toEqual(positions.map((p) => items[p]));
  });

  it('throws a RangeError for k outside 0..length', () => {
    expect(() => selectPositions(2, 3, createMt19937([1]))).toThrow(/k = 3 must be a whole number in 0..2/);
    expect(() => selectPositions(2, 0.5, createMt19937([1]))).toThrow(RangeError);
  });
});
