import { ProbeError } from './probeError';

/**
 * ISO BMFF (ISO/IEC 14496-12 §4.2) box headers: a 32-bit size and a four-character type; size 1 means a 64-bit
 * largesize follows, size 0 means the box runs to the end of its enclosing space, and type 'uuid' carries a 16-byte
 * extended type. Everything here is bounds-checked: a lying size becomes a ProbeError, never a RangeError.
 */
export interface BoxHeader {
  /** Four characters decoded as latin1, so QuickTime's 0xA9 prefix reads as '©' ('©xyz'). */
  type: string;
  /** Offset of the box's first byte, in the coordinates of the buffer (or file) it was read from. */
  start: number;
  /** 8, 16 with a largesize, plus 16 for a uuid. */
  headerSize: number;
  /** Whole box, header included, with size 0 already resolved to the end of the enclosing space. */
  size: number;
  /** Hex extended type of a 'uuid' box, else null. */
  uuid: string | null;
}

/** Enough bytes to hold any header: size + type + largesize + uuid. */
export const MAX_HEADER_BYTES = 32;

/**
 * Reads the header of the box whose first byte is `bytes[at]`. `start` is that byte's offset in the caller's
 * coordinates and `spaceEnd` the end of the enclosing space there (the file size, or the parent box's end).
 * Returns null when `bytes` stops before the header does, so the caller can fetch more and retry.
 */
export function parseBoxHeader(bytes: Buffer, at: number, start: number, spaceEnd: number): BoxHeader | null {
  if (at + 8 > bytes.length) return null;
  const size32 = bytes.readUInt32BE(at);
  // Byte for character (latin1), built in JS: a call into Buffer's decoder per box costs several times as much.
  const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
  let headerSize = 8;
  let size: number;
  if (size32 === 1) {
    if (at + 16 > bytes.length) return null;
    const large = bytes.readBigUInt64BE(at + 8);
    if (large > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new ProbeError(`box '${printable(type)}' at offset ${start} has an impossible 64-bit size ${large}`);
    }
    size = Number(large);
    headerSize = 16;
  } else if (size32 === 0) {
    size = spaceEnd - start;
  } else {
    size = size32;
  }
  let uuid: string | null = null;
  if (type === 'uuid') {
    if (at + headerSize + 16 > bytes.length) return null;
    uuid = bytes.toString('hex', at + headerSize, at + headerSize + 16);
    headerSize += 16;
  }
  if (size < headerSize) {
    throw new ProbeError(`box '${printable(type)}' at offset ${start} has size ${size}, smaller than its own header`);
  }
  return { type, start, headerSize, size, uuid };
}

/**
 * The child boxes laid end to end in `bytes[from, to)`. Fewer than 8 bytes left over at the end are ignored: QuickTime
 * ends some atom lists with a 32-bit zero terminator. A child reaching past `to` is an error naming both boxes.
 */
export function walkBoxes(bytes: Buffer, from: number, to: number, parentType: string): BoxHeader[] {
  const end = Math.min(to, bytes.length);
  const out: BoxHeader[] = [];
  let pos = from;
  while (end - pos >= 8) {
    const box = parseBoxHeader(bytes, pos, pos, end);
    if (!box || pos + box.headerSize > end) {
      throw new ProbeError(`box header at offset ${pos} inside '${printable(parentType)}' is cut off`);
    }
    if (box.size > end - pos) {
      throw new ProbeError(
        `box '${printable(box.type)}' inside '${printable(parentType)}' claims ${box.size} bytes, only ${end - pos} remain`,
      );
    }
    out.push(box);
    pos += box.size;
  }
  return out;
}

/** The children of `box`, which start `skip` bytes into its payload (4 for a FullBox's version and flags, say). */
export function childBoxes(bytes: Buffer, box: BoxHeader, skip = 0): BoxHeader[] {
  return walkBoxes(bytes, box.start + box.headerSize + skip, box.start + box.size, box.type);
}

/** The bytes after the header. */
export function payloadOf(bytes: Buffer, box: BoxHeader): Buffer {
  return bytes.subarray(box.start + box.headerSize, box.start + box.size);
}

/** Throws unless `payload` holds at least `length` bytes: every fixed-layout read checks this first. */
export function requireBytes(payload: Buffer, length: number, type: string): void {
  if (payload.length < length) {
    throw new ProbeError(`box '${printable(type)}' is too short: ${payload.length} bytes, needs ${length}`);
  }
}

/** A 64-bit unsigned field as a number; all-ones is the format's "unknown" marker and becomes null. */
export function readU64(payload: Buffer, at: number): number | null {
  const v = payload.readBigUInt64BE(at);
  return v === 0xffffffffffffffffn ? null : Number(v);
}

/** Box types from hostile files go into messages: keep them to visible characters. */
export function printable(type: string): string {
  return type.replace(/[^\x20-\x7e\u00a9]/g, '?');
}
