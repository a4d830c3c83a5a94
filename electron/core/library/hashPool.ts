import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Full-file SHA-256 for evidential integrity (`--hash`), off the core's event loop in a pool of worker threads.
 * (Fingerprints are taken with the header probe, in probePool.ts.)
 *
 * The worker is inline plain JavaScript (`eval: true`): the same source runs from the TypeScript tree under vitest and
 * from the esbuild bundles, with no extra file to ship. Workers read with synchronous calls, which block only them.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const big = Buffer.allocUnsafe(1 << 20);
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
  parentPort.postMessage(jobs.map(({ id, path }) => {
    let fd = -1;
    try {
      fd = openSync(path, 'r');
      return { id, ok: true, ...whole(fd) };
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
  /** Stops the workers; work still queued or running rejects with an AbortError. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  path: string;
  resolve(r: HashResult): void;
  reject(e: Error): void;
}

type Reply = { id: number; ok: true; hex: string; bytes: number } | { id: number; ok: false; code: string | null; message: string };

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
      const jobs = queue.splice(0, 1);
      running.set(w, jobs);
      w.postMessage(jobs.map(({ id, path }) => ({ id, path })));
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
  const submit = (path: string) => {
    if (closed) return Promise.reject(abortError());
    if (!started) start();
    return new Promise<HashResult>((resolve, reject) => {
      queue.push({ id: nextId++, path, resolve, reject });
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
    sha256: (path) => submit(path),
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
