import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIndex, type IndexOptions } from '../../../electron/core/library/indexRun';
import { makeTemplates, removeTmpDirs, type Templates, testCore, tmpDir, uniqueCopy } from './media';

/** A library indexed before schema 7 holds SHA-256 fingerprints; its next run replaces them, and moves are found again. */
let t: Templates;
afterAll(removeTmpDirs);
beforeAll(async () => {
  t = await makeTemplates();
});

const opts = (roots: string[]): IndexOptions => ({ roots, manifests: [], mapping: 'axon', hash: false, proximityMinutes: null });

/** What a version-6 build stored: "<size>:" and the SHA-256 of the first 64 KiB followed by the last 64 KiB. */
function oldFingerprint(path: string): string {
  const bytes = readFileSync(path);
  const edge = 64 * 1024;
  const hash = createHash('sha256').update(bytes.subarray(0, Math.min(bytes.length, edge))).update(bytes.subarray(Math.max(edge, bytes.length - edge)));
  return `${bytes.length}:${hash.digest('hex')}`;
}

describe('fingerprints from before schema 7', () => {
  it('are read again once by the next run, leaving everything else as it was, and moves are recognised after', async () => {
    const root = tmpDir('bwc-oldfp-');
    const paths = [0, 1, 2].map((i) => uniqueCopy(i ? t.end : t.start, join(root, `a/c${i}.mp4`), 900 + i));
    const dir = tmpDir('bwc-oldfp-db-');
    const first = testCore(dir);
    await runIndex(first.ctx, opts([root]));
    const current = first.db.prepare('SELECT id, fingerprint, fp_key, incident_id FROM clips ORDER BY id').all();
    // Turn the library back into what a version-6 build left: old fingerprints and keys, schema version 6.
    const put = first.db.prepare('UPDATE clips SET fingerprint = ?, fp_key = ?, sha256 = ? WHERE rel_path = ?');
    for (const [i, p] of paths.entries()) {
      const fp = oldFingerprint(p);
      put.run(fp, parseInt(fp.slice(fp.indexOf(':') + 1, fp.indexOf(':') + 14), 16), i === 0 ? 'f'.repeat(64) : null, `a/c${i}.mp4`);
    }
    first.db.exec("DROP TABLE folder_states; DELETE FROM settings WHERE key = 'library.folderStates'");
    first.db.pragma('user_version = 6');
    first.db.close();

    // Opening it runs migration 7, which marks the library; the run refreshes the three fingerprints and nothing else.
    const c = testCore(dir);
    expect(c.db.prepare("SELECT value FROM settings WHERE key = 'library.oldFingerprints'").pluck().get()).toBe('1');
    const s = await runIndex(c.ctx, opts([root]));
    expect(s).toMatchObject({ scanned: 3, unchanged: 3, updated: 0, added: 0, moved: 0, missing: 0 });
    expect(c.db.prepare('SELECT id, fingerprint, fp_key, incident_id FROM clips ORDER BY id').all()).toEqual(current);
    // The full SHA-256 (evidential integrity) is not the fingerprint: it stays.
    expect(c.db.prepare("SELECT sha256 FROM clips WHERE rel_path = 'a/c0.mp4'").pluck().get()).toBe('f'.repeat(64));

    // A move is recognised by the new fingerprint; and with none old left, the mark goes.
    mkdirSync(join(root, 'b'));
    renameSync(paths[1]!, join(root, 'b/moved.mp4'));
    const moved = await runIndex(c.ctx, opts([root]));
    expect(moved).toMatchObject({ moved: 1, added: 0, missing: 0, unchanged: 2 });
    expect(c.db.prepare("SELECT count(*) FROM settings WHERE key = 'library.oldFingerprints'").pluck().get()).toBe(0);
  });

  it('marks nothing in a library without clips', () => {
    const c = testCore();
    expect(c.db.prepare("SELECT count(*) FROM settings WHERE key = 'library.oldFingerprints'").pluck().get()).toBe(0);
  });
});
