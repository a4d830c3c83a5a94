import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import type { Database } from 'better-sqlite3';
import { runWriter, settleRunningRuns, startRun, STALE_HEARTBEAT_MS } from '../../../electron/core/library/runsRepo';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bwc-runs-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'x.sqlite'));
};
const runStatus = (db: Database, id: number) => db.prepare('SELECT status FROM index_runs WHERE id = ?').pluck().get(id);
const run = { actor: 'a', host: 'ws1', roots: ['/r'], manifests: [], mapping: 'axon', options: {} };

describe('settleRunningRuns', () => {
  it('marks a run whose process is gone as interrupted and reports a live one', () => {
    const db = fresh();
    const now = new Date('2026-10-24T10:00:00Z');
    const dead = startRun(db, { ...run, pid: 111 }, now);
    const live = startRun(db, { ...run, pid: 222 }, now);
    const other = settleRunningRuns(db, new Date(now.getTime() + 5000), 'ws1', (pid) => pid === 222);
    expect(other?.id).toBe(live);
    expect(runStatus(db, dead)).toBe('interrupted');
    expect(runStatus(db, live)).toBe('running');
  });

  it('treats a silent run (no heartbeat for minutes) or one from another host as interrupted', () => {
    const db = fresh();
    const now = new Date('2026-10-24T10:00:00Z');
    const silent = startRun(db, { ...run, pid: 1 }, now);
    const elsewhere = startRun(db, { ...run, pid: 2, host: 'ws2' }, new Date(now.getTime() + STALE_HEARTBEAT_MS));
    const live = settleRunningRuns(db, new Date(now.getTime() + STALE_HEARTBEAT_MS + 1), 'ws1', () => true);
    expect(live).toBeNull();
    expect(runStatus(db, silent)).toBe('interrupted');
    expect(runStatus(db, elsewhere)).toBe('interrupted');
  });

  it('keeps a run alive while its heartbeat is fresh, and records how it finished', () => {
    const db = fresh();
    const t = new Date('2026-10-24T10:00:00Z');
    const id = startRun(db, { ...run, pid: 5 }, t);
    const w = runWriter(db, id);
    w.heartbeat({ scanned: 3 }, new Date(t.getTime() + STALE_HEARTBEAT_MS));
    expect(settleRunningRuns(db, new Date(t.getTime() + STALE_HEARTBEAT_MS + 10), 'ws1', () => true)?.id).toBe(id);
    w.addProblems([{ kind: 'file', path: '/r/x.mp4', line: null, reason: 'empty file (0 bytes)' }]);
    w.finish('completed', { scanned: 4 }, t);
    expect(runStatus(db, id)).toBe('completed');
    expect(db.prepare('SELECT counts FROM index_runs WHERE id = ?').pluck().get(id)).toBe('{"scanned":4}');
    expect(db.prepare('SELECT reason FROM problems WHERE run_id = ?').pluck().all(id)).toEqual(['empty file (0 bytes)']);
  });
});
