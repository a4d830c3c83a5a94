import { parentPort } from 'node:worker_threads';
import { fingerprintHasher } from './fingerprintHash';
import { probeFile, type ProbedFile } from './probeFile';

/**
 * Entry of the probe worker threads (bundled to dist/core/probe-worker.cjs; probePool.ts starts them). Each message
 * is a batch of paths; the answer is their ProbedFiles in the same order. Synchronous reads are the point: they
 * block only this thread, and cost far less than the core's promise-based file calls.
 */
const ready = fingerprintHasher();
// Batches that arrive while the hasher compiles wait for it, and are answered in order (one promise, FIFO).
parentPort?.on('message', (paths: string[]) => {
  void ready.then((hash) => {
    const out: ProbedFile[] = paths.map((p) => probeFile(p, hash));
    parentPort!.postMessage(out);
  });
});
