import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../../electron/core/audit/log';
import { openDatabase } from '../../../electron/core/db/open';
import { reportDocument } from '../../../electron/core/reports/document';
import { gatherReport } from '../../../electron/core/reports/gather';
import { renderReportPdf } from '../../../electron/core/reports/pdf/render';
import { parseCsv } from '../../../shared/csv/parse';
import type { ReportModel } from '../../../shared/report/types';
import { cli, ensureCliBuilt } from '../helpers/cli';
import { addUser, october, RESOURCES, reportDb, tmp } from './fixture';

beforeAll(() => ensureCliBuilt());

/** A database file with the October scenario; the CLI's user (sgt.test) is a BCU lead. */
function dbFile(): string {
  const { db, path } = reportDb();
  october(db);
  addUser(db, 'sgt.test', 'lead');
  db.close();
  return path;
}

type ReportJson = ReportModel & { report: { id: string; dataSha256: string; bcu: string; month: string }; files: { kind: string; file: string; sha256: string }[] };

describe('bwc-dip report', () => {
  it('writes the PDF and both CSVs, prints the model with --json, and logs each file as a disclosure', () => {
    const db = dbFile();
    const out = tmp('bwc-cli-out-');
    const r = cli([
      '--db', db, 'report', '--round', '1', '--out', join(out, 'r.pdf'), '--csv', join(out, 'a.csv'),
      '--summary-csv', join(out, 's.csv'), '--recipient', 'BCU safeguarding board', '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = r.json<ReportJson>();
    expect(json.items[0]!.compliance).toMatchObject({ successes: 2, n: 4 });
    expect(json.items[0]!.compliance.interval!.lower).toBeCloseTo(0.150038, 4);
    expect(json.items[0]!.counts).toMatchObject({ yes: 2, partly: 1, no: 1, outOfScope: 1 });
    expect(json.escalations).toHaveLength(1);
    expect(json.report).toMatchObject({ bcu: 'Central East', month: '2025-10' });
    expect(json.files.map((f) => f.kind)).toEqual(['pdf', 'answers-csv', 'summary-csv']);
    expect(parseCsv(readFileSync(join(out, 'a.csv'), 'utf8')).rows).toHaveLength(1 + 6 * 20);
    const handle = openDatabase(db);
    const events = readAudit(handle).filter((e) => e.action === 'disclosure');
    handle.close();
    expect(events.map((e) => [e.actor, e.recipient, (JSON.parse(e.detail) as { kind: string }).kind])).toEqual([
      ['sgt.test', 'BCU safeguarding board', 'pdf'],
      ['sgt.test', 'BCU safeguarding board', 'answers-csv'],
      ['sgt.test', 'BCU safeguarding board', 'summary-csv'],
    ]);
  });

  it('gives byte for byte the PDF the core gives in-process (the app uses the same core)', async () => {
    const db = dbFile();
    const out = join(tmp('bwc-cli-out-'), 'r.pdf');
    expect(cli(['--db', db, 'report', '--round', '1', '--out', out]).code).toBe(0);
    const handle = openDatabase(db);
    const mine = await renderReportPdf(reportDocument(gatherReport(handle, RESOURCES, { kind: 'round', roundId: 1 }), { generatedBy: 'sgt.test' }), RESOURCES);
    handle.close();
    expect(readFileSync(out).equals(mine)).toBe(true);
  });

  it('reports a BCU-month in words, with a custom marking', () => {
    const db = dbFile();
    const out = join(tmp('bwc-cli-out-'), 'r.pdf');
    const r = cli(['--db', db, 'report', '--bcu', 'Central East', '--month', '2025-10', '--out', out, '--marking', 'OFFICIAL', '--recipient', 'Insp Lee']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^report RPT-2025-10-[0-9A-F]{10}: Central East: October 2025$/m);
    expect(r.stdout).toMatch(/item {2}1: 2\/4 = 50\.0% \(95% CI 15\.0–85\.0%\)/);
    expect(r.stdout).toMatch(/recorded as a disclosure to Insp Lee/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text.trim().split('\n')[0]!.trim()).toBe('OFFICIAL');
  });

  it('refuses bad input with one line and exit 1', () => {
    const db = dbFile();
    const out = join(tmp('bwc-cli-out-'), 'r.pdf');
    const cases: [string[], RegExp][] = [
      [['report', '--round', '1', '--bcu', 'X', '--month', '2025-10', '--out', out], /either --round or --bcu with --month, not both/],
      [['report', '--bcu', 'Central East', '--out', out], /give --round ID, or --bcu X with --month YYYY-MM/],
      [['report', '--round', '1'], /--out is required/],
      [['report', '--round', 'abc', '--out', out], /--round must be a number/],
      [['report', '--round', '9', '--out', out], /round 9 does not exist/],
      [['report', '--bcu', 'Atlantis', '--month', '2025-10', '--out', out], /unknown BCU "Atlantis" \(known BCUs: Central East, North West\)/],
      [['report', '--bcu', 'Central East', '--month', '2024-01', '--out', out], /no audit round sampled Central East incidents that started in January 2024/],
      [['report', '--bcu', 'Central East', '--month', '2025-1', '--out', out], /month "2025-1" is not a month in the form YYYY-MM/],
      [['report', '--round', '1', '--out', join(tmp(), 'missing', 'r.pdf')], /output folder does not exist/],
      [['report', '--round', '1', '--out', out, '--marking', ' '], /marking: must not be empty/],
    ];
    for (const [args, message] of cases) {
      const r = cli(['--db', db, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('is refused to a reviewer', () => {
    const db = dbFile();
    const r = cli(['--db', db, '--user', 's1', 'report', '--round', '1', '--out', join(tmp(), 'r.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/reports are for BCU leads and the quality team; s1 is registered as reviewer/);
  });
});
