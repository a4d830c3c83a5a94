import type { Database } from 'better-sqlite3';
import type { LibraryProblem } from '../../../shared/ipc/library';

/** index_runs and their problems. */

export type RunStatus = 'running' | 'completed' | 'cancelled' | 'interrupted' | 'failed';

export interface RunRow {
  id: number;
  status: RunStatus;
  actor: string;
  pid: number;
  host: string;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
}

export interface RunProblem {
  kind: 'file' | 'folder' | 'row' | 'sidecar' | 'manifest';
  path: string;
  line: number | null;
  reason: string;
}

/** A live run's heartbeat is written at every batch commit (at least once a second while it works). */
export const STALE_HEARTBEAT_MS = 2 * 60_000;

/**
 * Settles 'running' rows: one whose process is gone (or silent for minutes) was killed, and becomes 'interrupted';
 * its committed work stays and the next run completes the rest. Returns a run that is still alive, if any, so the
 * caller can refuse to start a second one on the same database.
 */
export function settleRunningRuns(
  db: Database,
  now: Date,
  thisHost: string,
  isAlive: (pid: number) => boolean,
): RunRow | null {
  const running = db.prepare("SELECT * FROM index_runs WHERE status = 'running' ORDER BY id").all() as RunRow[];
  let live: RunRow | null = null;
  const interrupt = db.prepare("UPDATE index_runs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'");
  for (const r of running) {
    const fresh = now.getTime() - Date.parse(r.heartbeat_at) < STALE_HEARTBEAT_MS;
    if (fresh && r.host === thisHost && isAlive(r.pid)) live = r;
    else interrupt.run(now.toISOString(), r.id);
  }
  return live;
}

/** Whether a process with this id exists (a permission error means it does, under another account). */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The index run that is working on this database right now, if any (stale 'running' rows are settled first). */
export function liveRun(db: Database, now: Date, thisHost: string): RunRow | null {
  return settleRunningRuns(db, now, thisHost, processAlive);
}

export function startRun(
  db: Database,
  run: { actor: string; pid: number; host: string; roots: string[]; manifests: string[]; mapping: string | null; options: object },
  now: Date,
): number {
  const at = now.toISOString();
  const r = db
    .prepare(
      `INSERT INTO index_runs (status, actor, pid, host, started_at, heartbeat_at, roots, manifests, mapping, options)
       VALUES ('running', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(run.actor, run.pid, run.host, at, at, JSON.stringify(run.roots), JSON.stringify(run.manifests), run.mapping, JSON.stringify(run.options));
  return Number(r.lastInsertRowid);
}

export interface RunWriter {
  heartbeat(counts: object, now: Date): void;
  addProblems(problems: readonly RunProblem[]): void;
  finish(status: Exclude<RunStatus, 'running'>, counts: object, now: Date): void;
}

export function runWriter(db: Database, runId: number): RunWriter {
  const beat = db.prepare('UPDATE index_runs SET heartbeat_at = ?, counts = ? WHERE id = ?');
  const problem = db.prepare('INSERT INTO problems (run_id, kind, path, line, reason) VALUES (?, ?, ?, ?, ?)');
  const done = db.prepare('UPDATE index_runs SET status = ?, finished_at = ?, heartbeat_at = ?, counts = ? WHERE id = ?');
  return {
    heartbeat(counts, now) {
      beat.run(now.toISOString(), JSON.stringify(counts), runId);
    },
    addProblems(problems) {
      for (const p of problems) problem.run(runId, p.kind, p.path, p.line, p.reason);
    },
    finish(status, counts, now) {
      const at = now.toISOString();
      done.run(status, at, at, JSON.stringify(counts), runId);
    },
  };
}

export function latestRun(db: Database): RunRow | null {
  return (db.prepare('SELECT * FROM index_runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined) ?? null;
}

export function countRunProblems(db: Database, runId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM problems WHERE run_id = ?').get(runId) as { n: number }).n;
}

export function runProblems(db: Database, runId: number, offset: number, limit: number): LibraryProblem[] {
  return db
    .prepare('SELECT kind, path, line, reason FROM problems WHERE run_id = ? ORDER BY id LIMIT ? OFFSET ?')
    .all(runId, limit, offset) as LibraryProblem[];
}
