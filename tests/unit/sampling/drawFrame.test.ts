import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawStratifiedFrame, drawStratifiedSample } from '../../../shared/sampling/draw';
import { frameFromIncidents, type FrameColumns } from '../../../shared/sampling/frame';

function columns(incidents: { id: number; stratum: string }[]): FrameColumns {
  const f = frameFromIncidents(incidents);
  if (typeof f === 'string') throw new Error(f);
  return f;
}

describe('drawStratifiedFrame (column form)', () => {
  it('reproduces the independently computed sample of draw.test.ts', () => {
    // Same frame and seed as the numeric-seed known answer there (Python re-derivation of the documented steps).
    const frame = columns(Array.from({ length: 30 }, (_, i) => ({ id: i + 1, stratum: ['A', 'B', 'C'][(i + 1) % 3]! })));
    const r = drawStratifiedFrame({ frame, size: { method: 'fixed', n: 9 }, seed: '123456789012' });
    expect(r.ok && r.ids).toEqual([3, 15, 9, 19, 22, 10, 11, 20, 8]);
  });

  it('gives exactly the result of the object form for the same incidents', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.constantFrom('Team A', 'Team B', 'Team C | night', 'none'), { minLength: 300, maxLength: 300 }),
        fc.integer({ min: 1, max: 100 }),
        fc.nat({ max: 3 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        (ids, strata, percent, min, seed) => {
          const incidents = ids.map((id, i) => ({ id, stratum: strata[i]! }));
          const input = { size: { method: 'percent', percent } as const, seed, minPerStratum: min };
          expect(drawStratifiedFrame({ ...input, frame: columns(incidents) })).toEqual(drawStratifiedSample({ ...input, frame: incidents }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a frame that breaks the column invariants, and an empty one, as the object form does', () => {
    const size = { method: 'fixed', n: 1 } as const;
    const err = (frame: FrameColumns, seed = '1') => {
      const r = drawStratifiedFrame({ frame, size, seed });
      return r.ok ? 'drawn' : r.error;
    };
    const empty = { ids: new Float64Array(0), strata: [], stratumOf: new Uint32Array(0) };
    expect(err(empty)).toMatch(/frame is empty/);
    expect(err(empty, ' ')).toMatch(/Seed is empty/);
    expect(err({ ids: Float64Array.of(4, 4), strata: ['a'], stratumOf: Uint32Array.of(0, 0) })).toMatch(/Incident 4 appears twice/);
    expect(err({ ids: Float64Array.of(4, 5), strata: ['a', 'b'], stratumOf: Uint32Array.of(0, 0) })).toMatch(/"b" is listed for the frame but has no incidents/);
  });
});
