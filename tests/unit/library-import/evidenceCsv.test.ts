import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvidenceCsv } from '../../../shared/library/evidenceCsv';
import { AXON_PRESET, type EvidenceMappingInput } from '../../../shared/library/mapping';

const sample = readFileSync(new URL('../../fixtures/data/axon-style-export.csv', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'bwc-evidence-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the bytes to a real file and reads them back as an importer would. */
function viaFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return readFileSync(path, 'utf8');
}

const HEADER = 'ID,Title,Categories,Description,Owner,Recorded By,Recorded On,Uploaded On,Duration,Cases,Tags,Evidence Group,File Name';
const row = (over: Partial<Record<string, string>> = {}): string => {
  const base: Record<string, string> = {
    id: 'a1', title: 'Clip', categories: 'Domestic Abuse', description: '', owner: 'PC 1CE', by: 'PC 1CE',
    recorded: '01/10/2026 10:00', uploaded: '01/10/2026 12:00', duration: '00:01:00', cases: 'CAD 1/01OCT26',
    tags: '', group: 'CE-ERT-A', file: 'a1.mp4', ...over,
  };
  return [base.id, base.title, base.categories, base.description, base.owner, base.by, base.recorded, base.uploaded,
    base.duration, base.cases, base.tags, base.group, base.file].join(',');
};
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('parseEvidenceCsv on the sample export', () => {
  const r = parseEvidenceCsv(sample, AXON_PRESET, 'axon-style-export.csv');

  it('reads every distinct row and reports exactly the repeated hour and the duplicate', () => {
    expect(r.source).toBe('axon-style-export.csv');
    expect(r.records).toHaveLength(24);
    expect(r.problems).toEqual([
      {
        line: 7,
        message: 'column "Recorded On": "25/10/2026 01:30" is in the hour repeated when the clocks went back; ' +
          'read as the first (BST) one, 2026-10-25T00:30:00.000Z',
      },
      { line: 27, message: 'duplicate of line 5' },
    ]);
  });

  it('maps the first row field by field', () => {
    expect(r.records[0]).toEqual({
      line: 2,
      evidenceId: '0c5c7fd0a6a3a450',
      title: 'Axon Body 3 Video 2026-10-15 1742',
      officer: 'PC 2211CE',
      officerId: '2211CE',
      team: 'CE-ERT-A',
      bcu: null,
      group: 'CE-ERT-A',
      categories: ['Domestic Abuse'],
      flags: ['domestic-abuse', 'child-present'],
      tags: ['child present', 'follow-up'],
      description: null,
      recordedAtUtc: '2026-10-15T16:42:00.000Z', // 17:42 BST
      timeFlag: null,
      uploadedAtUtc: '2026-10-16T04:42:00.000Z',
      durationSec: 27 * 60 + 42,
      references: [],
      fileName: 'Axon_Body_3_Video_2026-10-15_1742.mp4',
      custom: {},
    });
  });

  it('keeps quoted quotes, commas and newlines, and takes the BCU from its tag', () => {
    const multi = r.records.find((x) => x.evidenceId === '506bf2efc6f87718')!;
    expect(multi).toMatchObject({
      line: 7, description: 'Line one of notes\nline two, with comma', bcu: 'Central East', timeFlag: 'ambiguous',
      recordedAtUtc: '2026-10-25T00:30:00.000Z', uploadedAtUtc: '2026-11-01T11:10:00.000Z', flags: [],
    });
    expect(r.records.find((x) => x.evidenceId === '6b0d549b6f03675a')).toMatchObject({
      description: 'Call to flat, "raised voices", two children', references: ['CAD 4517/24OCT26'],
    });
  });

  it('applies GMT after the clocks go back and derives flags from categories and tags', () => {
    expect(r.records.find((x) => x.evidenceId === '2587be6b5c9bcf35')).toMatchObject({
      recordedAtUtc: '2026-10-24T10:58:00.000Z', uploadedAtUtc: '2026-10-25T04:58:00.000Z',
      categories: ['Domestic Abuse', 'Child Present', 'Arrest'], flags: ['domestic-abuse', 'child-present'],
    });
    expect(r.records.find((x) => x.evidenceId === '153e7c2a26a2c0bd')?.flags).toEqual(['child-present', 'child-protection']);
    expect(r.records.find((x) => x.evidenceId === '95e60af593bd04cf')?.flags).toEqual([]);
    const ids = r.records.map((x) => x.evidenceId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('parseEvidenceCsv on ugly files', () => {
  it('handles a BOM, CRLF and a quoted newline from a real file', () => {
    const text = viaFile('bom.csv', '\ufeff' + csv(HEADER, row({ description: '"two\r\nlines, ""quoted"""' }), row({ id: 'a2' })));
    const r = parseEvidenceCsv(text, AXON_PRESET, 'bom.csv');
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.line, x.evidenceId, x.description])).toEqual([
      [2, 'a1', 'two\r\nlines, "quoted"'],
      [4, 'a2', null],
    ]);
  });

  it('gives one problem naming all missing required headers, and no records', () => {
    const header = HEADER.replace('ID,', 'Ref,').replace('Recorded On', 'Date');
    const r = parseEvidenceCsv(csv(header, row()), AXON_PRESET, 'x.csv');
    expect(r.records).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.line).toBe(1);
    expect(r.problems[0]!.message).toMatch(/^x\.csv is missing required column\(s\) "ID" \(evidence id\), "Recorded On" \(recorded on\)/);
  });

  it('matches headers case-insensitively after trimming and falls back between officer columns', () => {
    const text = csv(' id ,OWNER,recorded on', 'b1,PS 77CE,02/10/2026 09:00');
    const r = parseEvidenceCsv(text, AXON_PRESET, 'x.csv');
    expect(r.records).toMatchObject([{ evidenceId: 'b1', officer: 'PS 77CE', officerId: '77CE', recordedAtUtc: '2026-10-02T08:00:00.000Z' }]);
    // Optional columns the preset names but this export lacks are listed once each, on the header line.
    expect(r.problems.every((p) => p.line === 1)).toBe(true);
    expect(r.problems.map((p) => p.message)).toContain('column "Cases" (cases) is not in the header; that field is left empty');
  });

  it('uses Owner when Recorded By is empty in a row', () => {
    const r = parseEvidenceCsv(csv(HEADER, row({ by: '' , owner: 'PC 9CE' })), AXON_PRESET, 'x.csv');
    expect(r.records[0]).toMatchObject({ officer: 'PC 9CE', officerId: '9CE' });
  });

  it('keeps a row with a bad date, with the time unknown and the line and column named', () => {
    // A US-style date: month 13 under the UK reading.
    const r = parseEvidenceCsv(csv(HEADER, row({ recorded: '10/13/2026 09:00' }), row({ id: 'a2' })), AXON_PRESET, 'x.csv');
    expect(r.records.map((x) => [x.evidenceId, x.recordedAtUtc])).toEqual([['a1', null], ['a2', '2026-10-01T09:00:00.000Z']]);
    expect(r.problems).toEqual([
      { line: 2, message: 'column "Recorded On": "10/13/2026 09:00": month 13 is not 1–12; time left unknown' },
    ]);
  });

  it('reads month-first exports when the mapping says so', () => {
    const mapping: EvidenceMappingInput = { ...AXON_PRESET, dateFormat: 'mm/dd/yyyy HH:MM' };
    const r = parseEvidenceCsv(csv(HEADER, row({ recorded: '10/13/2026 09:00', uploaded: '10/13/2026 10:00' })), mapping, 'x.csv');
    expect(r.problems).toEqual([]);
    expect(r.records[0]).toMatchObject({ recordedAtUtc: '2026-10-13T08:00:00.000Z', uploadedAtUtc: '2026-10-13T09:00:00.000Z' });
  });

  it('flags the skipped hour and reports it', () => {
    const r = parseEvidenceCsv(csv(HEADER, row({ recorded: '29/03/2026 01:15' })), AXON_PRESET, 'x.csv');
    expect(r.records[0]).toMatchObject({ recordedAtUtc: '2026-03-29T01:15:00.000Z', timeFlag: 'nonexistent' });
    expect(r.problems[0]!.message).toContain('skipped when the clocks went forward');
  });

  it('reports empty and unreadable values but keeps the row', () => {
    const r = parseEvidenceCsv(
      csv(HEADER, row({ recorded: '', duration: '6:37', by: '', owner: '', cases: 'CAD 1/01OCT26; ask control' })),
      AXON_PRESET,
      'x.csv',
    );
    expect(r.records[0]).toMatchObject({
      officer: null, officerId: null, recordedAtUtc: null, durationSec: null, references: ['CAD 1/01OCT26', 'ask control'],
    });
    expect(r.problems.map((p) => p.message)).toEqual([
      'columns "Recorded By" and "Owner" are empty: officer unknown',
      'column "Recorded On" is empty: recorded time unknown',
      'column "Duration": "6:37" is not a duration in the form HH:MM:SS; duration left unknown',
      'column "Cases": "ask control" is not a CAD or CRIS reference; kept as written',
    ]);
  });

  it('drops exact duplicates and later rows reusing an id, saying which line is kept', () => {
    const r = parseEvidenceCsv(csv(HEADER, row(), row({ id: 'a2' }), row(), row({ title: 'Changed' })), AXON_PRESET, 'x.csv');
    expect(r.records.map((x) => [x.line, x.evidenceId, x.title])).toEqual([[2, 'a1', 'Clip'], [3, 'a2', 'Clip']]);
    expect(r.problems).toEqual([
      { line: 4, message: 'duplicate of line 2' },
      { line: 5, message: 'evidence id "a1" is also on line 2 with different content; line 2 is kept' },
    ]);
  });

  it('skips rows without an id and padding rows, and reports short or long rows', () => {
    const r = parseEvidenceCsv(csv(HEADER, row({ id: '' }), ',,,,,,,,,,,,', 'c1,T', row({ id: 'c2' }) + ',extra'), AXON_PRESET, 'x.csv');
    expect(r.records.map((x) => x.evidenceId)).toEqual(['c1', 'c2']);
    expect(r.problems).toEqual([
      { line: 2, message: 'column "ID" is empty: a row without an evidence id is skipped' },
      { line: 4, message: 'has 2 cells but the header has 13; read as far as it goes' },
      { line: 4, message: 'columns "Recorded By" and "Owner" are empty: officer unknown' },
      { line: 4, message: 'column "Recorded On" is empty: recorded time unknown' },
      { line: 5, message: 'has 14 cells but the header has 13; read as far as it goes' },
    ]);
  });

  it('says so for an empty file and a header-only file', () => {
    expect(parseEvidenceCsv(viaFile('empty.csv', ''), AXON_PRESET, 'empty.csv')).toEqual({
      source: 'empty.csv', records: [], problems: [{ line: 1, message: 'empty.csv is empty: no header row' }],
    });
    expect(parseEvidenceCsv('\ufeff\r\n\r\n', AXON_PRESET, 'blank.csv').problems).toEqual([{ line: 1, message: 'blank.csv is empty: no header row' }]);
    expect(parseEvidenceCsv(viaFile('header.csv', '\ufeff' + HEADER + '\r\n'), AXON_PRESET, 'header.csv')).toEqual({
      source: 'header.csv', records: [], problems: [{ line: 1, message: 'header.csv has a header but no evidence rows' }],
    });
  });

  it('reports an unterminated quote with its line', () => {
    const r = parseEvidenceCsv(csv(HEADER, row()) + 'a9,"never closed', AXON_PRESET, 'x.csv');
    expect(r.problems[0]).toEqual({ line: 3, message: 'unterminated quoted field starting on line 3' });
    expect(r.records[0]!.evidenceId).toBe('a1');
  });

  it('reads custom columns, custom flag rules and team/BCU tags', () => {
    const mapping: EvidenceMappingInput = {
      name: 'Force Y', version: 1,
      columns: { id: 'Ref', officer: 'Officer', recordedOn: 'When', tags: 'Labels', custom: { childAge: 'Child Age', cad: 'CAD Ref' } },
      tagSeparator: '|',
      fieldsFromTags: { team: 'team', bcu: 'bcu' },
      dateFormat: 'iso',
      flags: [
        { name: 'child-present', when: { column: 'Child Age', regex: '^\\d+$' } },
        { name: 'domestic-abuse', when: { column: 'Labels', contains: 'DA' } },
        { name: 'night', when: { column: 'Shift', equals: 'N' } },
      ],
    };
    const text = csv('Ref,Officer,When,Labels,Child Age', 'r1,DC 123456,2026-06-01 22:00,Team: NPT-3|BCU:North|da,4', 'r2,Jo Bloggs,2026-06-01T22:00:00Z,,');
    const r = parseEvidenceCsv(text, mapping, 'y.csv');
    expect(r.records).toMatchObject([
      { evidenceId: 'r1', officerId: '123456', team: 'NPT-3', bcu: 'North', tags: ['Team: NPT-3', 'BCU:North', 'da'],
        flags: ['child-present', 'domestic-abuse'], custom: { childAge: '4' }, recordedAtUtc: '2026-06-01T21:00:00.000Z' },
      { evidenceId: 'r2', officerId: null, team: null, bcu: null, flags: [], custom: { childAge: '' }, recordedAtUtc: '2026-06-01T22:00:00.000Z' },
    ]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'column "CAD Ref" (custom field "cad") is not in the header',
      'column "Shift" used by flag night is not in the header; that rule never matches',
    ]);
  });

  it('reports a repeated header and uses its first column', () => {
    const r = parseEvidenceCsv(csv('ID,Owner,Recorded On,ID', 'x1,PC 1CE,01/10/2026 10:00,x2'), AXON_PRESET, 'x.csv');
    expect(r.records[0]!.evidenceId).toBe('x1');
    expect(r.problems[0]).toEqual({ line: 1, message: 'header "ID" appears in columns 1 and 4; column 1 is used' });
  });

  it('refuses an invalid mapping without throwing', () => {
    const r = parseEvidenceCsv(sample, { name: 'bad', version: 1, columns: { id: 'ID' } } as unknown as EvidenceMappingInput, 'x.csv');
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([{ line: 1, message: expect.stringContaining('columns.officer') }]);
  });

  it('never throws, whatever the text', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('25/10/2026 01:30', '"', '""', '\r\n', ',', 'CAD 1/01OCT26', 'BCU:'));
    const text = fc.oneof(fc.string(), fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 6 }).map((rows) => rows.map((r) => r.join(',')).join('\r\n')));
    fc.assert(
      fc.property(text, fc.boolean(), (body, withHeader) => {
        const r = parseEvidenceCsv(withHeader ? `${HEADER}\r\n${body}` : body, AXON_PRESET, 'fuzz.csv');
        return Array.isArray(r.records) && r.problems.every((p) => Number.isInteger(p.line) && p.line >= 1);
      }),
      { numRuns: 500 },
    );
  });
});
