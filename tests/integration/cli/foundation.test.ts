import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/parse';
import { cli, ensureCliBuilt } from '../helpers/cli';

beforeAll(() => ensureCliBuilt());
const tmp = () => mkdtempSync(join(tmpdir(), 'bwc-cli-'));
const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };

describe('bwc-dip as a process', () => {
  it('prints its version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(cli(['--version', '--json']).json()).toEqual({ version: pkg.version });
  });

  it('prints help listing its commands', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/log verify/);
    expect(r.stdout).toMatch(/Exit status/);
  });

  it('refuses an unknown command with one line and exit 1', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('refuses an unknown flag naming it, without a stack trace', () => {
    const r = cli(['log', 'verify', '--frob', '--db', join(tmp(), 'x.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--frob/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses a --db in a missing folder', () => {
    const r = cli(['--db', join(tmp(), 'no', 'such', 'x.sqlite'), 'log', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/database folder does not exist/);
  });

  it('refuses a corrupt database, leaving it as it was', () => {
    const path = join(tmp(), 'bad.sqlite');
    writeFileSync(path, 'x'.repeat(5000));
    const r = cli(['--db', path, 'log', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a valid BWC Dip Sampler database/);
    expect(readFileSync(path, 'utf8')).toBe('x'.repeat(5000));
  });

  it('refuses a database from a newer version', () => {
    const path = join(tmp(), 'future.sqlite');
    const raw = new Database(path);
    raw.pragma('user_version = 999');
    raw.close();
    const r = cli(['--db', path, 'users', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer than this version/);
  });

  it('refuses a read-only database location (where permissions apply)', () => {
    const dir = tmp();
    chmodSync(dir, 0o555);
    const r = cli(['--db', join(dir, 'x.sqlite'), 'users', 'list']);
    if (process.getuid?.() === 0) expect(r.code).toBe(0);
    else {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/read-only/);
    }
  });

  it('--json puts only JSON on stdout', () => {
    const db = join(tmp(), 'a.sqlite');
    const r = cli(['--db', db, '--json', 'users', 'add', '--id', 'sgt.a', '--name', 'Sgt A', '--role', 'reviewer', '--officer', '1234']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ id: 'sgt.a', displayName: 'Sgt A', role: 'reviewer', officerIds: ['1234'] });
  });

  it('log verify names the row that was tampered with by hand, and log export writes the chain', () => {
    const dir = tmp();
    const db = join(dir, 'a.sqlite');
    for (const id of ['a', 'b', 'c']) expect(cli(['--db', db, 'users', 'add', '--id', id, '--name', id, '--role', 'reviewer']).code).toBe(0);
    expect(cli(['--db', db, 'log', 'verify']).stdout).toMatch(/audit log OK: 3 rows/);

    const out = join(dir, 'log.csv');
    const exp = cli(['--db', db, 'log', 'export', '--out', out, '--recipient', 'Professional Standards']);
    expect(exp.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8')).rows;
    expect(rows).toHaveLength(5); // header + 3 users + the export's own disclosure row
    expect(rows[4]!.fields.slice(3, 5)).toEqual(['disclosure', 'audit_log']);
    expect(rows[4]!.fields[8]).toBe('Professional Standards');

    const raw = new Database(db);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = '{\"displayName\":\"forged\"}' WHERE seq = 2");
    raw.close();
    const r = cli(['--db', db, 'log', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAILED at row 2/);
    expect(cli(['--db', db, '--json', 'log', 'verify']).json()).toMatchObject({ ok: false, seq: 2 });
  });

  it('log export refuses an output folder that does not exist', () => {
    const r = cli(['--db', join(tmp(), 'a.sqlite'), 'log', 'export', '--out', join(tmp(), 'nope', 'x.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/output folder does not exist/);
  });

  it('users add refuses a bad role', () => {
    const r = cli(['--db', join(tmp(), 'a.sqlite'), 'users', 'add', '--id', 'x', '--name', 'X', '--role', 'admin']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--role must be/);
  });
});
