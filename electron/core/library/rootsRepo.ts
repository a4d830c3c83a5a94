import type { Database } from 'better-sqlite3';
import type { LibraryRoot } from '../../../shared/ipc/library';

/** Library roots: the folders a person pointed the app at. */

export function ensureRoot(db: Database, path: string, now: Date): number {
  db.prepare('INSERT INTO roots (path, added_at) VALUES (?, ?) ON CONFLICT(path) DO NOTHING').run(path, now.toISOString());
  return (db.prepare('SELECT id FROM roots WHERE path = ?').get(path) as { id: number }).id;
}

export function markRootsIndexed(db: Database, ids: readonly number[], now: Date): void {
  const stmt = db.prepare('UPDATE roots SET last_indexed_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(now.toISOString(), id);
}

export function countRoots(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM roots').get() as { n: number }).n;
}

export function listRoots(db: Database): LibraryRoot[] {
  return (
    db
      .prepare(
        `SELECT r.id, r.path, r.last_indexed_at AS lastIndexedAt,
           (SELECT count(*) FROM clips c WHERE c.root_id = r.id AND c.status = 'present') AS clips,
           (SELECT count(*) FROM clips c WHERE c.root_id = r.id AND c.status = 'missing') AS missing
         FROM roots r ORDER BY r.path`,
      )
      .all() as LibraryRoot[]
  );
}
