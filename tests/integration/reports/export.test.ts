import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudit, verifyAudit } from '../../../electron/core/audit/log';
import { UserError } from '../../../electron/core/errors';
import { ANSWERS_HEADER, SUMMARY_HEADER } from '../../../electron/core/reports/csv';
import { exportReport, exportsFolder, type ExportRequest } from '../../../electron/core/reports/export';
import { parseCsv } from '../../../shared/csv/parse';
import { addUser, october, RESOURCES, reportDb, tmp } from './fixture';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function setup(): { db: ReturnType<typeof reportDb>['db']; dbPath: string; dir: string } {
  const dir = tmp();
  const { db, path } = reportDb(dir);
  october(db);
  return { db, dbPath: path, dir };
}

function files(dir: string): Pick<ExportRequest, 'outputs'> {
  return {
    outputs: [
      { kind: 'pdf', file: join(dir, 'report.pdf') },
      { kind: 'answers-csv', file: join(dir, 'answers.csv') },
      { kind: 'summary-csv', file: join(dir, 'summary.csv') },
    ],
  };
}

async function rejection(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

const NOW = new Date('2025-12-01T09:00:00.000Z');

describe('exporting a report', () => {
  it('writes each file and logs each as a disclosure with what, the file hash and the recipient', async () => {
    const { db, dir } = setup();
    const out = tmp('bwc-out-');
    const result = await exportReport(
      db,
      RESOURCES,
      'lead.one',
      { scope: { kind: 'round', roundId: 1 }, ...files(out), recipient: 'BCU safeguarding board', generatedBy: 'lead.one' },
      NOW,
    );
    expect(result.files.map((f) => f.kind)).toEqual(['pdf', 'answers-csv', 'summary-csv']);
    const events = readAudit(db).filter((e) => e.action === 'disclosure');
    expect(events).toHaveLength(3);
    result.files.forEach((f, i) => {
      expect(existsSync(f.file)).toBe(true);
      expect(f.sha256).toBe(sha(f.file));
      const e = events[i]!;
      expect(e).toMatchObject({ actor: 'lead.one', object_type: 'report', object_id: result.document.meta.reportId, recipient: 'BCU safeguarding board', at: NOW.toISOString() });
      expect(JSON.parse(e.detail)).toMatchObject({ kind: f.kind, roundId: 1, file: f.file, sha256: sha(f.file), bytes: f.bytes, includeNotes: false });
    });
    expect(verifyAudit(db).ok).toBe(true);
    expect(dir).not.toBe(out);
  });

  it('records the BCU and month for a month report', async () => {
    const { db } = setup();
    const out = tmp('bwc-out-');
    await exportReport(db, RESOURCES, 'lead.one', {
      scope: { kind: 'month', bcu: 'central east', month: '2025-10' },
      outputs: [{ kind: 'summary-csv', file: join(out, 's.csv') }],
      recipient: 'Quality team',
      generatedBy: 'lead.one',
    });
    const detail = JSON.parse(readAudit(db).filter((e) => e.action === 'disclosure')[0]!.detail) as Record<string, unknown>;
    expect(detail).toMatchObject({ kind: 'summary-csv', bcu: 'Central East', month: '2025-10' });
  });

  it('answers CSV: one row per review and question, round-trips through parseCsv, guards formulas, notes only on request', async () => {
    const { db } = setup();
    const out = tmp('bwc-out-');
    await exportReport(db, RESOURCES, 'lead.one', { scope: { kind: 'round', roundId: 1 }, ...files(out), recipient: 'x', generatedBy: 'lead.one' });
    const text = readFileSync(join(out, 'answers.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = parseCsv(text);
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.rows.map((r) => r.fields);
    expect(header).toEqual([...ANSWERS_HEADER]);
    // 6 submitted reviews × (scope + 17 items + overall + escalation); the draft is not exported.
    expect(rows).toHaveLength(6 * 20);
    const col = (name: (typeof ANSWERS_HEADER)[number]) => ANSWERS_HEADER.indexOf(name);
    const cell = (incident: string, reviewer: string, item: string, name: (typeof ANSWERS_HEADER)[number]) =>
      rows.find((r) => r[col('incident_id')] === incident && r[col('reviewer')] === reviewer && r[col('item')] === item)![col(name)];
    expect(cell('1', 's1', '2', 'evidence')).toBe('11@3.5;12@40');
    expect(cell('1', 's1', '1', 'notes')).toBe('');
    expect(cell('2', 's1', 'escalation', 'answer')).toBe('yes');
    expect(cell('2', 's1', 'escalation', 'notes')).toBe('');
    expect(cell('4', 's2', 'scope', 'answer')).toBe('no');
    expect(cell('4', 's2', '5', 'answer')).toBe('');
    expect(cell('5', 's2', '1', 'answer')).toBe('yes');
    expect(cell('3', 's2', '7', 'answer')).toBe('not_visible');
    expect(rows.every((r) => r[col('rubric_id')] === 'child-focus' && r[col('rubric_version')] === '1' && r[col('round_id')] === '1')).toBe(true);
    expect(cell('1', 's1', '1', 'submitted_at')).toBe('2025-11-03T10:00:00.000Z');

    const noted = tmp('bwc-out-');
    await exportReport(db, RESOURCES, 'lead.one', {
      scope: { kind: 'round', roundId: 1 },
      outputs: [{ kind: 'answers-csv', file: join(noted, 'a.csv') }],
      recipient: 'x',
      generatedBy: 'lead.one',
      includeNotes: true,
    });
    const withNotes = parseCsv(readFileSync(join(noted, 'a.csv'), 'utf8')).rows.map((r) => r.fields);
    const noteOf = (incident: string, item: string) =>
      withNotes.find((r) => r[col('incident_id')] === incident && r[col('item')] === item)![col('notes')];
    // A note that Excel would run as a formula stays text: the leading apostrophe is the documented guard.
    expect(noteOf('1', '1')).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(noteOf('1', '3')).toBe('Spoke to the child, in the kitchen');
    expect(noteOf('2', 'escalation')).toBe('Baby unseen upstairs, no Merlin');
  });

  it('summary CSV holds the per-item table of the model', async () => {
    const { db } = setup();
    const out = tmp('bwc-out-');
    const { document } = await exportReport(db, RESOURCES, 'lead.one', { scope: { kind: 'round', roundId: 1 }, ...files(out), recipient: 'x', generatedBy: 'lead.one' });
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8')).rows.map((r) => r.fields);
    expect(header).toEqual([...SUMMARY_HEADER]);
    expect(rows).toHaveLength(17);
    document.model.items.forEach((f, i) => {
      const r = rows[i]!;
      expect(r[0]).toBe(String(f.number));
      expect(r.slice(2, 11).map(Number)).toEqual([f.counts.yes, f.counts.partly, f.counts.no, f.counts.na, f.counts.not_visible, f.counts.outOfScope, f.counts.unanswered, f.counts.notComparable, f.compliance.n]);
      expect(Number(r[11])).toBeCloseTo(f.compliance.interval!.point, 6);
      expect(Number(r[12])).toBeCloseTo(f.compliance.interval!.lower, 6);
      expect(Number(r[13])).toBeCloseTo(f.compliance.interval!.upper, 6);
      expect(r[17]).toBe('');
    });
    // Hand-worked Wilson 2/4 (tests/unit/report/model.test.ts): [0.150038, 0.849962].
    expect(Number(rows[0]![12])).toBeCloseTo(0.150038, 4);
    expect(Number(rows[0]![13])).toBeCloseTo(0.849962, 4);
  });

  it('writes into the exports folder beside the database with names from the report id, never overwriting', async () => {
    const { db, dbPath } = setup();
    const folder = exportsFolder(dbPath);
    const request: ExportRequest = {
      scope: { kind: 'round', roundId: 1 },
      outputs: { folder, kinds: ['pdf', 'answers-csv'] },
      recipient: 'Board',
      generatedBy: 'lead.one',
    };
    const first = await exportReport(db, RESOURCES, 'lead.one', request);
    const id = first.document.meta.reportId;
    expect(first.files.map((f) => f.file)).toEqual([join(folder, `${id}.pdf`), join(folder, `${id}-answers.csv`)]);
    const second = await exportReport(db, RESOURCES, 'lead.one', { ...request, includeNotes: true, outputs: { folder, kinds: ['pdf'] } });
    expect(second.files[0]!.file).toBe(join(folder, `${id}-with-notes.pdf`));
    const third = await exportReport(db, RESOURCES, 'lead.one', { ...request, outputs: { folder, kinds: ['pdf'] } });
    expect(third.files[0]!.file).toBe(join(folder, `${id}-2.pdf`));
    expect(readdirSync(folder).sort()).toEqual([`${id}-2.pdf`, `${id}-answers.csv`, `${id}-with-notes.pdf`, `${id}.pdf`].sort());
  });

  it('refuses a missing folder or an empty recipient before writing or logging anything', async () => {
    const { db } = setup();
    const missing = await rejection(
      exportReport(db, RESOURCES, 'lead.one', {
        scope: { kind: 'round', roundId: 1 },
        outputs: [{ kind: 'pdf', file: join(tmp(), 'no', 'such', 'r.pdf') }],
        recipient: 'x',
        generatedBy: 'lead.one',
      }),
    );
    expect(missing.code).toBe('bad-input');
    expect(missing.message).toMatch(/output folder does not exist: .*no\/such/);
    const blank = await rejection(
      exportReport(db, RESOURCES, 'lead.one', { scope: { kind: 'round', roundId: 1 }, ...files(tmp()), recipient: '   ', generatedBy: 'lead.one' }),
    );
    expect(blank.message).toMatch(/^recipient: say who the export is for/);
    expect(readAudit(db).filter((e) => e.action === 'disclosure')).toEqual([]);
  });

  it('a folder that cannot be written: refused (read-only) or, where the write itself fails, nothing is logged', async () => {
    const { db } = setup();
    const ro = tmp('bwc-ro-');
    chmodSync(ro, 0o555);
    const request = (file: string): ExportRequest => ({ scope: { kind: 'round', roundId: 1 }, outputs: [{ kind: 'pdf', file }], recipient: 'x', generatedBy: 'lead.one' });
    if (process.getuid?.() !== 0) {
      const e = await rejection(exportReport(db, RESOURCES, 'lead.one', request(join(ro, 'r.pdf'))));
      expect(e.code).toBe('io');
      expect(e.message).toMatch(/read-only/);
    }
    // Root may write anywhere permissions allow; /proc refuses new files even to root, after every check passed.
    const e = await rejection(exportReport(db, RESOURCES, 'lead.one', request('/proc/bwc-dip-report-test.pdf')));
    expect(e.code).toBe('io');
    expect(e.message).toMatch(/cannot write/);
    expect(readAudit(db).filter((x) => x.action === 'disclosure')).toEqual([]);
    chmodSync(ro, 0o755);
  });

  it('is for BCU leads and the quality team only', async () => {
    const { db } = setup();
    addUser(db, 'pc.reviewer', 'reviewer');
    const request: ExportRequest = { scope: { kind: 'round', roundId: 1 }, ...files(tmp()), recipient: 'x', generatedBy: 'pc.reviewer' };
    expect((await rejection(exportReport(db, RESOURCES, 'pc.reviewer', request))).code).toBe('forbidden');
    expect((await rejection(exportReport(db, RESOURCES, 'nobody', request))).message).toMatch(/not registered/);
    await expect(exportReport(db, RESOURCES, 'quality.one', request)).resolves.toBeDefined();
  });
});
