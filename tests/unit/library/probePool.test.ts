import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintHasher } from '../../../electron/core/library/probe/fingerprintHash';
import { probeFile } from '../../../electron/core/library/probe/probeFile';
import { createProbePool, defaultProbeWorkers, probeWorkerFile } from '../../../electron/core/library/probePool';

const dir = mkdtempSync(join(tmpdir(), 'bwc-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hash = await fingerprintHasher();
const here = (path: string) => probeFile(path, hash);
const files = Array.from({ length: 600 }, (_, i) => {
  const path = join(dir, `f${i}.mp4`);
  // Not video: each probe fails with the same reason, and each fingerprint differs with the content.
  writeFileSync(path, `not a video ${i}`.repeat((i % 60) + 1));
  return path;
});

describe('probe pool', () => {
  it('finds the bundled worker (built before the tests) and honours an explicit path', () => {
    expect(probeWorkerFile()).toMatch(/probe-worker\.cjs$/);
    expect(probeWorkerFile({ BWC_DIP_PROBE_WORKER: __filename })).toBe(__filename);
  });

  it('uses a worker per core but one (the core\'s own thread is the other), and at least one', () => {
    expect([1, 2, 4, 8].map((cores) => defaultProbeWorkers(cores))).toEqual([1, 1, 3, 7]);
  });

  it('answers every path with the same result as probing in this thread, in order, across batches and workers', async () => {
    const pool = createProbePool(2);
    try {
      expect(pool.size).toBe(2);
      // 600 files: more batches than the workers hold, so answers queue up and are handed over a batch per turn.
      const got = await Promise.all(files.map((f) => pool.probe(f)));
      expect(got).toEqual(files.map(here));
      expect(got[0]!.probe).toEqual({ ok: false, reason: expect.stringMatching(/^not an MP4\/MOV file/) });
    } finally {
      await pool.close();
    }
  });

  it('probes on this thread when the worker bundle is missing', async () => {
    const pool = createProbePool(2, null);
    expect(pool.size).toBe(0);
    expect(await pool.probe(files[3]!)).toEqual(here(files[3]!));
    await pool.close();
    await expect(pool.probe(files[3]!)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects probes still queued when it is closed (a cancelled run)', async () => {
    const pool = createProbePool(1);
    const pending = Promise.allSettled(files.map((f) => pool.probe(f)));
    await pool.close();
    const settled = await pending;
    expect(settled.some((s) => s.status === 'rejected' && (s.reason as Error).name === 'AbortError')).toBe(true);
    await expect(pool.probe(files[0]!)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
