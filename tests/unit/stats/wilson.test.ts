import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from '../../../shared/stats/wilson';
import { zForConfidence } from '../../../shared/stats/normal';

function interval(x: number, n: number, confidence?: number) {
  const r = wilsonInterval(x, n, confidence);
  if (!r) throw new Error('expected an interval');
  return r;
}

const counts = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

describe('wilsonInterval', () => {
  it('matches Newcombe (1998) Table I, method 3 (score interval without continuity correction), 95%', () => {
    // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17:857-872 (1998), Table I, examples (a)-(d), limits to 4 decimal places.
    const table: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, lower, upper] of table) {
      const r = interval(x, n);
      expect(r.point).toBe(x / n);
      expect(r.lower).toBeCloseTo(lower, 4);
      expect(r.upper).toBeCloseTo(upper, 4);
    }
  });

  it('returns exactly 0 and 1 at the edges of the scale', () => {
    expect(interval(0, 20).lower).toBe(0);
    expect(interval(29, 29).upper).toBe(1);
  });

  it('returns null when nothing was reviewed', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('gives limits that solve the score equation (p̂ − π)² = z²π(1 − π)/n', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(0.8, 0.9, 0.95, 0.99), ([x, n], c) => {
        const z = zForConfidence(c);
        const r = interval(x, n, c);
        for (const pi of [r.lower, r.upper]) {
          expect(Math.abs((r.point - pi) ** 2 - (z * z * pi * (1 - pi)) / n)).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it('contains the point estimate within [0, 1] and mirrors under x ↔ n − x', () => {
    fc.assert(
      fc.property(counts, ([x, n]) => {
        const r = interval(x, n);
        expect(0 <= r.lower && r.lower <= r.point && r.point <= r.upper && r.upper <= 1).toBe(true);
        const m = interval(n - x, n);
        expect(Math.abs(r.lower - (1 - m.upper))).toBeLessThan(1e-12);
        expect(Math.abs(r.upper - (1 - m.lower))).toBeLessThan(1e-12);
      }),
    );
  });

  it('widens with the confidence level', () => {
    const at90 = interval(81, 263, 0.9);
    const at99 = interval(81, 263, 0.99);
    const at95 = interval(81, 263);
    expect(at99.lower).toBeLessThan(at95.lower);
    expect(at95.lower).toBeLessThan(at90.lower);
    expect(at90.upper).toBeLessThan(at95.upper);
    expect(at95.upper).toBeLessThan(at99.upper);
  });

  it('throws a RangeError for impossible counts or confidence', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(/successes = 5 must be an integer in 0..n \(n = 4\)/);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4.5)).toThrow(/n = 4.5/);
    expect(() => wilsonInterval(0, -1)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0, 1.2)).toThrow(RangeError);
  });
});
