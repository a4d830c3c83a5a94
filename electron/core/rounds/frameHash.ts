import { createHash } from 'node:crypto';
import { frameHashInput } from '../../../shared/sampling/draw';

/**
 * The statement's frame hash: SHA-256 (hex) of frameHashInput (draw.ts), the sorted ids one per line. A frame read by
 * id is already ascending, and then its ids are written as that very text straight into the hash a block at a time,
 * never as one string of several megabytes (nor sorted again).
 */
const BLOCK = 1 << 16;
// Room for the longest line: String(id) of any number is at most 25 characters.
const LONGEST = 32;

export function frameHash(ids: Float64Array | readonly number[]): string {
  const hash = createHash('sha256');
  for (let i = 1; i < ids.length; i++) {
    if (!(ids[i - 1]! < ids[i]!)) return hash.update(frameHashInput(Array.from(ids))).digest('hex');
  }
  const block = Buffer.allocUnsafe(BLOCK + LONGEST);
  let at = 0;
  for (let i = 0; i < ids.length; i++) {
    if (i > 0) block[at++] = 0x0a;
    at = writeDecimal(block, at, ids[i]!);
    if (at >= BLOCK) {
      hash.update(block.subarray(0, at));
      at = 0;
    }
  }
  return hash.update(block.subarray(0, at)).digest('hex');
}

/** `id` as String(id) writes it, at `at`; returns the end. Ids below 2^32 (any real library) take 32-bit arithmetic. */
function writeDecimal(block: Buffer, at: number, id: number): number {
  if (!(Number.isInteger(id) && id >= 0 && id <= 0xffffffff)) return at + block.write(String(id), at, 'latin1');
  let digits = 1;
  for (let power = 10; power <= id; power *= 10) digits++;
  for (let p = at + digits - 1, v = id >>> 0; p >= at; p--) {
    const q = (v / 10) >>> 0;
    block[p] = 48 + v - q * 10;
    v = q;
  }
  return at + digits;
}
