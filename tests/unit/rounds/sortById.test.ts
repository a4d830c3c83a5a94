import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortById } from '../../../electron/core/rounds/sortById';

/** Reference: pairs sorted by id with the ordinary comparison sort. */
function reference(ids: number[], strata: number[]) {
  const pairs = ids.map((id, i) => [id, strata[i]!] as const).sort((a, b) => a[0] - b[0]);
  return { ids: pairs.map((p) => p[0]), stratumOf: pairs.map((p) => p[1]) };
}

const asArrays = (r: { ids: Float64Array; stratumOf: Uint32Array }) => ({ ids: Array.from(r.ids), stratumOf: Array.from(r.stratumOf) });

describe('sortById', () => {
  it('orders ids ascending, each keeping its stratum, for ids across the whole 32-bit range and beyond', () => {
    const id = fc.oneof(fc.nat({ max: 3000 }), fc.nat({ max: 0xffffffff }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { maxLength: 400 }).chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.nat({ max: 50 }), { minLength: ids.length, maxLength: ids.length }))),
        ([ids, strata]) => {
          expect(asArrays(sortById(Float64Array.from(ids), Uint32Array.from(strata)))).toEqual(reference(ids, strata));
        },
      ),
    );
  });

  it('sorts a shuffled million-incident frame (three radix passes past 2^22) without changing its input', () => {
    const n = 1_000_000;
    const ids = Float64Array.from({ length: n }, (_, i) => ((i * 7_654_321) % n) * 5 + 1);
    const strata = Uint32Array.from(ids, (id) => id % 96);
    const before = Array.from(ids.subarray(0, 5));
    const sorted = sortById(ids, strata);
    for (let i = 0; i < n; i++) {
      if (sorted.ids[i] !== i * 5 + 1 || sorted.stratumOf[i] !== (i * 5 + 1) % 96) throw new Error(`wrong at ${i}`);
    }
    expect(Array.from(ids.subarray(0, 5))).toEqual(before);
    expect(Array.from(strata.subarray(0, 5))).toEqual(before.map((id) => id % 96));
  });

  it('keeps duplicates (for the draw to refuse) and orders ids no library holds', () => {
    expect(asArrays(sortById(Float64Array.of(9, 3, 9), Uint32Array.of(0, 1, 2)))).toEqual({ ids: [3, 9, 9], stratumOf: [1, 0, 2] });
    expect(asArrays(sortById(Float64Array.of(2, -1, 0.5), Uint32Array.of(0, 1, 2)))).toEqual({ ids: [-1, 0.5, 2], stratumOf: [1, 2, 0] });
  });
});
