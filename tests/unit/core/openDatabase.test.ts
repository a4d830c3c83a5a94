import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { checkMigrationOrder, latestVersion, migrate } from '../../../electron/core/db/migrate';
import { UserError } from '../../../electron/core/errors';

const tmp = () => mkdtempSync(join(tmpdir(), 'bwc-db-'));
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).code;
  }
  throw new Error('expected a UserError');
};

describe('openDatabase', () => {
  it('creates a new database at the latest schema with WAL and foreign keys', () => {
    const path = join(tmp(), 'new.sqlite');
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(\s*,\s*WITHOUT ROWID)?\s*$/);
    db.close();
  });

  it('refuses a folder that does not exist, without creating it', () => {
    const dir = join(tmp(), 'missing', 'deeper');
    expect(codeOf(() => openDatabase(join(dir, 'x.sqlite')))).toBe('db-missing-folder');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const path = join(tmp(), 'corrupt.sqlite');
    const junk = Buffer.from('this is not sqlite at all, just some text that happens to be long enough'.repeat(100));
    writeFileSync(path, junk);
    expect(codeOf(() => openDatabase(path))).toBe('db-corrupt');
    expect(readFileSync(path)).toEqual(junk);
  });

  it('refuses a database from a newer version without writing to it', () => {
    const path = join(tmp(), 'future.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestVersion(MIGRATIONS) + 5}`);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    const before = readFileSync(path);
    let message = '';
    try {
      openDatabase(path);
    } catch (e) {
      message = (e as Error).message;
      expect((e as UserError).code).toBe('db-too-new');
    }
    expect(message).toMatch(/newer than this version/);
    expect(readFileSync(path)).toEqual(before);
  });

  it('refuses a read-only location with a clear message', () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; the check is exercised where tests run as a normal user.
      const dir = tmp();
      chmodSync(dir, 0o555);
      expect(() => openDatabase(join(dir, 'x.sqlite'))).not.toThrow();
      return;
    }
    const dir = tmp();
    chmodSync(dir, 0o555);
    expect(codeOf(() => openDatabase(join(dir, 'x.sqlite')))).toBe('db-readonly');
  });

  it('refuses a path that is a folder', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'db.sqlite'));
    expect(codeOf(() => openDatabase(join(dir, 'db.sqlite')))).toBe('bad-input');
  });

  it('copies the file before migrating an older schema', () => {
    const dir = tmp();
    const path = join(dir, 'old.sqlite');
    const raw = new Database(path);
    migrate(raw, MIGRATIONS.slice(0, 1));
    raw.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'kept')").run();
    raw.close();
    if (latestVersion(MIGRATIONS) === 1) {
      // Nothing to migrate yet: no copy is made.
      openDatabase(path).close();
      expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
      return;
    }
    const db = openDatabase(path);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'kept' });
    db.close();
    const backups = readdirSync(dir).filter((f) => f.startsWith('old.sqlite.v1-') && f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const copy = new Database(join(dir, backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });
});

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    expect(() => checkMigrationOrder(MIGRATIONS)).not.toThrow();
    expect(() => checkMigrationOrder([MIGRATIONS[0]!, MIGRATIONS[0]!])).toThrow(/out of order/);
  });

  it('roll back whole when one step fails', () => {
    const db = new Database(':memory:');
    const bad = { version: MIGRATIONS.length + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE oops (; nonsense') };
    expect(() => migrate(db, [...MIGRATIONS, bad])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'users'").get()).toEqual({ n: 0 });
  });

  it('are idempotent', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    expect(migrate(db, MIGRATIONS)).toEqual({ from: latestVersion(MIGRATIONS), to: latestVersion(MIGRATIONS) });
  });
});

describe('migrations 5 and 6 (library lookups)', () => {
  it('keys the clips a version-4 library already holds; the key is indexed at 5 and read per run from 6', () => {
    const dir = tmp();
    const path = join(dir, 'v4.sqlite');
    const raw = new Database(path);
    migrate(raw, MIGRATIONS.filter((m) => m.version <= 4));
    raw.prepare("INSERT INTO roots (id, path, added_at) VALUES (1, '/lib', 'x')").run();
    const fp = `100:${'0123456789abc'}${'0'.repeat(51)}`;
    raw.prepare(
      `INSERT INTO clips (root_id, rel_path, file_name, size, mtime_ms, ino, fingerprint, container, playable, created_at, updated_at)
       VALUES (1, 'a.mp4', 'a.mp4', 100, 1, '1', ?, 'mp4', 1, 'x', 'x')`,
    ).run(fp);
    raw.close();
    const at5 = new Database(path);
    migrate(at5, MIGRATIONS.filter((m) => m.version <= 5));
    expect(at5.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clips'").pluck().all()).toContain('clips_fp_key');
    at5.close();
    const db = openDatabase(path);
    expect(db.prepare('SELECT fp_key FROM clips').get()).toEqual({ fp_key: 0x0123456789abc });
    const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clips'").pluck().all() as string[]).sort();
    // Migration 6 drops the key's index again (move detection reads the keys per run): the keys stay.
    expect(indexes).not.toContain('clips_fp_key');
    expect(indexes).not.toContain('clips_fingerprint');
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'incidents'").pluck().all()).toContain('incidents_superseded_by');
    db.close();
  });
});
