import { appendFileSync, mkdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLDER_STATES_KEY } from '../../../electron/core/library/folderStates';
import { runIndex, type IndexOptions } from '../../../electron/core/library/indexRun';
import type { IndexSummary } from '../../../shared/ipc/library';
import { makeTemplates, removeTmpDirs, type Templates, testCore, type TestCore, tmpDir, uniqueCopy } from './media';

/**
 * Folder states (library/folderStates.ts): a re-index settles a folder whose listing is unchanged without reading its
 * clips. These tests hold that shortcut to the file-by-file comparison it replaces, on real files, step by step.
 */
let t: Templates;
afterAll(removeTmpDirs);
beforeAll(async () => {
  t = await makeTemplates();
});

const opts = (roots: string[]): IndexOptions => ({ roots, manifests: [], mapping: 'axon', hash: false, proximityMinutes: null });
const marked = (c: TestCore) => c.db.prepare('SELECT count(*) FROM settings WHERE key = ?').pluck().get(FOLDER_STATES_KEY) === 1;
const forgetStates = (c: TestCore) => c.db.prepare('DELETE FROM settings WHERE key = ?').run(FOLDER_STATES_KEY);

/** What a run reports and leaves, without what differs between two runs of the same work (run ids, times). */
function outcome(c: TestCore, s: IndexSummary) {
  return {
    summary: {
      status: s.status, scanned: s.scanned, added: s.added, updated: s.updated, unchanged: s.unchanged, moved: s.moved,
      missing: s.missing, clips: s.clips, incidents: s.incidents, skipped: s.skipped.map((k) => `${k.path}: ${k.reason}`).sort(),
    },
    clips: c.db.prepare('SELECT id, rel_path, status, size, mtime_ms, ino, fingerprint, probe_error, sidecar_sig, incident_id FROM clips ORDER BY id').all(),
    skipped: c.db.prepare('SELECT root_id, rel_path, size, reason FROM skipped_files ORDER BY rel_path').all(),
  };
}

describe('folder states', () => {
  it('give the same result as comparing every file, through adds, edits, moves, deleted and restored folders and bad files', async () => {
    const root = tmpDir('bwc-states-');
    const aside = tmpDir('bwc-states-aside-');
    let n = 0;
    const clip = (rel: string) => uniqueCopy(n % 2 ? t.end : t.start, join(root, rel), 5000 + n++);
    ['a/1.mp4', 'a/2.mp4', 'a/3.mov', 'b/1.mp4', 'b/2.mp4', 'c/d/1.mp4', 'c/d/2.mp4', 'top.mp4'].forEach(clip);
    writeFileSync(join(root, 'b/1.json'), JSON.stringify({ deviceSerial: 'X1' }));
    mkdirSync(join(root, 'e'));
    writeFileSync(join(root, 'e/empty.mp4'), '');
    writeFileSync(join(root, 'e/text.mp4'), 'not a video');

    // One library uses its folder states; the other is made to compare every file before each run.
    const withStates = testCore();
    const fileByFile = testCore();
    const steps: [string, () => void][] = [
      ['first index', () => undefined],
      ['nothing changed', () => undefined],
      ['a clip rewritten', () => appendFileSync(join(root, 'a/2.mp4'), Buffer.alloc(32))],
      ['a clip added', () => void clip('b/3.mp4')],
      ['a clip moved to another folder', () => renameSync(join(root, 'a/1.mp4'), join(root, 'c/d/from-a.mp4'))],
      ['a folder taken away', () => renameSync(join(root, 'c'), join(aside, 'c'))],
      ['still away', () => undefined],
      ['the folder back', () => renameSync(join(aside, 'c'), join(root, 'c'))],
      ['a sidecar edited', () => utimesSync(join(root, 'b/1.json'), new Date(), new Date(Date.now() - 60_000))],
      ['a bad file mended', () => void uniqueCopy(t.start, join(root, 'e/empty.mp4'), 9999)],
      ['a clip deleted', () => rmSync(join(root, 'top.mp4'))],
      ['a folder renamed', () => renameSync(join(root, 'b'), join(root, 'b2'))],
      ['a new folder with a bad file', () => (mkdirSync(join(root, 'f')), writeFileSync(join(root, 'f/zero.mov'), ''))],
      ['nothing changed again', () => undefined],
    ];
    for (const [step, change] of steps) {
      change();
      if (step !== 'first index') expect(marked(withStates), step).toBe(true);
      forgetStates(fileByFile);
      const a = outcome(withStates, await runIndex(withStates.ctx, opts([root])));
      const b = outcome(fileByFile, await runIndex(fileByFile.ctx, opts([root])));
      expect(a, step).toEqual(b);
      expect(a.summary.status, step).toBe('completed');
    }
    // One state per folder holding a clip or a remembered bad file, none for a folder emptied by moves ('b').
    const dirOf = (rel: string) => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
    const held = new Set([
      ...(withStates.db.prepare('SELECT rel_path FROM clips').pluck().all() as string[]).map(dirOf),
      ...(withStates.db.prepare('SELECT rel_path FROM skipped_files').pluck().all() as string[]).map(dirOf),
    ]);
    const stored = withStates.db.prepare('SELECT rel_dir FROM folder_states ORDER BY rel_dir').pluck().all();
    expect(stored).toEqual([...held].sort());
    expect(stored).not.toContain('b');
    // The last steps as a user sees them: every clip where it is, the deleted one missing, the bad file still reported.
    const last = outcome(withStates, await runIndex(withStates.ctx, opts([root])));
    expect(last.summary).toMatchObject({ unchanged: 11, missing: 1, added: 0, updated: 0 });
    expect(last.summary.skipped).toEqual([
      expect.stringMatching(/e\/text\.mp4: /),
      expect.stringMatching(/f\/zero\.mov: /),
    ]);
  });

  it('give the same result as comparing every file with nested roots and a linked folder', async () => {
    const outer = tmpDir('bwc-states-nested-');
    const inner = join(outer, 'inner');
    let n = 0;
    const clip = (path: string) => uniqueCopy(n % 2 ? t.end : t.start, path, 8000 + n++);
    [join(outer, 'a/1.mp4'), join(inner, '1.mp4'), join(inner, 'deep/2.mp4'), join(outer, 'real/3.mp4')].forEach(clip);
    symlinkSync(join(outer, 'real'), join(outer, 'a/link'));
    const withStates = testCore();
    const fileByFile = testCore();
    const steps: [string, () => void][] = [
      ['first index', () => undefined],
      ['nothing changed', () => undefined],
      ['a clip added in the inner root', () => void clip(join(inner, 'deep/4.mp4'))],
      ['a clip moved from the inner root to the outer', () => renameSync(join(inner, '1.mp4'), join(outer, 'a/moved.mp4'))],
      ['a clip added behind the link', () => void clip(join(outer, 'real/5.mp4'))],
      ['the link removed', () => rmSync(join(outer, 'a/link'))],
      ['nothing changed again', () => undefined],
    ];
    for (const [step, change] of steps) {
      change();
      forgetStates(fileByFile);
      const a = outcome(withStates, await runIndex(withStates.ctx, opts([outer, inner])));
      const b = outcome(fileByFile, await runIndex(fileByFile.ctx, opts([outer, inner])));
      expect(a, step).toEqual(b);
    }
    expect(marked(withStates)).toBe(true);
  });

  it('written by a first index from what it inserted are the ones read back from the library', async () => {
    const root = tmpDir('bwc-states-first-');
    let n = 0;
    for (const rel of ['a/1.mp4', 'a/2.mov', 'a/b/3.mp4', 'top.mp4', 'c/4.mp4', 'c/5.mp4']) uniqueCopy(n % 2 ? t.end : t.start, join(root, rel), 7200 + n++);
    writeFileSync(join(root, 'c/bad.mp4'), 'not a video');
    const c = testCore();
    await runIndex(c.ctx, opts([root]));
    const states = () => c.db.prepare('SELECT root_id, rel_dir, listing, clip_ids, clip_count, missing FROM folder_states ORDER BY rel_dir').all();
    const fromRun = states();
    expect(fromRun).toHaveLength(4);
    // Without the mark the next run compares every file and writes the states from the clips table.
    forgetStates(c);
    const again = await runIndex(c.ctx, opts([root]));
    expect(again).toMatchObject({ unchanged: 7, added: 0, clips: 6 });
    expect(states()).toEqual(fromRun);
  });

  it('settle an unchanged folder without reading its clips, and only while the last run that wrote them completed', async () => {
    const root = tmpDir('bwc-states-trust-');
    [0, 1, 2].forEach((i) => uniqueCopy(t.start, join(root, `a/${i}.mp4`), 7000 + i));
    const c = testCore();
    await runIndex(c.ctx, opts([root]));
    expect(marked(c)).toBe(true);
    // A row altered behind the library's back is not read while its folder's listing is the one settled...
    c.db.prepare("UPDATE clips SET size = size + 1 WHERE rel_path = 'a/0.mp4'").run();
    const settled = await runIndex(c.ctx, opts([root]));
    expect(settled).toMatchObject({ unchanged: 3, updated: 0 });
    const size = (rel: string) => c.db.prepare('SELECT size FROM clips WHERE rel_path = ?').pluck().get(rel) as number;
    expect(size('a/0.mp4')).toBe(size('a/1.mp4') + 1);

    // ...a run that does not complete takes the mark away...
    const ac = new AbortController();
    ac.abort();
    const cancelled = await runIndex({ ...c.ctx, signal: ac.signal }, opts([root]));
    expect(cancelled.status).toBe('cancelled');
    expect(marked(c)).toBe(false);
    // ...and the next run compares every file again, so the altered row is found and read from the file.
    const compared = await runIndex(c.ctx, opts([root]));
    expect(compared).toMatchObject({ unchanged: 2, updated: 1 });
    expect(marked(c)).toBe(true);
    expect(size('a/0.mp4')).toBe(size('a/1.mp4'));
  });

  it('are kept as they are by a run that changes nothing, and written again by one that does', async () => {
    const root = tmpDir('bwc-states-keep-');
    [0, 1].forEach((i) => uniqueCopy(t.start, join(root, `a/${i}.mp4`), 7100 + i));
    uniqueCopy(t.start, join(root, 'top.mp4'), 7102);
    const c = testCore();
    await runIndex(c.ctx, opts([root]));
    const states = () => c.db.prepare('SELECT root_id, rel_dir, listing, clip_ids, missing FROM folder_states ORDER BY rel_dir').all();
    const before = states();
    expect(before).toHaveLength(2);
    expect(before).toEqual([
      expect.objectContaining({ rel_dir: '', clip_ids: expect.stringMatching(/^\d+$/), missing: 0 }),
      expect.objectContaining({ rel_dir: 'a', clip_ids: expect.stringMatching(/^\d+,\d+$/), missing: 0 }),
    ]);
    await runIndex(c.ctx, opts([root]));
    expect(states()).toEqual(before);
    rmSync(join(root, 'a/1.mp4'));
    const gone = await runIndex(c.ctx, opts([root]));
    expect(gone.missing).toBe(1);
    const after = states() as { rel_dir: string; listing: string; missing: number }[];
    expect(after.find((s) => s.rel_dir === 'a')).toMatchObject({ missing: 1 });
    expect(after.find((s) => s.rel_dir === 'a')!.listing).not.toBe((before[1] as { listing: string }).listing);
  });
});
