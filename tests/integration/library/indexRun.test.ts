import { createHash } from 'node:crypto';
import {
  closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, symlinkSync,
  truncateSync, unlinkSync, utimesSync, writeFileSync, writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../../electron/core/audit/log';
import { UserError } from '../../../electron/core/errors';
import { runIndex, type IndexOptions } from '../../../electron/core/library/indexRun';
import { OTHER_CONTAINER_REASON } from '../../../electron/core/library/probe/playability';
import type { IndexSummary } from '../../../shared/ipc/library';
import { makeTemplates, plainCopy, RECORDED_AT, removeTmpDirs, type Templates, type TestCore, testCore, tmpDir, uniqueCopy } from './media';

let t: Templates;
afterAll(removeTmpDirs);
beforeAll(async () => {
  t = await makeTemplates();
});

const newRoot = () => tmpDir('bwc-lib-root-');
const opts = (roots: string[], more: Partial<IndexOptions> = {}): IndexOptions => ({
  roots, manifests: [], mapping: 'axon', hash: false, proximityMinutes: null, ...more,
});
const counts = (s: IndexSummary) => ({ scanned: s.scanned, added: s.added, updated: s.updated, unchanged: s.unchanged, moved: s.moved, missing: s.missing });

interface ClipRow {
  id: number;
  rel_path: string;
  status: string;
  fingerprint: string;
  incident_id: number | null;
  playable: number;
  unplayable_reason: string | null;
  recorded_at: string | null;
  duration_sec: number | null;
  width: number | null;
  make: string | null;
  lat: number | null;
  sha256: string | null;
}
const clipsOf = (c: TestCore) => c.db.prepare('SELECT * FROM clips ORDER BY rel_path').all() as ClipRow[];
const clipAt = (c: TestCore, rel: string) => c.db.prepare('SELECT * FROM clips WHERE rel_path = ?').get(rel) as ClipRow | undefined;

describe('runIndex: incremental life of a library', () => {
  it('indexes, then costs a stat for unchanged files, re-reads changed ones, marks missing, re-links moved', async () => {
    const root = newRoot();
    uniqueCopy(t.start, join(root, '2026-10/PC1234/a.mp4'), 1);
    uniqueCopy(t.end, join(root, '2026-10/PC1234/b.mov'), 2);
    uniqueCopy(t.start, join(root, '2026-10/PC2211/c.mp4'), 3);
    plainCopy(t.mkv, join(root, 'other/d.mkv'));
    plainCopy(t.avi, join(root, 'other/e.avi'));
    uniqueCopy(t.start, join(root, '.hidden/h.mp4'), 4);
    writeFileSync(join(root, 'Thumbs.db'), 'x');
    writeFileSync(join(root, 'other/notes.txt'), 'x');
    // A whole-second mtime, so the test can put it back exactly after tampering with the file below.
    const cPath = join(root, '2026-10/PC2211/c.mp4');
    utimesSync(cPath, 1_790_000_000, 1_790_000_000);
    const c = testCore();

    const first = await runIndex(c.ctx, opts([root]));
    expect(first.status).toBe('completed');
    expect(counts(first)).toEqual({ scanned: 5, added: 5, updated: 0, unchanged: 0, moved: 0, missing: 0 });
    expect(first.skipped).toEqual([]);
    expect(first.clips).toBe(5);
    expect(first.incidents).toBe(5);
    const a = clipAt(c, '2026-10/PC1234/a.mp4')!;
    expect(a).toMatchObject({ status: 'present', playable: 1, recorded_at: RECORDED_AT, width: 160 });
    expect(a.duration_sec).toBeCloseTo(1, 1);
    expect(a.lat).toBeCloseTo(51.545, 3);
    expect(clipAt(c, '2026-10/PC1234/b.mov')!.recorded_at).toBeNull();
    expect(clipAt(c, 'other/d.mkv')).toMatchObject({ playable: 0, unplayable_reason: OTHER_CONTAINER_REASON });
    expect(clipAt(c, 'other/e.avi')).toMatchObject({ playable: 0, unplayable_reason: OTHER_CONTAINER_REASON });
    expect(clipsOf(c).every((r) => r.incident_id !== null)).toBe(true);
    const audit = readAudit(c.db).filter((r) => r.action === 'collection');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ runId: first.runId, added: 5, scanned: 5 });

    // Unchanged costs a stat: a file rewritten in place to garbage with its size, inode and mtime kept is not read.
    const fd = openSync(cPath, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x58), 0, 64, 0);
    closeSync(fd);
    utimesSync(cPath, 1_790_000_000, 1_790_000_000);
    const second = await runIndex(c.ctx, opts([root]));
    expect(counts(second)).toEqual({ scanned: 5, added: 0, updated: 0, unchanged: 5, moved: 0, missing: 0 });
    expect(second.grouping.regrouped).toBe(false);
    expect(clipAt(c, '2026-10/PC2211/c.mp4')!.playable).toBe(1);

    // Changed (new mtime): re-read; the same clip row is updated.
    const cId = clipAt(c, '2026-10/PC2211/c.mp4')!.id;
    const oldFingerprint = clipAt(c, '2026-10/PC2211/c.mp4')!.fingerprint;
    uniqueCopy(t.start, cPath, 99);
    utimesSync(cPath, new Date(), new Date(Date.now() + 5000));
    const third = await runIndex(c.ctx, opts([root]));
    expect(counts(third)).toEqual({ scanned: 5, added: 0, updated: 1, unchanged: 4, moved: 0, missing: 0 });
    expect(clipAt(c, '2026-10/PC2211/c.mp4')).toMatchObject({ id: cId, playable: 1 });
    expect(clipAt(c, '2026-10/PC2211/c.mp4')!.fingerprint).not.toBe(oldFingerprint);

    // Deleted: missing, with its row and incident kept.
    const b = clipAt(c, '2026-10/PC1234/b.mov')!;
    const bBytes = readFileSync(join(root, '2026-10/PC1234/b.mov'));
    unlinkSync(join(root, '2026-10/PC1234/b.mov'));
    const fourth = await runIndex(c.ctx, opts([root]));
    expect(counts(fourth)).toEqual({ scanned: 4, added: 0, updated: 0, unchanged: 4, moved: 0, missing: 1 });
    expect(clipAt(c, '2026-10/PC1234/b.mov')).toMatchObject({ id: b.id, status: 'missing', incident_id: b.incident_id });
    expect(c.db.prepare('SELECT missing_count, status FROM incidents WHERE id = ?').get(b.incident_id)).toEqual({ missing_count: 1, status: 'active' });
    expect(fourth.clips).toBe(4);
    expect(fourth.incidents).toBe(5);
    // Still missing on the next run (and not re-counted as anything else).
    expect(counts(await runIndex(c.ctx, opts([root])))).toEqual({ scanned: 4, added: 0, updated: 0, unchanged: 4, moved: 0, missing: 1 });

    // Moved and renamed: the same row at its new path.
    mkdirSync(join(root, 'sorted'));
    renameSync(join(root, '2026-10/PC1234/a.mp4'), join(root, 'sorted/renamed a.mp4'));
    const fifth = await runIndex(c.ctx, opts([root]));
    expect(counts(fifth)).toEqual({ scanned: 4, added: 0, updated: 0, unchanged: 3, moved: 1, missing: 1 });
    expect(clipAt(c, 'sorted/renamed a.mp4')).toMatchObject({ id: a.id, status: 'present', incident_id: a.incident_id });
    expect(clipAt(c, '2026-10/PC1234/a.mp4')).toBeUndefined();

    // The missing file comes back as a copy (new inode): the same clip, present again.
    writeFileSync(join(root, '2026-10/PC1234/b.mov'), bBytes);
    const sixth = await runIndex(c.ctx, opts([root]));
    expect(counts(sixth)).toEqual({ scanned: 5, added: 0, updated: 1, unchanged: 4, moved: 0, missing: 0 });
    expect(clipAt(c, '2026-10/PC1234/b.mov')).toMatchObject({ id: b.id, status: 'present' });
    expect(readAudit(c.db).filter((r) => r.action === 'collection')).toHaveLength(7);
  });

  it('re-links a file moved to another root, and finds a move whatever the walk order', async () => {
    const r1 = newRoot();
    const r2 = newRoot();
    uniqueCopy(t.start, join(r1, 'z/late.mp4'), 10);
    uniqueCopy(t.start, join(r1, 'm/stay.mp4'), 11);
    const c = testCore();
    await runIndex(c.ctx, opts([r1, r2]));
    const late = clipAt(c, 'z/late.mp4')!;
    // New path sorts before the old one ("a" < "z"), so the new file is met while its old row is still 'present'.
    mkdirSync(join(r1, 'a'));
    renameSync(join(r1, 'z/late.mp4'), join(r1, 'a/early.mp4'));
    expect(counts(await runIndex(c.ctx, opts([r1, r2])))).toMatchObject({ added: 0, moved: 1, missing: 0 });
    expect(clipAt(c, 'a/early.mp4')!.id).toBe(late.id);
    renameSync(join(r1, 'a/early.mp4'), join(r2, 'other root.mp4'));
    expect(counts(await runIndex(c.ctx, opts([r1, r2])))).toMatchObject({ added: 0, moved: 1, missing: 0 });
    expect(clipAt(c, 'other root.mp4')!.id).toBe(late.id);
    // A copy (the original still in place) is a new clip, not a move.
    uniqueCopy(t.start, join(r2, 'copy.mp4'), 11);
    expect(counts(await runIndex(c.ctx, opts([r1, r2])))).toMatchObject({ added: 1, moved: 0 });
  });

  it('tells identical copies apart when one moves: the missing copy is re-linked, a further copy is new', async () => {
    const root = newRoot();
    for (const name of ['a/one.mp4', 'b/two.mp4', 'c/three.mp4']) uniqueCopy(t.start, join(root, name), 30);
    const c = testCore();
    await runIndex(c.ctx, opts([root]));
    const rows = clipsOf(c);
    expect(new Set(rows.map((r) => r.fingerprint)).size).toBe(1);
    const two = clipAt(c, 'b/two.mp4')!;
    // Three clips share the fingerprint (and its key); only the one whose file is gone can be the source of the move.
    mkdirSync(join(root, 'd'));
    renameSync(join(root, 'b/two.mp4'), join(root, 'd/two again.mp4'));
    expect(counts(await runIndex(c.ctx, opts([root])))).toMatchObject({ added: 0, moved: 1, missing: 0 });
    expect(clipAt(c, 'd/two again.mp4')!.id).toBe(two.id);
    expect(clipAt(c, 'a/one.mp4')!.id).toBe(rows.find((r) => r.rel_path === 'a/one.mp4')!.id);
    uniqueCopy(t.start, join(root, 'e/four.mp4'), 30);
    expect(counts(await runIndex(c.ctx, opts([root])))).toMatchObject({ added: 1, moved: 0, missing: 0 });
    expect(clipsOf(c)).toHaveLength(4);
  });

  it('reports zero-byte, truncated, non-video and moov-past-EOF files, indexes the rest, and remembers them', async () => {
    const root = newRoot();
    uniqueCopy(t.start, join(root, 'good.mp4'), 20);
    writeFileSync(join(root, 'zero.mp4'), '');
    uniqueCopy(t.end, join(root, 'truncated.mov'), 21);
    truncateSync(join(root, 'truncated.mov'), Math.floor(statSync(join(root, 'truncated.mov')).size / 2));
    writeFileSync(join(root, 'text.mp4'), 'this is not a video at all, just text named .mp4\n');
    const moov = Buffer.from(readFileSync(t.start));
    const at = moov.indexOf('moov');
    moov.writeUInt32BE(moov.length * 4, at - 4);
    writeFileSync(join(root, 'moov-past-eof.mp4'), moov);
    writeFileSync(join(root, 'fake.mkv'), 'not matroska');
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root]));
    expect(s.status).toBe('completed');
    expect(counts(s)).toEqual({ scanned: 6, added: 1, updated: 0, unchanged: 0, moved: 0, missing: 0 });
    const reason = (name: string) => s.skipped.find((k) => k.path === join(root, name))?.reason;
    expect(reason('zero.mp4')).toMatch(/empty file \(0 bytes\)/);
    expect(reason('truncated.mov')).toMatch(/truncated/);
    expect(reason('text.mp4')).toMatch(/not an MP4\/MOV file/);
    expect(reason('moov-past-eof.mp4')).toMatch(/moov.*claims \d+ bytes, file has \d+/);
    expect(reason('fake.mkv')).toMatch(/not a Matroska/i);
    expect(s.clips).toBe(1);

    // Unchanged bad files cost a stat and are reported again; a repaired one is indexed.
    const again = await runIndex(c.ctx, opts([root]));
    expect(counts(again)).toEqual({ scanned: 6, added: 0, updated: 0, unchanged: 6, moved: 0, missing: 0 });
    expect(again.skipped.map((k) => k.path).sort()).toEqual(s.skipped.map((k) => k.path).sort());
    uniqueCopy(t.end, join(root, 'truncated.mov'), 22);
    const fixed = await runIndex(c.ctx, opts([root]));
    expect(counts(fixed)).toMatchObject({ added: 1, unchanged: 5 });
    expect(fixed.skipped.some((k) => k.path.endsWith('truncated.mov'))).toBe(false);
    unlinkSync(join(root, 'zero.mp4'));
    await runIndex(c.ctx, opts([root]));
    expect(c.db.prepare('SELECT rel_path FROM skipped_files ORDER BY rel_path').pluck().all()).toEqual(['fake.mkv', 'moov-past-eof.mp4', 'text.mp4']);
  });

  it('keeps a known clip whose file went bad, with the reason, and reports it', async () => {
    const root = newRoot();
    uniqueCopy(t.start, join(root, 'x.mp4'), 30);
    const c = testCore();
    await runIndex(c.ctx, opts([root]));
    const id = clipAt(c, 'x.mp4')!.id;
    writeFileSync(join(root, 'x.mp4'), '');
    const s = await runIndex(c.ctx, opts([root]));
    expect(counts(s)).toMatchObject({ updated: 1, missing: 0 });
    expect(clipAt(c, 'x.mp4')).toMatchObject({ id, status: 'present', playable: 0, unplayable_reason: 'empty file (0 bytes)' });
    expect(s.skipped).toEqual([{ path: join(root, 'x.mp4'), reason: 'empty file (0 bytes)' }]);
    expect((await runIndex(c.ctx, opts([root]))).skipped).toHaveLength(1);
  });

  it('indexes names with spaces, quotes and emoji, and reports names that are not UTF-8', async () => {
    const root = newRoot();
    const names = ['with space.mp4', `it's "quoted".mp4`, 'emoji 🎥.mp4'];
    names.forEach((n, i) => uniqueCopy(t.start, join(root, 'odd 🚓', n), 40 + i));
    writeFileSync(Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff]), Buffer.from('.mp4')]), readFileSync(t.start));
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root]));
    expect(s.added).toBe(3);
    expect(clipsOf(c).map((r) => r.rel_path)).toEqual(names.map((n) => `odd 🚓/${n}`).sort());
    expect(clipsOf(c).every((r) => r.playable === 1)).toBe(true);
    expect(s.skipped).toEqual([{ path: join(root, 'bad-\\xFF.mp4'), reason: expect.stringMatching(/not valid UTF-8/) }]);
  });

  it('reports symbolic link loops and links out of the root, without following them', async () => {
    const root = newRoot();
    const outside = newRoot();
    uniqueCopy(t.start, join(root, 'sub/in.mp4'), 50);
    uniqueCopy(t.start, join(outside, 'out.mp4'), 51);
    symlinkSync(root, join(root, 'sub/loop'));
    symlinkSync(outside, join(root, 'escape'));
    symlinkSync(join(outside, 'out.mp4'), join(root, 'escape.mp4'));
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root]));
    expect(s.status).toBe('completed');
    expect(clipsOf(c).map((r) => r.rel_path)).toEqual(['sub/in.mp4']);
    const reason = (p: string) => s.skipped.find((k) => k.path === join(root, p))?.reason;
    expect(reason('sub/loop')).toMatch(/symbolic link loop/);
    expect(reason('escape')).toMatch(/outside the library roots/);
    expect(reason('escape.mp4')).toMatch(/outside the library roots/);
  });

  it('reports a folder deleted mid-scan, completes the run, and does not lose what was indexed', async () => {
    const root = newRoot();
    uniqueCopy(t.start, join(root, 'a/x.mp4'), 60);
    uniqueCopy(t.start, join(root, 'b/y.mp4'), 61);
    uniqueCopy(t.start, join(root, 'c/z.mp4'), 62);
    const c = testCore();
    await runIndex(c.ctx, opts([root]));
    const s = await runIndex(c.ctx, {
      ...opts([root]),
      beforeReadDir: (dir) => {
        if (dir === join(root, 'b')) rmSync(dir, { recursive: true });
      },
    });
    expect(s.status).toBe('completed');
    expect(s.skipped).toEqual([{ path: join(root, 'b'), reason: expect.stringMatching(/disappeared during the scan/) }]);
    expect(counts(s)).toEqual({ scanned: 2, added: 0, updated: 0, unchanged: 2, moved: 0, missing: 1 });
    expect(clipAt(c, 'b/y.mp4')).toMatchObject({ status: 'missing' });
  });

  it('refuses a root that does not exist or is a file, before doing anything', async () => {
    const c = testCore();
    const file = join(newRoot(), 'f.mp4');
    writeFileSync(file, 'x');
    await expect(runIndex(c.ctx, opts(['/no/such/folder']))).rejects.toMatchObject({ code: 'not-found' });
    await expect(runIndex(c.ctx, opts([file]))).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/not a folder/) });
    await expect(runIndex(c.ctx, opts([newRoot()], { mapping: '/no/mapping.json' }))).rejects.toBeInstanceOf(UserError);
    expect(c.db.prepare('SELECT count(*) FROM index_runs').pluck().get()).toBe(0);
  });

  it('cancels cleanly: commits what is done, marks the run cancelled, and the next run completes the work', async () => {
    const root = newRoot();
    for (let d = 0; d < 8; d++) for (let f = 0; f < 5; f++) uniqueCopy(t.start, join(root, `d${d}`, `f${f}.mp4`), 100 + d * 10 + f);
    const ac = new AbortController();
    const c = testCore(undefined, ac.signal);
    const s = await runIndex(c.ctx, { ...opts([root]), beforeReadDir: (dir) => (dir.endsWith('/d3') ? ac.abort() : undefined) });
    expect(s.status).toBe('cancelled');
    expect(c.db.prepare('SELECT status FROM index_runs WHERE id = ?').pluck().get(s.runId)).toBe('cancelled');
    const done = c.db.prepare('SELECT count(*) FROM clips').pluck().get() as number;
    expect(done).toBe(s.added);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(40);
    expect(c.events.at(-1)?.phase).toBe('cancelled');

    const next = await runIndex(testCoreOn(c), opts([root]));
    expect(next.status).toBe('completed');
    expect(next.unchanged).toBe(done);
    expect(next.added).toBe(40 - done);
    expect(next.incidents).toBe(40);
  });

  it('marks a run left "running" by a dead process as interrupted, and refuses to run beside a live one', async () => {
    const root = newRoot();
    uniqueCopy(t.start, join(root, 'x.mp4'), 70);
    const c = testCore();
    const now = new Date().toISOString();
    const insert = c.db.prepare(`INSERT INTO index_runs (status, actor, pid, host, started_at, heartbeat_at, roots) VALUES ('running', 'x', ?, ?, ?, ?, '[]')`);
    const dead = Number(insert.run(2 ** 22 + 12345, hostname(), now, now).lastInsertRowid);
    await runIndex(c.ctx, opts([root]));
    expect(c.db.prepare('SELECT status FROM index_runs WHERE id = ?').pluck().get(dead)).toBe('interrupted');
    insert.run(process.pid, hostname(), now, now);
    await expect(runIndex(c.ctx, opts([root]))).rejects.toMatchObject({ code: 'locked' });
  });

  it('--hash: full SHA-256 of each clip in worker threads, once, and again when the file changes', async () => {
    const root = newRoot();
    const paths = [0, 1, 2].map((i) => uniqueCopy(t.start, join(root, `h${i}.mp4`), 80 + i));
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root], { hash: true }));
    expect(s.hashed).toBe(3);
    for (const p of paths) {
      const rel = p.slice(root.length + 1);
      expect(clipAt(c, rel)!.sha256).toBe(createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
    expect((await runIndex(c.ctx, opts([root], { hash: true }))).hashed).toBe(0);
    uniqueCopy(t.end, paths[1]!, 90);
    const again = await runIndex(c.ctx, opts([root], { hash: true }));
    expect(again.hashed).toBe(1);
    expect(clipAt(c, 'h1.mp4')!.sha256).toBe(createHash('sha256').update(readFileSync(paths[1]!)).digest('hex'));
  });

  it('reports progress by phase, at most about five times a second', async () => {
    const root = newRoot();
    for (let i = 0; i < 30; i++) uniqueCopy(t.start, join(root, `p/${i}.mp4`), 200 + i);
    const c = testCore();
    // With the proximity rule on, new clips are grouped after the scan, in a phase of its own.
    const s = await runIndex(c.ctx, opts([root], { proximityMinutes: 10 }));
    const phases = [...new Set(c.events.map((e) => e.phase))];
    expect(phases[0]).toBe('scan');
    expect(phases).toContain('group');
    expect(phases.at(-1)).toBe('done');
    expect(c.events.at(-1)).toMatchObject({ runId: s.runId, files: 30, total: 30 });
    // Forced events mark phase changes; between them, no more than one per 200 ms.
    expect(c.events.length).toBeLessThanOrEqual(s.durationMs / 200 + 2 * phases.length + 2);
  });
});

/** A second context on the same database, without the first one's (aborted) signal. */
function testCoreOn(c: TestCore): TestCore['ctx'] {
  const { signal: _signal, ...rest } = c.ctx;
  return rest;
}
