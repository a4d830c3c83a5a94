import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ProbeError } from './probeError';

/** Positioned reads on one open file, counted: the indexer's speed is the number of reads and bytes per file. */
export interface PositionedReader {
  readonly size: number;
  /** Up to `length` bytes at `position`; fewer only at end of file (or if the file shrank while open). */
  read(position: number, length: number): Buffer;
  /** The same bytes if they are already in hand (a held range), without a system call or a copy; else null. */
  held(position: number, length: number): Buffer | null;
  readonly stats: ReadStats;
}

export interface ReadStats {
  reads: number;
  bytesRead: number;
}

/** Bytes already read from the file (its two ends, for the fingerprint), served again without a system call. */
export interface HeldRange {
  at: number;
  bytes: Buffer;
}

/**
 * Synchronous on purpose: probing runs in worker threads (probePool.ts) where a blocking read blocks nobody, and a
 * synchronous read costs a fraction of a promise-based one (no thread-pool hop, no promise, no FileHandle).
 */
export interface OpenFile {
  fd: number;
  size: number;
}

// Opening a FIFO for reading would block until a writer appears: O_NONBLOCK makes the open return at once, and the
// fstat that follows refuses anything but a regular file. (Windows has no FIFOs to open this way, nor the flag.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Opens `path` and checks it is a regular file; file-system errors become ProbeErrors with a one-line reason. */
export function openRegularFile(path: string): OpenFile {
  let fd = -1;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new ProbeError('is a directory, not a file');
    if (!info.isFile()) throw new ProbeError('not a regular file (a pipe, socket or device)');
    return { fd, size: info.size };
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    throw asProbeError(e);
  }
}

/** A reader over an open file; reads that fall wholly inside a held range are answered from it. */
export function positionedReader(file: OpenFile, held: readonly HeldRange[] = []): PositionedReader {
  const { fd, size } = file;
  // The held ranges were read for this file too: they count as its reads.
  const stats: ReadStats = { reads: held.length, bytesRead: held.reduce((n, h) => n + h.bytes.length, 0) };
  const inHand = (position: number, want: number): Buffer | null => {
    for (const h of held) {
      if (position >= h.at && position + want <= h.at + h.bytes.length) return h.bytes.subarray(position - h.at, position - h.at + want);
    }
    return null;
  };
  return {
    size,
    stats,
    held: (position, length) => inHand(position, Math.max(0, Math.min(length, size - position))),
    read(position, length) {
      const want = Math.max(0, Math.min(length, size - position));
      const inBuffer = inHand(position, want);
      if (inBuffer) return inBuffer;
      const buf = Buffer.allocUnsafe(want);
      let filled = 0;
      try {
        while (filled < want) {
          const n = readSync(fd, buf, filled, want - filled, position + filled);
          stats.reads += 1;
          if (n === 0) break;
          filled += n;
          stats.bytesRead += n;
        }
      } catch (e) {
        throw asProbeError(e);
      }
      return filled === want ? buf : buf.subarray(0, filled);
    },
  };
}

/** Opens `path` for `work` and always closes it. */
export function withFile<T>(path: string, work: (reader: PositionedReader) => T): T {
  const file = openRegularFile(path);
  try {
    return work(positionedReader(file));
  } finally {
    closeSync(file.fd);
  }
}

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'file not found',
  EACCES: 'cannot read the file: permission denied (EACCES)',
  EPERM: 'cannot read the file: operation not permitted (EPERM)',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a folder in the path is not a folder (ENOTDIR)',
  ELOOP: 'too many symbolic links in the path (ELOOP)',
  EMFILE: 'too many files open at once (EMFILE); try again',
  EIO: 'the disk reported an input/output error (EIO)',
};

export function asProbeError(e: unknown): ProbeError {
  if (e instanceof ProbeError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && ERRNO_REASONS[code]) return new ProbeError(ERRNO_REASONS[code], code);
  const message = e instanceof Error ? e.message : String(e);
  return new ProbeError(`cannot read the file: ${message.split('\n')[0]}`, code ?? null);
}
