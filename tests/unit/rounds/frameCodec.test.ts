import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { decodeFrame, encodeFrame, FRAME_ENCODING } from '../../../electron/core/rounds/frameCodec';
import { frameHash } from '../../../electron/core/rounds/frameHash';
import { frameHashInput } from '../../../shared/sampling/draw';
import { frameFromIncidents, frameIncidents, type FrameColumns, type FrameIncident } from '../../../shared/sampling/frame';

function columns(incidents: FrameIncident[]): FrameColumns {
  const f = frameFromIncidents(incidents);
  if (typeof f === 'string') throw new Error(f);
  return f;
}

describe('stored frames', () => {
  it('decode to exactly the frame encoded', () => {
    const frame = fc
      .uniqueArray(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { maxLength: 300 })
      .chain((ids) => fc.tuple(fc.constant([...ids].sort((a, b) => a - b)), fc.array(fc.constantFrom('Team A', 'Team B | night', 'none', ''), { minLength: ids.length, maxLength: ids.length })))
      .map(([ids, strata]) => ids.map((id, i) => ({ id, stratum: strata[i]! })));
    fc.assert(
      fc.property(frame, (f) => {
        expect(frameIncidents(decodeFrame(encodeFrame(columns(f))))).toEqual(f);
      }),
    );
  });

  it('keep a large frame small', () => {
    const frame = Array.from({ length: 100_000 }, (_, i) => ({ id: 1 + i * 3, stratum: `Team ${i % 12}` }));
    const e = encodeFrame(columns(frame));
    expect(e.ids.length + e.stratumOf.length).toBeLessThan(100_000);
    expect(e.strata).toHaveLength(12);
    expect(frameIncidents(decodeFrame(e))).toEqual(frame);
  });

  it('read back frames stored with other deflate settings (as rounds drawn before this encoder were)', () => {
    // Frame {5: 'a', 9: 'b', 200: 'a'}: id gaps 5, 4, 191 (191 = 0xbf → varint 0xbf 0x01), stratum indexes 0, 1, 0.
    const stored = {
      encoding: FRAME_ENCODING,
      ids: deflateRawSync(Buffer.from([5, 4, 0xbf, 0x01]), { level: 1 }),
      strata: ['a', 'b'],
      stratumOf: deflateRawSync(Buffer.from([0, 1, 0]), { level: 9 }),
    };
    expect(frameIncidents(decodeFrame(stored))).toEqual([
      { id: 5, stratum: 'a' },
      { id: 9, stratum: 'b' },
      { id: 200, stratum: 'a' },
    ]);
  });

  it('refuse damaged data rather than invent a frame', () => {
    const e = encodeFrame(columns([{ id: 5, stratum: 'a' }, { id: 9, stratum: 'b' }]));
    expect(() => decodeFrame({ ...e, encoding: 'other/9' })).toThrow(/unknown encoding/);
    expect(() => decodeFrame({ ...e, strata: ['a'] })).toThrow(/names stratum 1 of 1/);
    expect(() => decodeFrame({ ...e, stratumOf: encodeFrame(columns([{ id: 1, stratum: 'a' }])).stratumOf })).toThrow(/differ in length/);
    expect(() => decodeFrame({ ...e, ids: deflateRawSync(Buffer.from([5, 0x84])) })).toThrow(/truncated/);
  });
});

describe('frame hash', () => {
  it('is SHA-256 of the sorted ids one per line, whatever order they come in', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { maxLength: 200 });
    fc.assert(
      fc.property(ids, fc.boolean(), (list, sorted) => {
        const given = sorted ? [...list].sort((a, b) => a - b) : list;
        const expected = createHash('sha256').update(frameHashInput(list)).digest('hex');
        expect(frameHash(given)).toBe(expected);
        expect(frameHash(Float64Array.from(given))).toBe(expected);
      }),
    );
    // Known answer from an independent tool: `printf '1\n2\n3' | sha256sum` (GNU coreutils 9.1).
    expect(frameHash([3, 1, 2])).toBe('ad53e8806d17c82d38902738d1d47d96bddaade27513466322efa0f793149dd0');
    expect(frameHash(new Float64Array([1, 2, 3]))).toBe('ad53e8806d17c82d38902738d1d47d96bddaade27513466322efa0f793149dd0');
  });

  it('writes the same text as String() for ids around 2^32 and for ids no frame should hold', () => {
    // Ascending, so they are written line by line rather than joined.
    const odd = [-7, 0, 1.5, 9, 10, 4294967295, 4294967296, 2 ** 53 - 1, 1e21];
    expect(frameHash(Float64Array.from(odd))).toBe(createHash('sha256').update(odd.join('\n')).digest('hex'));
  });

  it('hashes a frame longer than one write block (a million ids) as the joined text', () => {
    const ids = Float64Array.from({ length: 1_000_000 }, (_, i) => 1 + i * 7);
    expect(frameHash(ids)).toBe(createHash('sha256').update(ids.join('\n')).digest('hex'));
  });
});
