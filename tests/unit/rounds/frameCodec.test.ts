import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { decodeFrame, encodeFrame } from '../../../electron/core/rounds/frameCodec';
import { frameHash } from '../../../electron/core/rounds/frameHash';
import { frameHashInput } from '../../../shared/sampling/draw';

describe('stored frames', () => {
  it('decode to exactly the frame encoded', () => {
    const frame = fc
      .uniqueArray(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { maxLength: 300 })
      .chain((ids) => fc.tuple(fc.constant([...ids].sort((a, b) => a - b)), fc.array(fc.constantFrom('Team A', 'Team B | night', 'none', ''), { minLength: ids.length, maxLength: ids.length })))
      .map(([ids, strata]) => ids.map((id, i) => ({ id, stratum: strata[i]! })));
    fc.assert(
      fc.property(frame, (f) => {
        expect(decodeFrame(encodeFrame(f))).toEqual(f);
      }),
    );
  });

  it('keep a large frame small', () => {
    const frame = Array.from({ length: 100_000 }, (_, i) => ({ id: 1 + i * 3, stratum: `Team ${i % 12}` }));
    const e = encodeFrame(frame);
    expect(e.ids.length + e.stratumOf.length).toBeLessThan(100_000);
    expect(e.strata).toHaveLength(12);
    expect(decodeFrame(e)).toEqual(frame);
  });

  it('refuse damaged data rather than invent a frame', () => {
    const e = encodeFrame([{ id: 5, stratum: 'a' }, { id: 9, stratum: 'b' }]);
    expect(() => decodeFrame({ ...e, encoding: 'other/9' })).toThrow(/unknown encoding/);
    expect(() => decodeFrame({ ...e, strata: ['a'] })).toThrow(/names stratum 1 of 1/);
    expect(() => decodeFrame({ ...e, stratumOf: encodeFrame([{ id: 1, stratum: 'a' }]).stratumOf })).toThrow(/differ in length/);
  });
});

describe('frame hash', () => {
  it('is SHA-256 of the sorted ids one per line, whatever order they come in', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { maxLength: 200 });
    fc.assert(
      fc.property(ids, fc.boolean(), (list, sorted) => {
        const given = sorted ? [...list].sort((a, b) => a - b) : list;
        expect(frameHash(given)).toBe(createHash('sha256').update(frameHashInput(list)).digest('hex'));
      }),
    );
    // Known answer from an independent tool: `printf '1\n2\n3' | sha256sum` (GNU coreutils 9.1).
    expect(frameHash([3, 1, 2])).toBe('ad53e8806d17c82d38902738d1d47d96bddaade27513466322efa0f793149dd0');
  });
});
