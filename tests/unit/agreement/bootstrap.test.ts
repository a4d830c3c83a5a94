import { describe, expect, it } from 'vitest';
import { bootstrapAlpha } from '../../../shared/agreement/bootstrap';
import { krippendorffAlpha } from '../../../shared/agreement/krippendorff';
import { createMt19937 } from '../../../shared/random/mt19937';
import type { Rng } from '../../../shared/random/rng';
import { KRIPPENDORFF_2011, tableFromRows } from './tables';

const table = tableFromRows(KRIPPENDORFF_2011);

describe('bootstrapAlpha', () => {
  it('is deterministic for a seed and names the generator', () => {
    const a = bootstrapAlpha(table, 'nominal', 1000, createMt19937([2024]));
    const b = bootstrapAlpha(table, 'nominal', 1000, createMt19937([2024]));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ confidence: 0.95, iterations: 1000, rng: 'mt19937' });
  });

  it('changes with the seed', () => {
    const a = bootstrapAlpha(table, 'nominal', 500, createMt19937([1]));
    const b = bootstrapAlpha(table, 'nominal', 500, createMt19937([2]));
    expect(a.lower === b.lower && a.upper === b.upper).toBe(false);
  });

  it('brackets the point estimate and stays within alpha’s range on the Krippendorff (2011) data', () => {
    const point = krippendorffAlpha(table, 'interval').value!;
    const interval = bootstrapAlpha(table, 'interval', 2000, createMt19937([7]));
    if (interval.lower === null) throw new Error(interval.reason);
    expect(interval.lower).toBeLessThan(point);
    expect(interval.upper).toBeGreaterThan(point);
    expect(interval.upper).toBeLessThanOrEqual(1);
    expect(interval.lower).toBeGreaterThan(-1);
  });

  it('resamples only the units that carry pairs, one uniform draw per unit', () => {
    let calls = 0;
    const counting: Rng = { algorithm: 'counting', nextUint32: () => (++calls * 2654435761) >>> 0 };
    bootstrapAlpha(table, 'nominal', 10, counting);
    // 11 pairable units (unit 12 has one rating) × 10 resamples; none of these words falls in the rejected top range.
    expect(calls).toBe(110);
  });

  it('counts resamples on which alpha is undefined and leaves them out', () => {
    // Two identical units and one split: a resample of only the identical units has no variation.
    const small = tableFromRows([[1, 1], [1, 1], [1, 2]]);
    const interval = bootstrapAlpha(small, 'nominal', 400, createMt19937([3]));
    expect(interval.undefinedDraws).toBeGreaterThan(0);
    expect(interval.undefinedDraws).toBeLessThan(400);
    expect(interval.lower).not.toBeNull();
  });

  it('explains why there is no interval', () => {
    const rng = createMt19937([1]);
    expect(bootstrapAlpha(table, 'nominal', 0, rng)).toMatchObject({
      lower: null,
      reason: expect.stringMatching(/iterations/),
    });
    expect(bootstrapAlpha(table, 'nominal', 2.5, rng)).toMatchObject({ lower: null });
    expect(bootstrapAlpha(tableFromRows([[1, 1], [1, 1]]), 'nominal', 10, rng)).toMatchObject({
      lower: null,
      reason: expect.stringMatching(/^alpha itself is undefined: no variation/),
    });
  });
});
