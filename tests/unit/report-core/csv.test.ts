import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceText, spreadsheetSafe, SUMMARY_HEADER, summaryCsv } from '../../../electron/core/reports/csv';
import { parseCsv } from '../../../shared/csv/parse';
import { buildReportModel } from '../../../shared/report/model';
import { miniRubric, review } from '../report/data';

describe('spreadsheet formula guard', () => {
  it('prefixes cells a spreadsheet would run as a formula (OWASP CSV injection) and nothing else', () => {
    expect(spreadsheetSafe('=1+1')).toBe("'=1+1");
    expect(spreadsheetSafe('+44 20 7230 1212')).toBe("'+44 20 7230 1212");
    expect(spreadsheetSafe('-2')).toBe("'-2");
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetSafe('\t=cmd')).toBe("'\t=cmd");
    expect(spreadsheetSafe('\r=cmd')).toBe("'\r=cmd");
    expect(spreadsheetSafe('CAD 1234')).toBe('CAD 1234');
    expect(spreadsheetSafe('a=b')).toBe('a=b');
    expect(spreadsheetSafe('0.150038')).toBe('0.150038');
    expect(spreadsheetSafe('')).toBe('');
  });

  it('never leaves a dangerous first character, and only ever adds one apostrophe', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = spreadsheetSafe(s);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});

describe('evidence times', () => {
  it('are written clip@second, in pin order', () => {
    expect(evidenceText([{ clipId: 12, second: 3.5 }, { clipId: 7, second: 0 }])).toBe('12@3.5;7@0');
    expect(evidenceText([])).toBe('');
  });
});

describe('summary CSV', () => {
  it('round-trips the per-item table through parseCsv, with formula-like item text guarded', () => {
    const rubric = miniRubric(1, { 2: '=Child seen, "twice", on camera' });
    const built = buildReportModel({
      month: '2025-03',
      rubric,
      reviews: [
        review({ incident: 1, stratum: 'S', reviewer: 's1', at: '2025-03-01T10:00:00Z', scope: 'yes', items: { 1: 'yes', 2: 'no', 3: 'not_visible' }, overall: 'good' }),
        review({ incident: 2, stratum: 'S', reviewer: 's1', at: '2025-03-02T10:00:00Z', scope: 'yes', items: { 1: 'partly', 2: 'no', 3: 'na' }, overall: 'good' }),
      ],
      sampled: [{ incidentId: 1, stratum: 'S' }, { incidentId: 2, stratum: 'S' }],
      allocation: [{ key: 'S', population: 20, sample: 2 }],
      proportional: true,
    });
    if (!built.ok) throw new Error(built.error);
    const parsed = parseCsv(summaryCsv(built.model));
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.rows.map((r) => r.fields);
    expect(header).toEqual([...SUMMARY_HEADER]);
    expect(rows.map((r) => r.slice(0, 11))).toEqual([
      ['1', 'Item 1 text', '1', '1', '0', '0', '0', '0', '0', '0', '2'],
      ['2', `'=Child seen, "twice", on camera`, '0', '0', '2', '0', '0', '0', '0', '0', '2'],
      ['3', 'Item 3 text', '0', '0', '0', '1', '1', '0', '0', '0', '0'],
    ]);
    // 1/2: Wilson 95% [0.094531, 0.905469] (centre 0.5, half = z/(1 + z²/2)·sqrt(1/8 + z²/16), z = 1.959964).
    expect(rows[0]!.slice(11, 17)).toEqual(['0.500000', '0.094531', '0.905469', '1.000000', '0.342380', '1.000000']);
    expect(rows[2]!.slice(11, 19)).toEqual(['', '', '', '', '', '', '', '']);
  });
});
