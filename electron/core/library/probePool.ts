import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fingerprintHasher, type FingerprintHasher } from './probe/fingerprintHash';
import { probeFile, type ProbedFile } from './probe/probeFile';

/**
 * Header probes and fingerprints of new and changed files, in worker threads (probe/worker.ts): the core's thread
 * keeps walking folders, writing the database and answering the window while the workers read files. Paths travel
 * in batches (one message per batch, not per file) and each worker holds several, so it never waits for the core to
 * hand it the next one.
 */
export interface ProbePool {
  readonly size: number;
  probe(path: string): Promise<ProbedFile>;
  /** Stops the workers; probes still queued or running reject with an AbortError. */
  close(): Promise<void>;
}

/**
 * Files per message, and messages a worker holds: ~10 ms of files queued, so a worker keeps reading while the core
 * commits a batch of rows, and the core rarely waits for an answer. Answers reach the core one batch per turn of its
 * event loop (createProbePool), so a deep queue no longer makes the window wait behind a pile of answers. Measured at
 * 100k new files, one worker, 2 cores (longest stall of the core's thread in brackets): 32 x 3 in 5.4-5.6 s (29 ms),
 * 32 x 6 in 4.4 s (20 ms), 32 x 8 in 4.1-4.2 s (22 ms), 32 x 12 in 4.2 s (29 ms).
 */
const BATCH = 32;
const BATCHES_PER_WORKER = 8;
/** Files a pool keeps in its workers' hands: callers keep about twice this many asked for, so none runs dry. */
export const probesHeld = (pool: { size: number }) => Math.max(1, pool.size) * BATCH * BATCHES_PER_WORKER;
/**
 * A probe allocates little that outlives its file, so a small young generation collects it just as cheaply and keeps
 * each worker's memory small (measured at 100k files: peak RSS 180 MB instead of 226 MB while scanning, same speed).
 */
const WORKER_YOUNG_GENERATION_MB = 2;

/**
 * The bundled worker sits in dist/core/ beside the core worker. From any other bundle (dist/cli, dist/main,
 * dist/bench) it is one folder over; from the TypeScript tree (tests) it is the build's output.
 */
export function probeWorkerFile(env = process.env): string | null {
  const candidates = [
    env.BWC_DIP_PROBE_WORKER,
    join(__dirname, 'probe-worker.cjs'),
    join(__dirname, '..', 'core', 'probe-worker.cjs'),
    join(__dirname, '..', '..', '..', 'dist', 'core', 'probe-worker.cjs'),
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(p)) ?? null;
}

interface Job {
  path: string;
  resolve(r: ProbedFile): void;
  reject(e: Error): void;
}

/**
 * One probe worker per core but one: the core's own thread is busy too (walking, writing rows and incidents), and a
 * third busy thread on two cores gets the core's thread descheduled mid-task, which the window feels. Measured at
 * 100k new files on 2 cores: one worker indexes faster than two (4.1-4.3 s against 4.6 s), and the core's thread is
 * held up less often.
 */
export const defaultProbeWorkers = (cores = availableParallelism()) => Math.max(1, cores - 1);

export function createProbePool(size = defaultProbeWorkers(), file = probeWorkerFile()): ProbePool {
  // Without the bundled worker (a build step skipped) indexing still works, on this thread: slower, never wrong.
  if (file === null) return inlinePool();
  const queue: Job[] = [];
  const inflight = new Map<Worker, Job[][]>();
  let closed = false;
  const abortError = () => Object.assign(new Error('probing cancelled'), { name: 'AbortError' });
  const failAll = (e: Error) => {
    for (const j of queue.splice(0)) j.reject(e);
    for (const batches of inflight.values()) for (const b of batches) for (const j of b) j.reject(e);
    for (const w of inflight.keys()) inflight.set(w, []);
  };
  // Answers are handed over one batch per turn of the event loop: every batch pending on the port is delivered in one
  // go, and the core's work on each (rows, a commit) would otherwise add up before the window's next request.
  const answered: { jobs: Job[]; replies: ProbedFile[] }[] = [];
  const settleOne = () => {
    const { jobs, replies } = answered.shift()!;
    replies.forEach((r, k) => jobs[k]?.resolve(r));
    if (answered.length > 0) setImmediate(settleOne);
  };
  const n = Math.max(1, size);
  // Started with the first probe: a re-index of an unchanged library never needs them.
  let workers: Worker[] = [];
  const start = () => Array.from({ length: n }, () => {
    const w = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    inflight.set(w, []);
    w.on('message', (replies: ProbedFile[]) => {
      answered.push({ jobs: inflight.get(w)?.shift() ?? [], replies });
      if (answered.length === 1) setImmediate(settleOne);
      dispatch();
    });
    w.on('error', (e) => {
      if (closed) return;
      closed = true;
      failAll(e);
    });
    return w;
  });
  const dispatch = () => {
    for (const w of workers) {
      const batches = inflight.get(w)!;
      while (batches.length < BATCHES_PER_WORKER && queue.length > 0) {
        const jobs = queue.splice(0, BATCH);
        batches.push(jobs);
        w.postMessage(jobs.map((j) => j.path));
      }
    }
  };
  // Probes asked for in the same turn of the event loop leave together.
  let dispatchQueued = false;
  return {
    size: n,
    probe(path) {
      if (closed) return Promise.reject(abortError());
      if (workers.length === 0) workers = start();
      return new Promise<ProbedFile>((resolve, reject) => {
        queue.push({ path, resolve, reject });
        if (dispatchQueued) return;
        dispatchQueued = true;
        setImmediate(() => {
          dispatchQueued = false;
          dispatch();
        });
      });
    },
    async close() {
      closed = true;
      failAll(abortError());
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function inlinePool(): ProbePool {
  let closed = false;
  let hasher: Promise<FingerprintHasher> | null = null;
  return {
    size: 0,
    probe: (path) =>
      closed
        ? Promise.reject(Object.assign(new Error('probing cancelled'), { name: 'AbortError' }))
        : (hasher ??= fingerprintHasher()).then((hash) => probeFile(path, hash)),
    async close() {
      closed = true;
    },
  };
}
