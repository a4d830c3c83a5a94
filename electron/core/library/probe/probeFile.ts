import { closeSync, readSync } from 'node:fs';
import { FINGERPRINT_EDGE } from '../fingerprint';
import { asProbeError, openRegularFile, positionedReader, type HeldRange, type OpenFile } from './fileReader';
import type { FingerprintHasher } from './fingerprintHash';
import { probeOpenFile, type ProbeResult } from './probe';
import type { ReadMoovOptions } from './readMoov';

export type FingerprintResult = { ok: true; hex: string } | { ok: false; code: string | null; reason: string };

/** Everything the indexer learns from a new or changed file: its fingerprint and its header metadata. */
export interface ProbedFile {
  fingerprint: FingerprintResult;
  probe: ProbeResult;
}

/**
 * One open, one fstat, the file's first and last 64 KiB, one close: the two ends are the fingerprint (fingerprint.ts)
 * and, for nearly every clip, also where its moov sits (at the start after ftyp, or at the end after mdat), so the
 * header probe is usually answered from bytes already in hand. A large moov costs the reads readMoov needs on top.
 * Never throws: a file that cannot be opened or read fails both halves with the same reason.
 */
export function probeFile(path: string, hash: FingerprintHasher, options: ReadMoovOptions = {}): ProbedFile {
  let file: OpenFile;
  try {
    file = openRegularFile(path);
  } catch (e) {
    const err = asProbeError(e);
    return { fingerprint: { ok: false, code: err.code, reason: err.message }, probe: { ok: false, reason: err.message } };
  }
  try {
    let held: HeldRange[];
    try {
      held = readEnds(file);
    } catch (e) {
      const err = asProbeError(e);
      return { fingerprint: { ok: false, code: err.code, reason: err.message }, probe: { ok: false, reason: err.message } };
    }
    const fingerprint: FingerprintResult = { ok: true, hex: `${file.size}:${hash(held.map((h) => h.bytes))}` };
    return { fingerprint, probe: probeOpenFile(path, positionedReader(file, held), options) };
  } finally {
    closeSync(file.fd);
  }
}

/**
 * The two ends are read into the same buffer for every file: probing is synchronous, so nothing holds it past one
 * file, and fresh 64 KiB buffers per file cost more in allocation and page faults than the reads do.
 */
const endsBuffer = Buffer.allocUnsafeSlow(2 * FINGERPRINT_EDGE);

/**
 * [0, min(size, 64K)) and [max(64K, size - 64K), size): never overlapping. A file of up to 128 KiB is both ends at
 * once, read whole in one call (and then the moov is always in hand).
 */
function readEnds(file: OpenFile): HeldRange[] {
  if (file.size <= 2 * FINGERPRINT_EDGE) return [{ at: 0, bytes: readFully(file.fd, endsBuffer, 0, file.size) }];
  const tailAt = file.size - FINGERPRINT_EDGE;
  return [
    { at: 0, bytes: readFully(file.fd, endsBuffer, 0, FINGERPRINT_EDGE) },
    { at: tailAt, bytes: readFully(file.fd, endsBuffer.subarray(FINGERPRINT_EDGE), tailAt, FINGERPRINT_EDGE) },
  ];
}

function readFully(fd: number, into: Buffer, at: number, length: number): Buffer {
  const buf = into.subarray(0, length);
  let filled = 0;
  while (filled < length) {
    const n = readSync(fd, buf, filled, length - filled, at + filled);
    if (n === 0) break;
    filled += n;
  }
  // A file that shrank since its fstat: what is there is what is hashed and probed.
  return filled === length ? buf : buf.subarray(0, filled);
}
