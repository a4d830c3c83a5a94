import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FrameColumns } from '../../../shared/sampling/frame';

/**
 * A frame kept beside its round, compactly: ids ascending as LEB128 varint gaps, and each id's stratum as a varint
 * index into the sorted list of stratum keys, both raw-deflated. A 100k-incident frame takes a few hundred kB at
 * most; the frame hash (SHA-256 of the sorted ids) remains the published check. The stratum list and indexes are
 * the frame's own columns (frame.ts), so encoding is two passes over typed arrays.
 */
export const FRAME_ENCODING = 'varint-delta+deflate-raw/1';

// Run-length matching only: the gaps are mostly runs of 1, and a million stratum indexes are close to random, where
// searching for longer matches (as level 1 does) finds nothing and costs three times as long. Any raw-deflate stream
// inflates the same way, so frames stored with other settings read back unchanged.
const DEFLATE = { strategy: constants.Z_RLE };

export interface EncodedFrame {
  encoding: string;
  ids: Buffer;
  strata: string[];
  stratumOf: Buffer;
}

// A safe integer needs at most 8 varint bytes (53 bits / 7).
const MAX_VARINT = 8;

function writeVarint(out: Buffer, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    out[at++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  out[at++] = v;
  return at;
}

function varints(count: number, valueAt: (i: number) => number): Buffer {
  const out = Buffer.allocUnsafe(count * MAX_VARINT);
  let at = 0;
  for (let i = 0; i < count; i++) at = writeVarint(out, at, valueAt(i));
  return out.subarray(0, at);
}

function readVarints(buf: Buffer): Float64Array {
  let count = 0;
  for (const byte of buf) if (!(byte & 0x80)) count++;
  const values = new Float64Array(count);
  let n = 0;
  let v = 0;
  let scale = 1;
  for (const byte of buf) {
    v += (byte & 0x7f) * scale;
    if (byte & 0x80) scale *= 0x80;
    else {
      values[n++] = v;
      v = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new Error('stored frame is truncated');
  return values;
}

/** `frame.ids` must be ascending (as readFrame gives them). */
export function encodeFrame(frame: FrameColumns): EncodedFrame {
  const { ids, stratumOf } = frame;
  return {
    encoding: FRAME_ENCODING,
    ids: deflateRawSync(varints(ids.length, (i) => ids[i]! - (i === 0 ? 0 : ids[i - 1]!)), DEFLATE),
    strata: [...frame.strata],
    stratumOf: deflateRawSync(varints(stratumOf.length, (i) => stratumOf[i]!), DEFLATE),
  };
}

export function decodeFrame(stored: EncodedFrame): FrameColumns {
  if (stored.encoding !== FRAME_ENCODING) throw new Error(`stored frame has unknown encoding ${stored.encoding}`);
  const ids = readVarints(inflateRawSync(stored.ids));
  const of = readVarints(inflateRawSync(stored.stratumOf));
  if (ids.length !== of.length) throw new Error('stored frame ids and strata differ in length');
  for (let i = 1; i < ids.length; i++) ids[i] = ids[i]! + ids[i - 1]!;
  const stratumOf = new Uint32Array(of.length);
  for (let i = 0; i < of.length; i++) {
    if (!(of[i]! < stored.strata.length)) throw new Error(`stored frame names stratum ${of[i]} of ${stored.strata.length}`);
    stratumOf[i] = of[i]!;
  }
  return { ids, strata: stored.strata, stratumOf };
}
