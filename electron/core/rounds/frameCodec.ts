import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FrameIncident } from '../../../shared/sampling/draw';
import { compareKeys } from '../../../shared/sampling/key-order';

/**
 * A frame kept beside its round, compactly: ids ascending as LEB128 varint gaps, and each id's stratum as a varint
 * index into the sorted list of stratum keys, both raw-deflated. A 100k-incident frame takes a few hundred kB at
 * most; the frame hash (SHA-256 of the sorted ids) remains the published check.
 */
export const FRAME_ENCODING = 'varint-delta+deflate-raw/1';

export interface EncodedFrame {
  encoding: string;
  ids: Buffer;
  strata: string[];
  stratumOf: Buffer;
}

function writeVarints(count: number, valueAt: (i: number) => number): Buffer {
  // A safe integer needs at most 8 varint bytes (53 bits / 7).
  const out = Buffer.allocUnsafe(count * 8);
  let at = 0;
  for (let i = 0; i < count; i++) {
    let v = valueAt(i);
    while (v >= 0x80) {
      out[at++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    out[at++] = v;
  }
  return out.subarray(0, at);
}

function readVarints(buf: Buffer): number[] {
  const values: number[] = [];
  let v = 0;
  let scale = 1;
  for (const byte of buf) {
    v += (byte & 0x7f) * scale;
    if (byte & 0x80) scale *= 0x80;
    else {
      values.push(v);
      v = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new Error('stored frame is truncated');
  return values;
}

/** `frame` must be in ascending id order (as readFrame returns it). */
export function encodeFrame(frame: readonly FrameIncident[]): EncodedFrame {
  const strata = [...new Set(frame.map((f) => f.stratum))].sort(compareKeys);
  const index = new Map(strata.map((s, i) => [s, i]));
  return {
    encoding: FRAME_ENCODING,
    ids: deflateRawSync(writeVarints(frame.length, (i) => frame[i]!.id - (i === 0 ? 0 : frame[i - 1]!.id)), { level: 1 }),
    strata,
    stratumOf: deflateRawSync(writeVarints(frame.length, (i) => index.get(frame[i]!.stratum)!), { level: 1 }),
  };
}

export function decodeFrame(stored: EncodedFrame): FrameIncident[] {
  if (stored.encoding !== FRAME_ENCODING) throw new Error(`stored frame has unknown encoding ${stored.encoding}`);
  const gaps = readVarints(inflateRawSync(stored.ids));
  const of = readVarints(inflateRawSync(stored.stratumOf));
  if (gaps.length !== of.length) throw new Error('stored frame ids and strata differ in length');
  let id = 0;
  return gaps.map((gap, i) => {
    id += gap;
    const stratum = stored.strata[of[i]!];
    if (stratum === undefined) throw new Error(`stored frame names stratum ${of[i]} of ${stored.strata.length}`);
    return { id, stratum };
  });
}
