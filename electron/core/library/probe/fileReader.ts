import { open, stat, type FileHandle } from 'node:fs/promises';
import { ProbeError } from './probeError';

/** Positioned reads on one open file, counted: the indexer's speed is the number of reads and bytes per file. */
export interface PositionedReader {
  readonly size: number;
  /** Up to `length` bytes at `position`; fewer only at end of file (or if the file shrank while open). */
  read(position: number, length: number): Promise<Buffer>;
  readonly stats: ReadStats;
}

export interface ReadStats {
  reads: number;
  bytesRead: number;
}

/**
 * Opens `path` for `work` and always closes it. Anything but a regular file is refused before opening: opening a
 * FIFO for reading would block until a writer appears. File-system errors become ProbeErrors with a one-line reason.
 */
export async function withFile<T>(path: string, work: (reader: PositionedReader) => Promise<T>): Promise<T> {
  const { handle, size } = await openRegularFile(path);
  const stats: ReadStats = { reads: 0, bytesRead: 0 };
  const reader: PositionedReader = {
    size,
    stats,
    async read(position, length) {
      const want = Math.max(0, Math.min(length, size - position));
      const buf = Buffer.alloc(want);
      let filled = 0;
      try {
        while (filled < want) {
          const { bytesRead } = await handle.read(buf, filled, want - filled, position + filled);
          stats.reads += 1;
          if (bytesRead === 0) break;
          filled += bytesRead;
          stats.bytesRead += bytesRead;
        }
      } catch (e) {
        throw asProbeError(e);
      }
      return filled === want ? buf : buf.subarray(0, filled);
    },
  };
  try {
    return await work(reader);
  } finally {
    await handle.close();
  }
}

async function openRegularFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ProbeError('is a directory, not a file');
    if (!info.isFile()) throw new ProbeError('not a regular file (a pipe, socket or device)');
    return { handle: await open(path, 'r'), size: info.size };
  } catch (e) {
    throw asProbeError(e);
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

function asProbeError(e: unknown): ProbeError {
  if (e instanceof ProbeError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && ERRNO_REASONS[code]) return new ProbeError(ERRNO_REASONS[code]);
  const message = e instanceof Error ? e.message : String(e);
  return new ProbeError(`cannot read the file: ${message.split('\n')[0]}`);
}
