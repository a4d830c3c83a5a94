import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalQuantile, zForConfidence } from '../../../shared/stats/normal';

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}

/**
 * Independent tail area Q(x) = P(Z > x) for x >= 0 by composite Simpson's rule over [x, x + 10] (the density beyond
 * is below e^-50 of the value at x). Step 1/2048 keeps the relative error under 1e-10 out to x = 8.
 */
function upperTail(x: number): number {
  const h = 1 / 2048;
  const steps = 10 * 2048;
  const phi = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let sum = phi(x) + phi(x + steps * h);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * phi(x + i * h);
  return (sum * h) / 3;
}

describe('normalQuantile (Wichura AS 241)', () => {
  it('reproduces reference quantiles to 1e-15 relative', () => {
    // Reference values computed as -sqrt(2)·erfinv(1 - 2p) in 400-digit arithmetic (mpmath 1.3) for the double
    // nearest p; the 0.975 point 1.959963984540054 is the familiar "1.96" to full precision.
    const table: Array<[number, number]> = [
      [0.975, 1.9599639845400538556],
      [0.995, 2.5758293035489004539],
      [0.95, 1.6448536269514722843],
      [0.9, 1.2815515655446005935],
      [0.6, 0.25334710313579974132],
      [0.3, -0.52440051270804081597],
      [0.0001, -3.7190164854556805523],
      [1e-10, -6.3613409024040561991],
      [1e-50, -14.933337534788488981],
      [1e-300, -37.047096299361199237],
      [0.999999, 4.7534243088170877657],
    ];
    for (const [p, x] of table) expect(relativeError(normalQuantile(p), x)).toBeLessThan(1e-15);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('inverts an independently integrated normal CDF to 1e-9 relative over 1e-12 < p < 1 - 1e-12', () => {
    const p = fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true });
    fc.assert(
      fc.property(p, (prob) => {
        const x = normalQuantile(prob);
        // Compare on the smaller tail so the check stays relative where p is tiny.
        const [tail, target] = prob < 0.5 ? [upperTail(-x), prob] : [upperTail(x), 1 - prob];
        expect(relativeError(tail, target)).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 0.5, noNaN: true }), (a) => {
        // 1 - a is itself rounded (error up to 1.1e-16), which moves the upper quantile by up to ~3e-13 here.
        expect(Math.abs(normalQuantile(a) + normalQuantile(1 - a))).toBeLessThan(1e-11);
      }),
    );
  });

  it('is increasing', () => {
    const p = fc.double({ min: 1e-300, max: 1 - 1e-12, noNaN: true });
    fc.assert(
      fc.property(p, p, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normalQuantile(lo)).toBeLessThanOrEqual(normalQuantile(hi));
        if (hi / lo > 1 + 1e-9) expect(normalQuantile(lo)).toBeLessThan(normalQuantile(hi));
      }),
    );
  });

  it('gives infinities at 0 and 1 and throws a RangeError outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [-0.1, 1.1, Number.NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});

describe('zForConfidence', () => {
  it('gives the two-sided critical values', () => {
    // z_{0.975} = 1.959963984540054, z_{0.995} = 2.5758293035489, z_{0.95} = 1.6448536269514722 (as above).
    expect(Math.abs(zForConfidence(0.95) - 1.959963984540054)).toBeLessThan(1e-12);
    expect(Math.abs(zForConfidence(0.99) - 2.5758293035489004)).toBeLessThan(1e-12);
    expect(Math.abs(zForConfidence(0.9) - 1.6448536269514722)).toBeLessThan(1e-12);
  });

  it('throws a RangeError unless 0 < confidence < 1', () => {
    for (const c of [0, 1, 1.5, -0.5, Number.NaN]) expect(() => zForConfidence(c)).toThrow(/strictly between 0 and 1/);
  });
});
