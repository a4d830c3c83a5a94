import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FINGERPRINT_EDGE } from './fingerprint';

/**
 * Hashing off the core's event loop, in a pool of worker threads: fingerprints (size + SHA-256 of the first and last
 * 64 KiB, see fingerprint.ts) while a library is scanned, and full-file SHA-256 for evidential integrity (`--hash`).
 * The main thread keeps reading headers and writing the database while the other cores hash.
 *
 * The worker is inline plain JavaScript (`eval: true`): the same source runs from the TypeScript tree under vitest and
 * from the esbuild bundles, with no extra file to ship. Workers read with synchronous calls, which block only them.
 * Fingerprint jobs travel in batches (one message per batch, not per file); full hashes one at a time.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const EDGE = ${FINGERPRINT_EDGE};
const big = Buffer.allocUnsafe(1 << 20);
function readRange(fd, hash, start, length) {
  while (length > 0) {
    const n = readSync(fd, big, 0, Math.min(length, big.length), start);
    if (n === 0) break;
    hash.update(big.subarray(0, n));
    start += n;
    length -= n;
  }
}
function fingerprint(fd, size) {
  const hash = createHash('sha256');
  const head = Math.min(size, EDGE);
  const tailStart = Math.max(head, size - EDGE);
  readRange(fd, hash, 0, head);
  if (size > tailStart) readRange(fd, hash, tailStart, size - tailStart);
  return { hex: size + ':' + hash.digest('hex'), bytes: size };
}
function whole(fd) {
  const hash = createHash('sha256');
  let bytes = 0;
  for (;;) {
    const n = readSync(fd, big, 0, big.length, null);
    if (n === 0) break;
    hash.update(big.subarray(0, n));
    bytes += n;
  }
  return { hex: hash.digest('hex'), bytes };
}
parentPort.on('message', (jobs) => {
  parentPort.postMessage(jobs.map(({ id, kind, path, size }) => {
    let fd = -1;
    try {
      fd = openSync(path, 'r');
      return { id, ok: true, ...(kind === 'fingerprint' ? fingerprint(fd, size) : whole(fd)) };
    } catch (e) {
      return { id, ok: false, code: (e && e.code) || null, message: String((e && e.message) || e) };
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  }));
});
`;

export type HashResult = { ok: true; hex: string; bytes: number } | { ok: false; code: string | null; reason: string };

export interface HashPool {
  readonly size: number;
  /** Full-file SHA-256, hex. */
  sha256(path: string): Promise<HashResult>;
  /** "<size>:<hex>" of the file whose size the caller has just seen (fingerprint.ts). */
  fingerprint(path: string, size: number): Promise<HashResult>;
  /** Stops the workers; work still queued or running rejects with an AbortError. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  kind: 'sha256' | 'fingerprint';
  path: string;
  size: number;
  resolve(r: HashResult): void;
  reject(e: Error): void;
}

type Reply = { id: number; ok: true; hex: string; bytes: number } | { id: number; ok: false; code: string | null; message: string };

/** Fingerprints per message: enough to amortise a round trip, few enough to spread a folder over the workers. */
const FINGERPRINT_BATCH = 16;

export function createHashPool(size = availableParallelism()): HashPool {
  const n = Math.max(1, size);
  const queue: Job[] = [];
  const running = new Map<Worker, Job[]>();
  const idle: Worker[] = [];
  let nextId = 1;
  let closed = false;
  let started = false;

  const abortError = () => Object.assign(new Error('hashing cancelled'), { name: 'AbortError' });
  const failAll = (e: Error) => {
    for (const j of queue.splice(0)) j.reject(e);
    for (const jobs of running.values()) for (const j of jobs) j.reject(e);
    running.clear();
  };
  const dispatchNext = () => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      let take = 1;
      if (queue[0]!.kind === 'fingerprint') while (take < FINGERPRINT_BATCH && queue[take]?.kind === 'fingerprint') take++;
      const jobs = queue.splice(0, take);
      running.set(w, jobs);
      w.postMessage(jobs.map(({ id, kind, path, size: bytes }) => ({ id, kind, path, size: bytes })));
    }
  };
  const start = () => {
    started = true;
    for (let i = 0; i < n; i++) {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      w.on('message', (replies: Reply[]) => {
        const jobs = running.get(w) ?? [];
        running.delete(w);
        idle.push(w);
        replies.forEach((m, k) => {
          const job = jobs[k];
          if (!job || job.id !== m.id) return;
          job.resolve(m.ok ? { ok: true, hex: m.hex, bytes: m.bytes } : { ok: false, code: m.code, reason: hashError(m.code, m.message) });
        });
        dispatchNext();
      });
      w.on('error', (e) => {
        if (!closed) {
          closed = true;
          failAll(e);
        }
      });
      idle.push(w);
    }
  };
  // Jobs submitted in the same turn of the event loop leave together: one message carries a batch.
  let dispatchQueued = false;
  const submit = (kind: Job['kind'], path: string, bytes: number) => {
    if (closed) return Promise.reject(abortError());
    if (!started) start();
    return new Promise<HashResult>((resolve, reject) => {
      queue.push({ id: nextId++, kind, path, size: bytes, resolve, reject });
      if (dispatchQueued) return;
      dispatchQueued = true;
      setImmediate(() => {
        dispatchQueued = false;
        dispatchNext();
      });
    });
  };

  return {
    size: n,
    sha256: (path) => submit('sha256', path, 0),
    fingerprint: (path, bytes) => submit('fingerprint', path, bytes),
    async close() {
      const all = [...idle, ...running.keys()];
      closed = true;
      failAll(abortError());
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

function hashError(code: string | null, message: string): string {
  if (code === 'ENOENT') return 'file disappeared before it could be read';
  if (code === 'EACCES' || code === 'EPERM') return `cannot read the file: permission denied (${code})`;
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `cannot read the file: ${message.split('\n')[0]}`;
}
