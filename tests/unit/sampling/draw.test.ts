import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DRAW_ALGORITHM, drawStratifiedSample, frameHashInput, type DrawInput } from '../../../shared/sampling/draw';

function draw(input: DrawInput) {
  const r = drawStratifiedSample(input);
  if (!r.ok) throw new Error(r.error);
  return r;
}

function err(input: DrawInput): string {
  const r = drawStratifiedSample(input);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const thirtyByRemainder = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, stratum: ['A', 'B', 'C'][(i + 1) % 3]! }));

function shuffled<T>(items: readonly T[], by: number): T[] {
  // A fixed, non-random reordering: the draw must not depend on the order the caller passes.
  return [...items].sort((a, b) => ((items.indexOf(a) * by) % 31) - ((items.indexOf(b) * by) % 31));
}

describe('drawStratifiedSample', () => {
  it('names its algorithm', () => {
    expect(DRAW_ALGORITHM).toEqual({ id: 'bwc-stratified-fy', version: 1, prng: 'mt19937' });
  });

  it('reproduces an independently computed sample (numeric seed)', () => {
    // Golden ids from an independent Python re-derivation of the documented steps: CPython random.seed(123456789012)
    // (init_by_array over [3197704724, 28]), getrandbits(32) as the word source, the same rejection rule and partial
    // Fisher–Yates over each stratum's ascending ids, strata A, B, C in turn, 3 each.
    const r = draw({ frame: thirtyByRemainder, size: { method: 'fixed', n: 9 }, seed: '123456789012' });
    expect(r.ids).toEqual([3, 15, 9, 19, 22, 10, 11, 20, 8]);
    expect(r.allocation.map((a) => [a.key, a.sample])).toEqual([['A', 3], ['B', 3], ['C', 3]]);
    expect(r).toMatchObject({ ok: true, seed: '123456789012', frameSize: 30, n: 9, takeAll: false, algorithm: DRAW_ALGORITHM });
  });

  it('reproduces an independently computed sample (text seed, unequal strata)', () => {
    // As above with key [761493346, 875704370, 8] (UTF-8 of "bwc-2024" packed little-endian, then its length):
    // 'early' = ids 1–10 gets 2, 'late' = ids 11–40 gets 6.
    const frame = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, stratum: i < 10 ? 'early' : 'late' }));
    const r = draw({ frame, size: { method: 'fixed', n: 8 }, seed: ' bwc-2024 ' });
    expect(r.ids).toEqual([8, 3, 36, 17, 39, 29, 21, 23]);
    expect(r.seed).toBe('bwc-2024');
  });

  it('gives the same sample whatever order the frame arrives in', () => {
    const base = draw({ frame: thirtyByRemainder, size: { method: 'percent', percent: 40 }, seed: '77' });
    for (const by of [7, 11, 13]) {
      expect(draw({ frame: shuffled(thirtyByRemainder, by), size: { method: 'percent', percent: 40 }, seed: '77' }).ids).toEqual(
        base.ids,
      );
    }
  });

  it('gives different samples for different seeds', () => {
    const frame = Array.from({ length: 500 }, (_, i) => ({ id: 1000 + i, stratum: i % 4 === 0 ? 'DA' : 'other' }));
    const size = { method: 'fixed', n: 20 } as const;
    for (const [a, b] of [['1', '2'], ['0', '4294967296'], ['bwc', 'bwd'], ['2024-06', '2024-07'], ['42', '042']]) {
      expect(draw({ frame, size, seed: a! }).ids).not.toEqual(draw({ frame, size, seed: b! }).ids);
    }
  });

  it('draws distinct frame ids, n_h from each stratum, and respects a minimum', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 100000 }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.constantFrom('day', 'late', 'night'), { minLength: 200, maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        fc.nat({ max: 2 }),
        fc.nat(),
        (ids, strata, percent, min, seed) => {
          const frame = ids.map((id, i) => ({ id, stratum: strata[i]! }));
          const r = drawStratifiedSample({ frame, size: { method: 'percent', percent }, seed: String(seed), minPerStratum: min });
          if (!r.ok) {
            expect(r.error).toMatch(/minimum/);
            return;
          }
          expect(r.ids).toHaveLength(r.n);
          expect(new Set(r.ids).size).toBe(r.n);
          const stratumOf = new Map(frame.map((f) => [f.id, f.stratum]));
          for (const a of r.allocation) {
            expect(r.ids.filter((id) => stratumOf.get(id) === a.key)).toHaveLength(a.sample);
            expect(a.sample).toBeGreaterThanOrEqual(Math.min(min, a.population));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('takes the whole frame, in random order, when n reaches N', () => {
    const frame = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, stratum: 'all' }));
    const r = draw({ frame, size: { method: 'discovery', confidence: 0.95, tolerableRate: 0.05 }, seed: '5' });
    expect(r.takeAll).toBe(true);
    expect([...r.ids].sort((a, b) => a - b)).toEqual(frame.map((f) => f.id));
  });

  it('refuses bad input with a clear error', () => {
    const size = { method: 'fixed', n: 2 } as const;
    expect(err({ frame: [], size, seed: '1' })).toMatch(/frame is empty/);
    expect(err({ frame: thirtyByRemainder, size, seed: '  ' })).toMatch(/Seed is empty/);
    expect(err({ frame: thirtyByRemainder, size: { method: 'fixed', n: 31 }, seed: '1' })).toMatch(/larger than the frame \(30/);
    const twice = [
      { id: 1, stratum: 'a' },
      { id: 1, stratum: 'b' },
    ];
    expect(err({ frame: twice, size, seed: '1' })).toMatch(/Incident 1 appears twice/);
    expect(err({ frame: [{ id: 1.5, stratum: 'a' }], size, seed: '1' })).toMatch(/entry 1 has id 1.5/);
    expect(err({ frame: thirtyByRemainder, size, seed: '1', minPerStratum: 1 })).toMatch(/minimum of 1 per stratum needs 3/);
  });
});

describe('frameHashInput', () => {
  it('sorts ids numerically and joins them with newlines', () => {
    expect(frameHashInput([10, 9, 100, 1])).toBe('1\n9\n10\n100');
    expect(frameHashInput([])).toBe('');
  });

  it('does not change the caller’s array', () => {
    const ids = [3, 1, 2];
    frameHashInput(ids);
    expect(ids).toEqual([3, 1, 2]);
  });
});
