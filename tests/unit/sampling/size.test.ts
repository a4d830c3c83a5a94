import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeSampleSize, sizeSpecSchema, type SizeSpec } from '../../../shared/sampling/size';
import { roundUp } from '../../../shared/sampling/round-up';

function ok(spec: SizeSpec, N: number) {
  const r = computeSampleSize(spec, N);
  if (!r.ok) throw new Error(r.error);
  return r;
}

function err(spec: unknown, N: number): string {
  const r = computeSampleSize(spec as SizeSpec, N);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const ci = (confidence: number, margin: number, proportion?: number): SizeSpec =>
  proportion === undefined
    ? { method: 'confidence', confidence, margin }
    : { method: 'confidence', confidence, margin, proportion };

describe('computeSampleSize: confidence and margin', () => {
  it('gives 385 for 95% ±5% with p = 0.5 from a large population (n0 = 384.15)', () => {
    // Cochran, Sampling Techniques (3rd ed., 1977), eq. 4.2; the widely tabulated n0 = 1.96²·0.25/0.05² = 384.16.
    const r = ok(ci(0.95, 0.05), Infinity);
    expect(r.n).toBe(385);
    expect(r.n0).toBeCloseTo(384.15, 1);
    expect(r.z).toBeCloseTo(1.959964, 6);
    expect(r.takeAll).toBe(false);
    expect(r.inputs).toEqual({
      spec: { method: 'confidence', confidence: 0.95, margin: 0.05, proportion: 0.5 },
      population: Infinity,
    });
  });

  it('gives 97 for 95% ±10% (n0 = 96.04)', () => {
    expect(ok(ci(0.95, 0.1), Infinity).n).toBe(97);
  });

  it('applies the finite population correction as tabulated by Krejcie & Morgan (1970)', () => {
    // Krejcie & Morgan, "Determining sample size for research activities", Educational and Psychological
    // Measurement 30:607-610 (1970), Table 1 (χ² = 3.841, P = .5, d = .05). Their formula
    // s = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)) is algebraically n0/(1 + (n0 − 1)/N). They round to nearest, we round
    // up, so only rows where both agree are used here.
    const rows: Array<[number, number]> = [
      [100, 80],
      [200, 132],
      [1000, 278],
      [5000, 357],
      [10000, 370],
    ];
    for (const [N, n] of rows) expect(ok(ci(0.95, 0.05), N).n).toBe(n);
  });

  it('uses the given proportion', () => {
    // p = 0.1: n0 = 1.959964²·0.09/0.05² = 138.3 → 139.
    const r = ok(ci(0.95, 0.05, 0.1), Infinity);
    expect(r.n0).toBeCloseTo(138.29, 2);
    expect(r.n).toBe(139);
  });

  it('explains the calculation in words a board can check', () => {
    const r = ok(ci(0.95, 0.05), 1000);
    expect(r.explanation).toContain('95% confidence');
    expect(r.explanation).toContain('N = 1000');
    expect(r.explanation).toContain('rounded up to 278');
  });

  it('never asks for more than the frame, and grows with N and with precision', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        (N, extra, c, e) => {
          const a = ok(ci(c, e), N);
          expect(a.n).toBeGreaterThanOrEqual(1);
          expect(a.n).toBeLessThanOrEqual(N);
          expect(a.takeAll).toBe(a.n === N);
          expect(ok(ci(c, e), N + extra).n).toBeGreaterThanOrEqual(a.n);
          expect(ok(ci(c, e / 2), N).n).toBeGreaterThanOrEqual(a.n);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('computeSampleSize: discovery', () => {
  it('matches the AICPA Audit Sampling guide tables for zero expected deviations', () => {
    // AICPA Audit Guide "Audit Sampling", tables of statistical sample sizes for tests of controls with 0 expected
    // deviations: 5% risk of overreliance (95% confidence) and 10% risk (90% confidence), by tolerable rate.
    const rows: Array<[number, number, number]> = [
      [0.95, 0.02, 149], [0.95, 0.03, 99], [0.95, 0.04, 74], [0.95, 0.05, 59], [0.95, 0.06, 49], [0.95, 0.07, 42],
      [0.95, 0.08, 36], [0.95, 0.09, 32], [0.95, 0.1, 29], [0.95, 0.15, 19], [0.95, 0.2, 14],
      [0.9, 0.02, 114], [0.9, 0.03, 76], [0.9, 0.04, 57], [0.9, 0.05, 45], [0.9, 0.06, 38], [0.9, 0.07, 32],
      [0.9, 0.08, 28], [0.9, 0.09, 25], [0.9, 0.1, 22], [0.9, 0.15, 15], [0.9, 0.2, 11],
    ];
    for (const [confidence, tolerableRate, n] of rows) {
      expect(ok({ method: 'discovery', confidence, tolerableRate }, Infinity).n).toBe(n);
    }
  });

  it('takes the whole frame when it is smaller than the discovery sample', () => {
    const r = ok({ method: 'discovery', confidence: 0.95, tolerableRate: 0.05 }, 40);
    expect(r).toMatchObject({ n: 40, takeAll: true });
    expect(r.explanation).toMatch(/ln\(1 − CL\)\/ln\(1 − rate\) = 58\.4.*all 40 incidents are reviewed/);
  });
});

describe('computeSampleSize: fixed and percent', () => {
  it('takes a fixed n, all of the frame when n = N, and refuses n > N', () => {
    expect(ok({ method: 'fixed', n: 30 }, 200)).toMatchObject({ n: 30, takeAll: false });
    expect(ok({ method: 'fixed', n: 200 }, 200)).toMatchObject({ n: 200, takeAll: true });
    expect(err({ method: 'fixed', n: 201 }, 200)).toMatch(/Fixed sample size 201 is larger than the frame \(200/);
  });

  it('rounds a percentage up without tripping over floating-point noise', () => {
    // 0.07 × 100 = 7.000000000000001 in binary floating point; the sample is 7, not 8.
    expect(ok({ method: 'percent', percent: 7 }, 100).n).toBe(7);
    expect(ok({ method: 'percent', percent: 10 }, 95).n).toBe(10);
    expect(ok({ method: 'percent', percent: 0.1 }, 50).n).toBe(1);
    expect(ok({ method: 'percent', percent: 100 }, 50)).toMatchObject({ n: 50, takeAll: true });
    expect(err({ method: 'percent', percent: 10 }, Infinity)).toMatch(/finite frame/);
  });
});

describe('computeSampleSize: bad input', () => {
  it('names the field that is out of range', () => {
    expect(err(ci(0, 0.05), 100)).toMatch(/confidence: confidence must be above 0/);
    expect(err(ci(1, 0.05), 100)).toMatch(/confidence must be below 1/);
    expect(err(ci(1.2, 0.05), 100)).toMatch(/confidence/);
    expect(err(ci(0.95, 0), 100)).toMatch(/margin/);
    expect(err(ci(0.95, 0.05, 1), 100)).toMatch(/proportion/);
    expect(err({ method: 'discovery', confidence: 0.95, tolerableRate: 0 }, 100)).toMatch(/tolerableRate/);
    expect(err({ method: 'percent', percent: 0 }, 100)).toMatch(/percent must be above 0/);
    expect(err({ method: 'percent', percent: 101 }, 100)).toMatch(/percent must be at most 100/);
    expect(err({ method: 'fixed', n: 2.5 }, 100)).toMatch(/whole number/);
    expect(err({ method: 'guess' }, 100)).toMatch(/Invalid sample size/);
    expect(err(ci(0.95, 'x' as unknown as number), 100)).toMatch(/margin must be a number/);
  });

  it('refuses an empty or fractional population', () => {
    expect(err({ method: 'fixed', n: 1 }, 0)).toMatch(/Population size 0/);
    expect(err({ method: 'fixed', n: 1 }, 10.5)).toMatch(/Population size 10.5/);
    expect(err({ method: 'fixed', n: 1 }, Number.NaN)).toMatch(/Population size NaN/);
  });

  it('exposes the schema for the IPC contract', () => {
    expect(sizeSpecSchema.safeParse({ method: 'percent', percent: 5 }).success).toBe(true);
    expect(sizeSpecSchema.safeParse({ method: 'percent' }).success).toBe(false);
  });
});

describe('roundUp', () => {
  it('ignores floating-point noise but rounds genuine fractions up', () => {
    expect(roundUp(384.0000000001)).toBe(384);
    expect(roundUp(384.001)).toBe(385);
    expect(roundUp(384.14588)).toBe(385);
    expect(roundUp(7)).toBe(7);
    expect(roundUp(0.5)).toBe(1);
  });
});
