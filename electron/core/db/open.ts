import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { accessSync, constants, copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors';
import { MIGRATIONS } from './migrations';
import { latestVersion, migrate } from './migrate';

export interface OpenOptions {
  /** Open without ever writing (no migration, no WAL switch). */
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the one SQLite file the core owns, and brings its schema up to date.
 * Refuses, with one clear sentence and without writing a byte, a missing folder, a read-only location, a file that
 * is not a database, and a database written by a newer version of the tool.
 */
export function openDatabase(path: string, opts: OpenOptions = {}): Db {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserError('db-missing-folder', `database folder does not exist: ${folder}`);
  }
  const exists = existsSync(path);
  if (exists && statSync(path).isDirectory()) throw new UserError('bad-input', `database path is a folder: ${path}`);
  if (!opts.readonly) {
    try {
      accessSync(exists ? path : folder, constants.W_OK);
    } catch {
      throw new UserError('db-readonly', `cannot write the database at ${path} (read-only location)`);
    }
  }
  if (!exists && opts.readonly) throw new UserError('not-found', `no database at ${path}`);

  let db: Db;
  try {
    db = new Database(path, { readonly: !!opts.readonly, fileMustExist: exists });
  } catch (e) {
    throw new UserError('db-corrupt', `cannot open database ${path}: ${(e as Error).message}`);
  }
  try {
    // Reading the schema is the cheapest way to find out whether the file really is a SQLite database.
    const version = db.pragma('user_version', { simple: true }) as number;
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const latest = latestVersion(MIGRATIONS);
    if (version > latest) {
      throw new UserError(
        'db-too-new',
        `database ${path} is schema version ${version}, newer than this version of BWC Dip Sampler supports ` +
          `(${latest}); it was not opened for writing. Use a newer version of the tool.`,
      );
    }
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // An 8 MiB page cache. A 32 MiB one once saved indexing 100k clips from re-reading index pages all over the
      // file (11 s instead of 18 s), but clips no longer carry a random-order index: measured again at 100k files,
      // 8 MiB indexes as fast (footage 4.6 s against 4.8 s; with a 100k-row export 12.4 s against 12.3-12.7 s), lists
      // incidents and draws a 1M-incident frame as fast (the OS keeps the file cached either way), and peaks ~25 MB
      // lower (142 MB against 171, 228 against 250 with the export).
      // Checkpoints every ~4 MiB of WAL (SQLite's default, said here on purpose): the commit that checkpoints holds
      // the core, and at 100k files twice that stalled it ~35-40 ms instead of ~25-30 ms for the same total time
      // (the page rewrites it saved matter less since clips no longer carry a random-order index). The WAL file is
      // cut back to 64 MiB.
      db.pragma('cache_size = -8192');
      db.pragma('wal_autocheckpoint = 1000');
      db.pragma('journal_size_limit = 67108864');
      if (version < latest && version > 0) backupBeforeMigration(db, path, version);
      migrate(db, MIGRATIONS);
    }
    return db;
  } catch (e) {
    db.close();
    if (e instanceof UserError) throw e;
    const msg = (e as Error).message;
    if (/not a database|malformed|file is encrypted/i.test(msg)) {
      throw new UserError('db-corrupt', `${path} is not a valid BWC Dip Sampler database (${msg}); it was left untouched`);
    }
    throw e;
  }
}

/** A whole copy next to the file, so an upgrade that goes wrong can be undone by hand. */
function backupBeforeMigration(db: Db, path: string, version: number): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  copyFileSync(path, `${path}.v${version}-${stamp}.bak`);
}
