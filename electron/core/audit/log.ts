import type { Database } from 'better-sqlite3';
import { GENESIS_HASH, rowHash, type AuditRowContent } from './chain';

export type AuditAction = 'collection' | 'alteration' | 'consultation' | 'disclosure' | 'combination' | 'erasure';

export interface AuditEvent {
  action: AuditAction;
  objectType: string;
  objectId: string | number;
  detail?: Record<string, unknown>;
  reason?: string | null;
  recipient?: string | null;
}

export interface AuditRow extends AuditRowContent {
  prev_hash: string;
  hash: string;
}

const HEAD_KEY = 'audit_head';

/**
 * Appends one event. Callers run this inside the same transaction as the change it records, so the log and the
 * data can never disagree. The head (last seq and hash) is also kept in settings so that removing the newest rows
 * is caught too, not only edits in the middle.
 */
export function appendAudit(db: Database, actor: string, ev: AuditEvent, now: Date = new Date()): AuditRow {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const content: AuditRowContent = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor,
    action: ev.action,
    object_type: ev.objectType,
    object_id: String(ev.objectId),
    detail: JSON.stringify(ev.detail ?? {}),
    reason: ev.reason ?? null,
    recipient: ev.recipient ?? null,
  };
  const prev = last?.hash ?? GENESIS_HASH;
  const row: AuditRow = { ...content, prev_hash: prev, hash: rowHash(prev, content) };
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, detail, reason, recipient, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @object_type, @object_id, @detail, @reason, @recipient, @prev_hash, @hash)`,
  ).run(row);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    HEAD_KEY,
    JSON.stringify({ seq: row.seq, hash: row.hash }),
  );
  return row;
}

export type VerifyResult =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; seq: number; problem: string };

/** Walks the chain in sequence order and names the first row that does not hold. */
export function verifyAudit(db: Database): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    count++;
    if (row.seq !== expectedSeq) {
      return { ok: false, rows: count, seq: expectedSeq, problem: `row ${expectedSeq} is missing (next row is ${row.seq})` };
    }
    if (row.prev_hash !== prev) {
      return { ok: false, rows: count, seq: row.seq, problem: `row ${row.seq} does not follow row ${row.seq - 1} (deleted, reordered or edited)` };
    }
    if (rowHash(prev, row) !== row.hash) {
      return { ok: false, rows: count, seq: row.seq, problem: `row ${row.seq} was edited after it was written` };
    }
    prev = row.hash;
    expectedSeq++;
  }
  const headRow = db.prepare('SELECT value FROM settings WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
  if (headRow) {
    const head = JSON.parse(headRow.value) as { seq: number; hash: string };
    if (head.seq !== count || head.hash !== prev) {
      return { ok: false, rows: count, seq: count + 1, problem: `rows after ${count} were removed (log head was row ${head.seq})` };
    }
  } else if (count > 0) {
    return { ok: false, rows: count, seq: count, problem: 'the log head record is missing' };
  }
  return { ok: true, rows: count, head: prev };
}

export function readAudit(db: Database, filter: { objectType?: string; objectId?: string } = {}): AuditRow[] {
  if (filter.objectType && filter.objectId) {
    return db
      .prepare('SELECT * FROM audit_log WHERE object_type = ? AND object_id = ? ORDER BY seq')
      .all(filter.objectType, filter.objectId) as AuditRow[];
  }
  return db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
}
