import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/parse';
import { auditCsv } from '../../../electron/core/audit/exportCsv';
import { appendAudit, verifyAudit } from '../../../electron/core/audit/log';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { migrate } from '../../../electron/core/db/migrate';

function dbWithEvents(n: number) {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  for (let i = 1; i <= n; i++) {
    appendAudit(db, i % 2 ? 'sgt.a' : 'insp.b', { action: 'consultation', objectType: 'clip', objectId: i, detail: { i } }, new Date(Date.UTC(2026, 9, 1, 0, i)));
  }
  return db;
}

/** What someone with a SQLite editor would do: drop the guard triggers, then change rows. */
function tamper(db: Database.Database, sql: string) {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
}

describe('audit log', () => {
  it('verifies an intact chain', () => {
    const db = dbWithEvents(5);
    expect(verifyAudit(db)).toMatchObject({ ok: true, rows: 5 });
  });

  it('an empty log verifies', () => {
    expect(verifyAudit(dbWithEvents(0))).toMatchObject({ ok: true, rows: 0 });
  });

  it('refuses UPDATE and DELETE through the triggers', () => {
    const db = dbWithEvents(2);
    expect(() => db.exec("UPDATE audit_log SET actor = 'x' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
  });

  it('names an edited row', () => {
    const db = dbWithEvents(5);
    tamper(db, "UPDATE audit_log SET actor = 'someone.else' WHERE seq = 3");
    expect(verifyAudit(db)).toMatchObject({ ok: false, seq: 3, problem: expect.stringMatching(/edited/) });
  });

  it('names a deleted row', () => {
    const db = dbWithEvents(5);
    tamper(db, 'DELETE FROM audit_log WHERE seq = 2');
    expect(verifyAudit(db)).toMatchObject({ ok: false, seq: 2 });
  });

  it('names reordered rows', () => {
    const db = dbWithEvents(5);
    tamper(db, 'UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 100;');
    expect(verifyAudit(db)).toMatchObject({ ok: false, seq: 2 });
  });

  it('catches removal of the newest rows', () => {
    const db = dbWithEvents(5);
    tamper(db, 'DELETE FROM audit_log WHERE seq >= 4');
    expect(verifyAudit(db)).toMatchObject({ ok: false, problem: expect.stringMatching(/removed/) });
  });

  it('catches a recomputed row whose successor no longer follows', () => {
    const db = dbWithEvents(4);
    // Changing a row and fixing its own hash still breaks the link from the next row.
    tamper(db, "UPDATE audit_log SET hash = 'f' || substr(hash, 2) WHERE seq = 2");
    const r = verifyAudit(db);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([2, 3]).toContain(r.seq);
  });

  it('exports every row with both hashes as CSV', () => {
    const db = dbWithEvents(3);
    const { csv, rows } = auditCsv(db);
    expect(rows).toBe(3);
    const parsed = parseCsv(csv);
    expect(parsed.rows[0]!.fields).toEqual(['seq', 'at', 'actor', 'action', 'object_type', 'object_id', 'detail', 'reason', 'recipient', 'prev_hash', 'hash']);
    expect(parsed.rows).toHaveLength(4);
    expect(parsed.rows[1]!.fields[6]).toBe('{"i":1}');
  });
});
