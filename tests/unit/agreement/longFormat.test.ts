import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { krippendorffAlpha } from '../../../shared/agreement/krippendorff';
import { parseAgreementCsv, type AgreementCsvResult } from '../../../shared/agreement/longFormat';
import type { MeasurementLevel } from '../../../shared/agreement/table';
import { KRIPPENDORFF_2011 } from './tables';

const dir = mkdtempSync(join(tmpdir(), 'bwc-agreement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Round-trips through a real file, as the CLI reads one: bytes on disk, UTF-8 decoded. */
function parseFile(name: string, content: string, level: MeasurementLevel): AgreementCsvResult {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return parseAgreementCsv(readFileSync(path, 'utf8'), level);
}

function errorsOf(result: AgreementCsvResult) {
  if (result.ok) throw new Error('expected errors, parse succeeded');
  return result.errors;
}

describe('parseAgreementCsv', () => {
  it('reads the Krippendorff (2011) data from a BOM + CRLF file and reproduces alpha = 0.743', () => {
    // Long format of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C.
    const lines = ['\ufeffUnit , RATER,value'];
    KRIPPENDORFF_2011.forEach((row, u) =>
      row.forEach((v, k) => {
        if (v !== null) lines.push(`clip-${u + 1},${'ABCD'[k]},${v}`);
      }),
    );
    const result = parseFile('kripp.csv', lines.join('\r\n') + '\r\n', 'ordinal');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.table.units).toHaveLength(12);
    expect(result.table.raters).toEqual(['A', 'B', 'D', 'C']);
    expect(krippendorffAlpha(result.table, 'nominal').value).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(result.table, 'ordinal').value).toBeCloseTo(0.815, 3);
    // Unit 12 has one rating (the 41st rating, so line 42): kept in the table, named in the warnings.
    expect(result.warnings).toEqual([
      { line: 42, message: 'unit "clip-12" was rated only by "C": excluded from the statistics' },
    ]);
  });

  it('accepts columns in any order, ignores extra columns with a warning, trims nominal values', () => {
    const result = parseFile(
      'order.csv',
      'value,notes,unit,rater\n  yes ,first look,c1, Ann \nno,,c1,Bob\n',
      'nominal',
    );
    expect(result).toEqual({
      ok: true,
      table: { units: ['c1'], raters: ['Ann', 'Bob'], values: [['yes', 'no']] },
      warnings: [{ line: 1, message: 'ignored column(s): "notes"' }],
    });
  });

  it('treats an empty value as a missing rating and an absent row likewise', () => {
    const result = parseAgreementCsv('unit,rater,value\nu1,A,3\nu1,B,\nu2,A,4\nu2,B,4\n', 'interval');
    if (!result.ok) throw new Error('unexpected errors');
    expect(result.table.values).toEqual([
      [3, null],
      [4, 4],
    ]);
    expect(result.warnings).toEqual([
      { line: 2, message: 'unit "u1" was rated only by "A": excluded from the statistics' },
    ]);
  });

  it('warns about a unit whose every value is empty', () => {
    const result = parseAgreementCsv('unit,rater,value\nu1,A,\nu1,B,\nu2,A,x\nu2,B,y\n', 'nominal');
    expect(result.ok && result.warnings).toEqual([
      { line: 2, message: 'unit "u1" has no ratings (all values empty): excluded from the statistics' },
    ]);
  });

  it('skips trailing rows of bare commas', () => {
    const result = parseAgreementCsv('unit,rater,value\nu1,A,1\nu1,B,1\n,,\n , , \n', 'ordinal');
    expect(result.ok && result.table.units).toEqual(['u1']);
  });

  it('names the line of a non-numeric value at numeric levels', () => {
    const text = 'unit,rater,value\nu1,A,3\nu1,B,three\nu2,A,0x10\nu2,B,1e999\n';
    expect(errorsOf(parseAgreementCsv(text, 'ordinal'))).toEqual([
      { line: 3, message: 'value "three" is not a number (ordinal ratings must be numeric)' },
      { line: 4, message: 'value "0x10" is not a number (ordinal ratings must be numeric)' },
      { line: 5, message: 'value "1e999" is too large' },
    ]);
    expect(parseAgreementCsv(text, 'nominal').ok).toBe(true);
  });

  it('accepts signed, decimal and scientific numbers; rejects negatives at ratio level', () => {
    const text = 'unit,rater,value\nu1,A,-1.5\nu1,B,+2\nu2,A,.5\nu2,B,1e2\n';
    const interval = parseAgreementCsv(text, 'interval');
    expect(interval.ok && interval.table.values).toEqual([
      [-1.5, 2],
      [0.5, 100],
    ]);
    expect(errorsOf(parseAgreementCsv(text, 'ratio'))).toEqual([
      { line: 2, message: 'value -1.5 is negative (ratio ratings must be 0 or more)' },
    ]);
  });

  it('names both lines when a rater rates the same unit twice', () => {
    const text = 'unit,rater,value\nu1,A,1\nu1,B,2\nu2,A,1\nu1,A,\n';
    expect(errorsOf(parseAgreementCsv(text, 'nominal'))).toEqual([
      { line: 5, message: 'rater "A" rated unit "u1" twice (lines 2 and 5)' },
    ]);
  });

  it('reports every bad row at once, in line order', () => {
    const text = 'unit,rater,value\n,A,1\nu1,,2\nu1,B\nu2,A,x\n';
    expect(errorsOf(parseAgreementCsv(text, 'ordinal'))).toEqual([
      { line: 2, message: 'unit is empty' },
      { line: 3, message: 'rater is empty' },
      { line: 4, message: 'expected at least 3 fields, found 2' },
      { line: 5, message: 'value "x" is not a number (ordinal ratings must be numeric)' },
    ]);
  });

  it('rejects an empty file, a file without the header, and a header with no ratings', () => {
    expect(errorsOf(parseFile('empty.csv', '', 'nominal'))).toEqual([
      { line: 1, message: 'the file is empty: expected a header row "unit,rater,value" and ratings below it' },
    ]);
    expect(errorsOf(parseAgreementCsv('\ufeff\r\n', 'nominal'))[0]!.message).toMatch(/the file is empty/);
    expect(errorsOf(parseAgreementCsv('u1,A,3\nu1,B,3\n', 'nominal'))).toEqual([
      {
        line: 1,
        message:
          'missing header column "unit": the first row must name the columns unit, rater and value ' +
          '(found "u1", "a", "3")',
      },
    ]);
    expect(errorsOf(parseAgreementCsv('unit,rater,value\n', 'nominal'))).toEqual([
      { line: 1, message: 'no ratings: the file has a header but no rows below it' },
    ]);
  });

  it('rejects a header naming a column twice', () => {
    expect(errorsOf(parseAgreementCsv('unit,rater,value,Value\nu1,A,1,2\n', 'nominal'))).toEqual([
      { line: 1, message: 'header names column "value" twice' },
    ]);
  });

  it('passes on CSV syntax errors with their line', () => {
    expect(errorsOf(parseAgreementCsv('unit,rater,value\nu1,A,"open\n', 'nominal'))).toEqual([
      { line: 2, message: 'unterminated quoted field starting on line 2' },
    ]);
  });

  it('rejects an unknown level instead of guessing', () => {
    expect(errorsOf(parseAgreementCsv('unit,rater,value\n', 'likert' as MeasurementLevel))).toEqual([
      { line: 0, message: 'unknown level "likert": use nominal, ordinal, interval, ratio' },
    ]);
  });
});
