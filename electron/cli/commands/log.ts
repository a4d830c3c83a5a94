import { resolve } from 'node:path';
import { writeAuditCsv } from '../../core/audit/exportCsv';
import { appendAudit, verifyAudit } from '../../core/audit/log';
import { requireStr, str } from '../args';
import type { Command } from '../command';
import { writableOutPath } from '../../core/outputPath';

export const logVerify: Command = {
  path: ['log', 'verify'],
  summary: 'check the audit log hash chain; exit 1 naming the first row that was edited, deleted or reordered',
  usage: 'bwc-dip log verify [--json]',
  options: {},
  positionals: { min: 0, max: 0 },
  run(ctx) {
    const r = verifyAudit(ctx.db());
    if (r.ok) return { json: r, text: `audit log OK: ${r.rows} rows, head ${r.head.slice(0, 16)}…` };
    return { json: r, text: `audit log FAILED at row ${r.seq}: ${r.problem}`, exitCode: 1 };
  },
};

export const logExport: Command = {
  path: ['log', 'export'],
  summary: 'write the whole audit log (with hashes) as CSV; recorded as a disclosure',
  usage: 'bwc-dip log export --out FILE.csv [--recipient TEXT] [--reason TEXT] [--json]',
  options: { out: { type: 'string' }, recipient: { type: 'string' }, reason: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run(ctx, values) {
    const out = writableOutPath(requireStr(values, 'out'));
    const db = ctx.db();
    const rows = db.transaction(() => {
      // The export itself is a disclosure; log it first so the file includes its own record.
      appendAudit(db, ctx.actor, {
        action: 'disclosure',
        objectType: 'audit_log',
        objectId: 'all',
        detail: { file: resolve(out) },
        recipient: str(values, 'recipient') ?? null,
        reason: str(values, 'reason') ?? null,
      });
      return writeAuditCsv(db, out);
    })();
    return { json: { out: resolve(out), rows }, text: `wrote ${rows} audit rows to ${out}` };
  },
};
