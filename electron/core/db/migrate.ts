import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/** Guards against a mis-ordered list at start-up rather than half-way through someone's upgrade. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order: position ${i + 1} holds version ${m.version}`);
  });
}

/** Runs every pending migration in ONE transaction, so a crash leaves the previous schema whole. */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  checkMigrationOrder(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latestVersion(migrations)}`);
  })();
  return { from, to: latestVersion(migrations) };
}
