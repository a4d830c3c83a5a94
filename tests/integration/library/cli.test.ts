import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexSummary } from '../../../shared/ipc/library';
import { cli, ensureCliBuilt, ROOT } from '../helpers/cli';
import { makeTemplates, removeTmpDirs, type Templates, tmpDir, uniqueCopy } from './media';

let t: Templates;
afterAll(removeTmpDirs);
beforeAll(async () => {
  ensureCliBuilt();
  t = await makeTemplates();
});

const newDir = () => tmpDir('bwc-cli-lib-');
const BIN = join(ROOT, 'bin', 'bwc-dip.cjs');

describe('bwc-dip index as a process', () => {
  it('prints one JSON object with the documented fields and exits 0 even when files were skipped', () => {
    const root = newDir();
    uniqueCopy(t.start, join(root, 'a.mp4'), 1);
    writeFileSync(join(root, 'broken.mp4'), 'not a video');
    const db = join(newDir(), 'x.sqlite');
    const r = cli(['--db', db, 'index', root, '--json']);
    expect(r.code).toBe(0);
    const s = r.json<IndexSummary>();
    for (const k of ['scanned', 'added', 'updated', 'unchanged', 'moved', 'missing', 'skipped', 'clips', 'incidents', 'durationMs']) expect(s).toHaveProperty(k);
    expect(s).toMatchObject({ scanned: 2, added: 1, updated: 0, unchanged: 0, moved: 0, missing: 0, clips: 1, incidents: 1 });
    expect(s.skipped).toEqual([{ path: join(root, 'broken.mp4'), reason: expect.stringMatching(/not an MP4\/MOV/) }]);
    expect(typeof s.durationMs).toBe('number');
    expect(r.stderr).toBe('');

    const text = cli(['--db', db, 'index', root]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/2 video files .* 0 added, 0 updated, 2 unchanged/);
    expect(text.stdout).toMatch(/broken\.mp4: not an MP4\/MOV/);
  });

  it('exits 1 with one clear line when a root does not exist or is not a folder', () => {
    const db = join(newDir(), 'x.sqlite');
    const missing = cli(['--db', db, 'index', '/no/such/footage', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('bwc-dip: library folder does not exist: /no/such/footage');
    expect(missing.json()).toEqual({ error: { code: 'not-found', message: 'library folder does not exist: /no/such/footage' } });
    const file = join(newDir(), 'clip.mp4');
    writeFileSync(file, 'x');
    const notDir = cli(['--db', db, 'index', file]);
    expect(notDir.code).toBe(1);
    expect(notDir.stderr).toMatch(/not a folder/);
    expect(cli(['--db', db, 'index', newDir(), '--manifest', '/no/export.csv']).code).toBe(1);
    expect(cli(['--db', db, 'index', newDir(), '--proximity', 'soon']).stderr).toMatch(/--proximity must be a number/);
  });

  it('leaves a consistent database when killed with SIGKILL mid-run, and the next run completes the work', async () => {
    const root = newDir();
    const N = 3000;
    for (let i = 0; i < N; i++) uniqueCopy(i % 2 ? t.start : t.end, join(root, `d${String(Math.floor(i / 50)).padStart(2, '0')}`, `c${i}.mp4`), 10_000 + i);
    // Killed as soon as a first batch is committed. The kill races the run (~0.2 s for these files), and a test
    // process kept off the CPU can see the run finish first: that attempt proves nothing, so it is made again.
    const killMidRun = async () => {
      const dbPath = join(newDir(), 'x.sqlite');
      const child = spawn(process.execPath, [BIN, '--db', dbPath, 'index', root, '--json'], { cwd: ROOT, env: { ...process.env, BWC_DIP_USER: 'sgt.test' }, stdio: 'ignore' });
      const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
      let committed = 0;
      let reader: Database.Database | null = null;
      const deadline = Date.now() + 60_000;
      while (committed === 0 && Date.now() < deadline && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 2));
        try {
          reader ??= existsSync(dbPath) ? new Database(dbPath, { fileMustExist: true }) : null;
          committed = (reader?.prepare('SELECT count(*) FROM clips').pluck().get() as number | undefined) ?? 0;
        } catch {
          // The schema may not be there yet.
        }
      }
      child.kill('SIGKILL');
      await exited;
      reader?.close();
      // Finished first: every clip written, or the run closed (the kill came while the process was exiting).
      const check = new Database(dbPath, { readonly: true, fileMustExist: true });
      const written = check.prepare('SELECT count(*) FROM clips').pluck().get() as number;
      const runs = check.prepare('SELECT status FROM index_runs').pluck().all();
      check.close();
      return { dbPath, committed, finished: written === N || runs.join() !== 'running' };
    };
    let attempt = await killMidRun();
    for (let tries = 1; attempt.finished && tries < 3; tries++) attempt = await killMidRun();
    const { dbPath, committed } = attempt;
    expect(attempt.finished, 'killed before the end').toBe(false);
    expect(committed, 'the run had committed a first batch before the kill').toBeGreaterThan(0);

    const db = new Database(dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const after = db.prepare('SELECT count(*) FROM clips').pluck().get() as number;
    expect(after, 'killed before the end').toBeLessThan(N);
    expect(db.prepare("SELECT status FROM index_runs").pluck().all()).toEqual(['running']);
    db.close();

    const again = cli(['--db', dbPath, 'index', root, '--json']);
    expect(again.code).toBe(0);
    const s = again.json<IndexSummary>();
    expect(s).toMatchObject({ status: 'completed', scanned: N, unchanged: after, added: N - after, clips: N, incidents: N, missing: 0 });
    const check = new Database(dbPath, { readonly: true });
    expect(check.prepare('SELECT status FROM index_runs ORDER BY id').pluck().all()).toEqual(['interrupted', 'completed']);
    expect(check.prepare('SELECT count(*) FROM clips WHERE incident_id IS NULL').pluck().get()).toBe(0);
    check.close();
    expect(cli(['--db', dbPath, 'log', 'verify']).code).toBe(0);
  }, 120_000);

  it('reports unreadable files and folders and indexes the rest (run as an unprivileged user when we are root)', () => {
    // chmod does not stop root, so as root the CLI runs as 'nobody' (uid 65534), for whom the modes apply.
    const asRoot = process.getuid?.() === 0;
    const root = newDir();
    chmodSync(root, 0o755);
    uniqueCopy(t.start, join(root, 'good.mp4'), 1);
    uniqueCopy(t.start, join(root, 'secret.mp4'), 2);
    mkdirSync(join(root, 'locked'));
    uniqueCopy(t.start, join(root, 'locked', 'inner.mp4'), 3);
    chmodSync(join(root, 'good.mp4'), 0o644);
    chmodSync(join(root, 'secret.mp4'), 0o000);
    chmodSync(join(root, 'locked'), 0o000);
    const dbDir = newDir();
    chmodSync(dbDir, 0o777);
    const r = spawnSync(process.execPath, [BIN, '--db', join(dbDir, 'x.sqlite'), 'index', root, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BWC_DIP_USER: 'sgt.test' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(join(root, 'locked'), 0o755);
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as IndexSummary;
    expect(s).toMatchObject({ added: 1, clips: 1 });
    expect(s.skipped).toEqual(expect.arrayContaining([
      { path: join(root, 'secret.mp4'), reason: expect.stringMatching(/permission denied/) },
      { path: join(root, 'locked'), reason: expect.stringMatching(/cannot read folder: permission denied/) },
    ]));
  });
});

describe('bwc-dip incidents', () => {
  it('lists incidents with their clips, merges and splits them, and refuses bad ids', () => {
    const root = newDir();
    ['x', 'y', 'z'].forEach((n, i) => uniqueCopy(t.start, join(root, `${n}.mp4`), 40 + i));
    const db = join(newDir(), 'x.sqlite');
    expect(cli(['--db', db, 'index', root]).code).toBe(0);
    const list = cli(['--db', db, 'incidents', 'list', '--json', '--asc']);
    expect(list.code).toBe(0);
    const page = list.json<{ total: number; rows: { id: number; clips: { id: number; path: string }[] }[] }>();
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.clips.map((c) => c.path))).toEqual([[join(root, 'x.mp4')], [join(root, 'y.mp4')], [join(root, 'z.mp4')]]);
    const text = cli(['--db', db, 'incidents', 'list']);
    expect(text.stdout).toMatch(/#\d+ {2}\(no reference\) {2}24\/10\/2026 02:15 BST/);
    expect(text.stdout).toMatch(/clip \d+ {2}.*x\.mp4 {2}1s {2}h264 160x120/);

    const [a, b, c] = page.rows.map((r) => r.id) as [number, number, number];
    const merged = cli(['--db', db, 'incidents', 'merge', String(c), String(a), String(b), '--reason', 'one call', '--json']);
    expect(merged.code).toBe(0);
    expect(merged.json()).toMatchObject({ incidentId: Math.min(a, b, c) });
    const clipIds = page.rows.map((r) => r.clips[0]!.id);
    const split = cli(['--db', db, 'incidents', 'split', String(Math.min(a, b, c)), '--clips', `${clipIds[1]},${clipIds[2]}`, '--json']);
    expect(split.code).toBe(0);
    expect(split.json()).toMatchObject({ from: [Math.min(a, b, c)], clipIds: [clipIds[1], clipIds[2]] });
    expect(cli(['--db', db, 'incidents', 'list', '--json']).json<{ total: number }>().total).toBe(2);
    const audit = new Database(db, { readonly: true });
    expect(audit.prepare("SELECT count(*) FROM audit_log WHERE action = 'combination'").pluck().get()).toBe(2);
    audit.close();

    expect(cli(['--db', db, 'incidents', 'merge', String(a), 'x']).stderr).toMatch(/whole numbers/);
    expect(cli(['--db', db, 'incidents', 'merge', '999', '998']).code).toBe(1);
    expect(cli(['--db', db, 'incidents', 'split', String(a)]).stderr).toMatch(/--clips is required/);
    expect(cli(['--db', db, 'incidents', 'list', '--sort', 'colour']).code).toBe(1);
    expect(cli(['--db', db, 'incidents', 'list', '--from', '2026-13-01']).stderr).toMatch(/2026-13-01/);
  });
});
