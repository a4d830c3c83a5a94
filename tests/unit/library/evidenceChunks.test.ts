import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteSource, parseEvidenceInChunks, splitRecords, type CsvSource } from '../../../electron/core/library/evidenceChunks';
import { parseEvidenceCsv } from '../../../shared/library/evidenceCsv';
import { AXON_PRESET } from '../../../shared/library/mapping';

const HEADER = 'ID,Title,Categories,Description,Owner,Recorded By,Recorded On,Uploaded On,Duration,Cases,Tags,Evidence Group,File Name';

async function chunked(text: string | CsvSource, rows: number) {
  const records = [];
  const problems = [];
  for await (const c of parseEvidenceInChunks(text, AXON_PRESET, 'x.csv', rows)) {
    records.push(...c.records);
    problems.push(...c.problems);
  }
  return { records, problems };
}

const cell = fc.constantFrom('', 'plain', 'with, comma', 'a "quote"', 'two\nlines', 'three\r\nlines\nhere');
const row = fc.record({
  id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', '', ' e1 '),
  title: cell,
  description: cell,
  date: fc.constantFrom('24/10/2026 02:15', '25/10/2026 01:30', '2026/10/24 02:15', ''),
  cases: fc.constantFrom('', 'CAD 4517/24OCT26', 'N/A', 'cad1/01oct26; CRIS 1234567/26'),
  tags: fc.constantFrom('', 'child present', 'BCU:Central East'),
  short: fc.boolean(),
});
const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;
const line = (r: Row) =>
  [r.id, q(r.title), 'Domestic Abuse', q(r.description), 'PC 1', 'PC 1', r.date, '', '00:01:00', r.cases, q(r.tags), 'TEAM-A', ...(r.short ? [] : ['f.mp4'])].join(',');

describe('parseEvidenceInChunks', () => {
  it('reads an export held as bytes, UTF-8 or Windows-1252, exactly as it reads the same text', async () => {
    const latin = new TextDecoder('windows-1252');
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('Zoë', 'Łukasz 🎥', 'plain'), async (rows, size, eol, name) => {
        const text = `${[HEADER, ...rows.map(line)].join(eol)}${eol}`.replaceAll('PC 1', `PC ${name}`);
        const utf8 = Buffer.from(text, 'utf8');
        expect(await chunked(byteSource(utf8, (b) => b.toString('utf8')), size)).toEqual(await chunked(text, size));
        // The same bytes as a Windows tool would be read: every byte one character, split at the same records.
        expect(await chunked(byteSource(utf8, (b) => latin.decode(b)), size)).toEqual(await chunked(latin.decode(utf8), size));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same records and problems as parsing the whole export at once, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (rows, size, eol, bom) => {
        // Exact repeats, rows sharing an ID but differing (conflicts), rows without an ID, spacing around an ID.
        const text = `${bom ? '\ufeff' : ''}${[HEADER, ...rows.map(line)].join(eol)}${eol}`;
        const whole = parseEvidenceCsv(text, AXON_PRESET, 'x.csv');
        const parts = await chunked(text, size);
        expect(parts.records).toEqual(whole.records);
        expect(parts.problems).toEqual(whole.problems);
      }),
      { numRuns: 200 },
    );
  });

  it('splits after whole records only, counting the lines inside quoted newlines', () => {
    const text = `${HEADER}\r\na,"x\ny",1\r\nb,2\r\nc,"p\n\nq"\r\nd\r\n`;
    const { header, pieces } = splitRecords(text, 2);
    expect(header).toBe(`${HEADER}\r\n`);
    expect([...pieces]).toEqual([
      { firstLine: 2, text: 'a,"x\ny",1\r\nb,2\r\n' },
      { firstLine: 5, text: 'c,"p\n\nq"\r\nd\r\n' },
    ]);
  });

  it('starts with small runs (the parser is cold) and doubles them up to the full size, losing no record', async () => {
    const body = Array.from({ length: 1000 }, (_, i) => `e${i},T,C,,PC 1,PC 1,24/10/2026 02:15,,00:01:00,,,TEAM-A,f${i}.mp4\n`);
    const text = `${HEADER}\n${body.join('')}`;
    const { pieces } = splitRecords(text);
    const list = [...pieces];
    expect(list.map((p) => p.text.split('\n').length - 1)).toEqual([25, 50, 100, 200, 200, 200, 200, 25]);
    expect(list.map((p) => p.text).join('')).toBe(body.join(''));
    expect(list.map((p) => p.firstLine)).toEqual([2, 27, 77, 177, 377, 577, 777, 977]);
    const parts = await chunked(text, 200);
    expect(parts.records).toHaveLength(1000);
    expect(parts).toEqual({ records: parseEvidenceCsv(text, AXON_PRESET, 'x.csv').records, problems: parseEvidenceCsv(text, AXON_PRESET, 'x.csv').problems });
  });

  it('reports a missing required column once, not once per chunk', async () => {
    const text = `${HEADER.replace('Recorded On,', '')}\n${Array.from({ length: 9 }, (_, i) => `e${i},T,C,,PC 1,PC 1,,00:01:00,,,TEAM-A,f.mp4`).join('\n')}\n`;
    const r = await chunked(text, 2);
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([{ line: 1, message: expect.stringMatching(/missing required column\(s\) "Recorded On"/) }]);
  });
});
