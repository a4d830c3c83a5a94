import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseCsv, toCsv } from '../../../shared/csv/parse';

describe('parseCsv', () => {
  it('strips a BOM and handles CRLF', () => {
    const r = parseCsv('\ufeffa,b\r\n1,2\r\n');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('keeps quoted commas, doubled quotes and newlines, and counts physical lines', () => {
    const r = parseCsv('id,note\n1,"a, ""quoted""\nsecond line"\n2,x\n');
    expect(r.rows[1]).toEqual({ line: 2, fields: ['1', 'a, "quoted"\nsecond line'] });
    expect(r.rows[2]).toEqual({ line: 4, fields: ['2', 'x'] });
  });

  it('reports an unterminated quote with its line and keeps earlier rows', () => {
    const r = parseCsv('a\n1\n"open\nmore');
    expect(r.rows.slice(0, 2).map((x) => x.fields)).toEqual([['a'], ['1']]);
    expect(r.errors).toEqual([{ line: 3, message: 'unterminated quoted field starting on line 3' }]);
  });

  it('keeps empty trailing fields and skips blank lines', () => {
    expect(parseCsv('a,b,\n\n1,,\n').rows.map((r) => r.fields)).toEqual([
      ['a', 'b', ''],
      ['1', '', ''],
    ]);
  });

  it('reads the sample Axon-style export without errors', () => {
    const text = readFileSync(new URL('../../fixtures/data/axon-style-export.csv', import.meta.url), 'utf8');
    const r = parseCsv(text);
    expect(r.errors).toEqual([]);
    const width = r.rows[0]!.fields.length;
    expect(width).toBeGreaterThan(5);
    for (const row of r.rows) expect(row.fields.length, `line ${row.line}`).toBe(width);
  });

  it('round-trips any table through toCsv (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '😀') });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((w) =>
          fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }),
        ),
        (table) => {
          // A row of one empty cell serialises as a blank line, which by design is not a record.
          const rows = table.filter((r) => !(r.length === 1 && r[0] === ''));
          if (rows.length === 0) return;
          const parsed = parseCsv(toCsv(rows));
          expect(parsed.errors).toEqual([]);
          expect(parsed.rows.map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
  });
});
