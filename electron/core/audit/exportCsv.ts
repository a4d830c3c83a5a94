import type { Database } from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { toCsv } from '../../../shared/csv/parse';
import type { AuditRow } from './log';

const COLUMNS = ['seq', 'at', 'actor', 'action', 'object_type', 'object_id', 'detail', 'reason', 'recipient', 'prev_hash', 'hash'] as const;

/** Full log with both hashes, so the chain can be re-checked outside the tool. */
export function auditCsv(db: Database): { csv: string; rows: number } {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  const table = [COLUMNS as readonly string[], ...rows.map((r) => COLUMNS.map((c) => (r[c] === null ? '' : String(r[c]))))];
  return { csv: toCsv(table), rows: rows.length };
}

export function writeAuditCsv(db: Database, out: string): number {
  const { csv, rows } = auditCsv(db);
  writeFileSync(out, csv, { encoding: 'utf8', flag: 'w' });
  return rows;
}
