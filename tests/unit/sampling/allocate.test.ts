import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateProportional, type StratumPopulation } from '../../../shared/sampling/allocate';

function alloc(strata: StratumPopulation[], n: number, min?: number) {
  const r = allocateProportional(strata, n, min);
  if (!r.ok) throw new Error(r.error);
  return r;
}

function samples(strata: StratumPopulation[], n: number, min?: number): Record<string, number> {
  return Object.fromEntries(alloc(strata, n, min).allocation.map((a) => [a.key, a.sample]));
}

function err(strata: StratumPopulation[], n: number, min?: number): string {
  const r = allocateProportional(strata, n, min);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const strataArb = fc
  .uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), population: fc.nat({ max: 400 }) }), {
    minLength: 1,
    maxLength: 8,
    selector: (s) => s.key,
  })
  .filter((s) => s.some((x) => x.population > 0));

describe('allocateProportional', () => {
  it('allocates exact quotas exactly, with weights N_h / n_h', () => {
    const r = alloc(
      [
        { key: 'B', population: 300 },
        { key: 'A', population: 500 },
        { key: 'C', population: 200 },
      ],
      100,
    );
    expect(r).toEqual({
      ok: true,
      proportional: true,
      allocation: [
        { key: 'A', population: 500, sample: 50, weight: 10 },
        { key: 'B', population: 300, sample: 30, weight: 10 },
        { key: 'C', population: 200, sample: 20, weight: 10 },
      ],
    });
  });

  it('gives leftover units to the largest remainders (Hamilton)', () => {
    // Quotas 4.7, 3.2, 2.1 → floors 4, 3, 2 and one unit left, which goes to the largest remainder (.7).
    expect(samples([{ key: 'x', population: 47 }, { key: 'y', population: 32 }, { key: 'z', population: 21 }], 10)).toEqual({
      x: 5,
      y: 3,
      z: 2,
    });
    // Quotas 2.55 and 2.45 both floor to 2; the one leftover unit goes to the larger remainder.
    expect(samples([{ key: 'a', population: 51 }, { key: 'b', population: 49 }], 5)).toEqual({ a: 3, b: 2 });
  });

  it('breaks equal remainders by key, whatever order the strata arrive in', () => {
    const strata = [
      { key: 'night', population: 10 },
      { key: 'day', population: 10 },
      { key: 'late', population: 10 },
    ];
    expect(samples(strata, 2)).toEqual({ day: 1, late: 1, night: 0 });
    expect(samples([...strata].reverse(), 2)).toEqual({ day: 1, late: 1, night: 0 });
    // Code-unit order: upper case sorts before lower case on every machine.
    expect(samples([{ key: 'b', population: 1 }, { key: 'B', population: 1 }], 1)).toEqual({ B: 1, b: 0 });
  });

  it('raises small strata to the minimum and shares the rest proportionally', () => {
    // Quotas 45, 4.5, 0.5; minimum 5 lifts B and C, leaving 40 for A.
    const r = alloc(
      [
        { key: 'A', population: 900 },
        { key: 'B', population: 90 },
        { key: 'C', population: 10 },
      ],
      50,
      5,
    );
    expect(r.allocation.map((a) => [a.key, a.sample, a.weight])).toEqual([
      ['A', 40, 22.5],
      ['B', 5, 18],
      ['C', 5, 2],
    ]);
    expect(r.proportional).toBe(false);
  });

  it('leaves the allocation proportional when the minimum does not bind', () => {
    const strata = [
      { key: 'A', population: 500 },
      { key: 'B', population: 300 },
      { key: 'C', population: 200 },
    ];
    expect(alloc(strata, 100, 5)).toEqual(alloc(strata, 100));
  });

  it('caps the minimum at the stratum size and gives empty strata nothing', () => {
    const r = alloc(
      [
        { key: 'big', population: 100 },
        { key: 'tiny', population: 2 },
        { key: 'empty', population: 0 },
      ],
      20,
      5,
    );
    expect(r.allocation).toEqual([
      { key: 'big', population: 100, sample: 18, weight: 100 / 18 },
      { key: 'empty', population: 0, sample: 0, weight: null },
      { key: 'tiny', population: 2, sample: 2, weight: 1 },
    ]);
  });

  it('handles n = 0 and n = N', () => {
    expect(samples([{ key: 'a', population: 3 }, { key: 'b', population: 4 }], 0)).toEqual({ a: 0, b: 0 });
    expect(samples([{ key: 'a', population: 3 }, { key: 'b', population: 4 }], 7)).toEqual({ a: 3, b: 4 });
  });

  it('refuses impossible requests with a clear error', () => {
    expect(err([{ key: 'a', population: 3 }], 4)).toMatch(/Sample size 4 is larger than the population \(3\)/);
    expect(err([{ key: 'a', population: 30 }, { key: 'b', population: 30 }], 9, 5)).toMatch(
      /minimum of 5 per stratum needs 10 incidents, more than the sample size 9/,
    );
    expect(err([], 1)).toMatch(/no strata/);
    expect(err([{ key: 'a', population: 3 }, { key: 'a', population: 4 }], 1)).toMatch(/"a" appears twice/);
    expect(err([{ key: 'a', population: -1 }], 0)).toMatch(/"a" has population -1/);
    expect(err([{ key: 'a', population: 1.5 }], 0)).toMatch(/population 1.5/);
    expect(err([{ key: 'a', population: 3 }], 1.5)).toMatch(/Sample size 1.5/);
    expect(err([{ key: 'a', population: 3 }], 1, -2)).toMatch(/Minimum per stratum -2/);
  });

  it('always sums to n, stays within 0..N_h and keeps Hamilton quota bounds without a minimum', () => {
    fc.assert(
      fc.property(strataArb, fc.double({ min: 0, max: 1, noNaN: true }), (strata, share) => {
        const N = strata.reduce((s, x) => s + x.population, 0);
        const n = Math.round(share * N);
        const r = alloc(strata, n);
        expect(r.allocation.reduce((s, a) => s + a.sample, 0)).toBe(n);
        for (const a of r.allocation) {
          const quota = (n * a.population) / N;
          expect(a.sample).toBeGreaterThanOrEqual(Math.floor(quota - 1e-9));
          expect(a.sample).toBeLessThanOrEqual(Math.ceil(quota + 1e-9));
          expect(a.sample).toBeLessThanOrEqual(a.population);
        }
        expect(r.proportional).toBe(true);
      }),
    );
  });

  it('respects the minimum, never exceeds a stratum, sums to n and is monotone in population', () => {
    fc.assert(
      fc.property(strataArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 30 }), (strata, share, min) => {
        const N = strata.reduce((s, x) => s + x.population, 0);
        const floorSum = strata.reduce((s, x) => s + Math.min(min, x.population), 0);
        const n = floorSum + Math.round(share * (N - floorSum));
        const r = alloc(strata, n, min);
        expect(r.allocation.reduce((s, a) => s + a.sample, 0)).toBe(n);
        for (const a of r.allocation) {
          expect(a.sample).toBeGreaterThanOrEqual(Math.min(min, a.population));
          expect(a.sample).toBeLessThanOrEqual(a.population);
          expect(a.weight).toBe(a.sample === 0 ? null : a.population / a.sample);
        }
        for (const a of r.allocation) {
          for (const b of r.allocation) if (a.population > b.population) expect(a.sample).toBeGreaterThanOrEqual(b.sample);
        }
      }),
    );
  });

  it('does not depend on the order strata are given in', () => {
    fc.assert(
      fc.property(strataArb, fc.nat({ max: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), (strata, min, share) => {
        const N = strata.reduce((s, x) => s + x.population, 0);
        const floorSum = strata.reduce((s, x) => s + Math.min(min, x.population), 0);
        const n = floorSum + Math.round(share * (N - floorSum));
        expect(allocateProportional([...strata].reverse(), n, min)).toEqual(allocateProportional(strata, n, min));
      }),
    );
  });
});
