import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedLibraryIfEmpty } from '../../../electron/core/library/seed';
import { FIXTURES, makeTemplates, removeTmpDirs, type Templates, testCore, tmpDir, uniqueCopy } from './media';

let t: Templates;
afterAll(removeTmpDirs);
beforeAll(async () => {
  t = await makeTemplates();
});

describe('seedLibraryIfEmpty', () => {
  it('indexes the bundled library with the Axon preset into an empty database, and only then', async () => {
    const demo = tmpDir('bwc-demo-');
    uniqueCopy(t.start, join(demo, 'footage', 'Axon_Body_3_Video_2026-10-24_0215.mp4'), 1);
    copyFileSync(join(FIXTURES, 'axon-style-export.csv'), join(demo, 'export.csv'));
    const c = testCore();
    const seed = { roots: [join(demo, 'footage')], manifests: [join(demo, 'export.csv')] };
    const s = await seedLibraryIfEmpty(c.ctx, seed);
    expect(s).toMatchObject({ status: 'completed', added: 1, clips: 1, evidence: { rows: 24 } });
    expect(c.db.prepare('SELECT reference FROM incidents').pluck().all()).toEqual(['CAD 4517/24OCT26']);
    expect(await seedLibraryIfEmpty(c.ctx, seed)).toBeNull();
    expect(c.db.prepare('SELECT count(*) FROM index_runs').pluck().get()).toBe(1);
  });

  it('never throws when the demo is absent: the app starts with an empty library', async () => {
    const c = testCore();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await seedLibraryIfEmpty(c.ctx, { roots: ['/no/demo/footage'], manifests: [] })).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/demo library not indexed: library folder does not exist/));
    log.mockRestore();
    expect(c.db.prepare('SELECT count(*) FROM roots').pluck().get()).toBe(0);
  });
});
